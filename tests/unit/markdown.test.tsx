import { act, render, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Markdown } from '../../src/features/chat/markdown/markdown.tsx';
import { FRAME_BUDGET_MS } from '../../src/features/chat/markdown/markdown-scheduler.ts';
import { lexBlocks } from '../../src/features/chat/markdown/render-markdown.ts';

/**
 * DOMPurify sanitises nothing under happy-dom (the renderer itself is tested in Chromium): here a stand-in
 * renders each block, taking 1 ms of a fake clock per block, so a frame's time budget is followed exactly.
 */
const fake = vi.hoisted(() => ({ clock: 0, rendered: [] as string[] }));
vi.mock('../../src/features/chat/markdown/render-markdown.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/features/chat/markdown/render-markdown.ts')>();
  const escapeText = (text: string) => text.replace(/[&<>]/g, (char) => `&#${char.charCodeAt(0)};`);
  const renderBlocks = (blocks: readonly string[]) => {
    fake.clock += blocks.length;
    fake.rendered.push(...blocks);
    return blocks.map((block) => `<p>${escapeText(block.trim())}</p>`);
  };
  return { ...actual, renderBlocks, renderMarkdown: (text: string) => renderBlocks([text])[0] };
});

const SECTION = (index: number) =>
  [`## Section ${index}`, '', `Paragraph ${index}.`, '', '- one', '- two', '', '```ts', `const x = ${index};`, '```', ''].join('\n');
const BURST = `${Array.from({ length: 60 }, (_, index) => SECTION(index)).join('\n')}\nThe end.`;
const BLOCKS = lexBlocks(BURST).length;

/** Frames run when a test says so: what one frame renders is seen in the DOM. */
let frames: Array<FrameRequestCallback> = [];
beforeEach(() => {
  fake.clock = 0;
  fake.rendered = [];
  frames = [];
  vi.spyOn(performance, 'now').mockImplementation(() => fake.clock);
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
  vi.spyOn(window, 'cancelAnimationFrame').mockImplementation(() => undefined);
});
/** Runs one frame's callbacks. */
function frame() {
  const now = frames;
  frames = [];
  act(() => {
    for (const callback of now) callback(fake.clock);
  });
}
/** Runs frames until none is requested; how many. */
function allFrames(): number {
  let count = 0;
  for (; frames.length > 0 && count < 10_000; count++) frame();
  return count;
}
afterEach(() => {
  vi.restoreAllMocks();
});

/** The renderer is a chunk of its own (import()), and a burst takes dozens of frames: slow on a busy machine. */
const FRAMES = { timeout: 15_000 };
const renderedBlocks = (container: HTMLElement) => [...container.querySelectorAll('.markdown-block:not(.plain)')];
const pendingText = (container: HTMLElement) =>
  [...container.querySelectorAll('.markdown-block.pending')].map((piece) => piece.textContent).join('');

/**
 * The answers show the renderer's markup and asked for a frame: an answer asks in an effect, which React may run
 * after the DOM changed, so a frame run as soon as the markup shows could find nothing to do.
 */
async function whenRendered(container: HTMLElement, answers = 1) {
  await waitFor(() => {
    expect(container.querySelectorAll('.markdown:not(.plain)')).toHaveLength(answers);
    expect(frames.length).toBeGreaterThan(0);
  }, FRAMES);
}

// Above FRAMES, so a wait for the renderer is not cut short by the test's default 5 s.
describe('Markdown', { timeout: 30_000 }, () => {
  it('renders a burst over several frames, the rest shown as plain text meanwhile; blocks shown keep their DOM', async () => {
    const { container } = render(<Markdown text={BURST} />);
    await whenRendered(container);
    expect(BLOCKS).toBeGreaterThan(200);
    // The first frame after the renderer arrived renders blocks.
    frame();
    const first = renderedBlocks(container);
    // A frame renders blocks for its budget (one more block at most), whatever their number: here 1 ms each.
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThanOrEqual(FRAME_BUDGET_MS + 1);
    // Nothing is missing meanwhile: what is not rendered yet is there as text.
    expect(pendingText(container)).toContain('## Section 59');
    expect(pendingText(container)).toContain('The end.');

    expect(allFrames()).toBeGreaterThan(BLOCKS / (FRAME_BUDGET_MS + 1));
    expect(container.querySelectorAll('.markdown-block.pending')).toHaveLength(0);
    const all = renderedBlocks(container);
    expect(all).toHaveLength(BLOCKS);
    expect(all[0]).toBe(first[0]);
    expect(all.at(-1)?.textContent).toBe('The end.');
    // Each settled block rendered once, in order; the tail after them.
    expect(fake.rendered.filter((block) => block !== 'The end.')).toEqual(lexBlocks(BURST).slice(0, -1));
  });

  it('renders each settled block once while deltas arrive, and nothing again for a final text equal to them', async () => {
    const { container, rerender } = render(<Markdown text={BURST.slice(0, 120)} />);
    await whenRendered(container);
    for (let end = 240; end < BURST.length; end += 120) rerender(<Markdown text={BURST.slice(0, end)} />);
    rerender(<Markdown text={BURST} />);
    allFrames();
    expect(renderedBlocks(container)).toHaveLength(BLOCKS);
    const before = renderedBlocks(container);
    const settledRenders = fake.rendered.filter((block) => block !== 'The end.').length;

    rerender(<Markdown text={`${BURST} `.slice(0, -1)} />);
    expect(renderedBlocks(container)).toEqual(before);
    expect(fake.rendered.filter((block) => block !== 'The end.').length).toBe(settledRenders);
  });

  it('renders a conversation of bursts with one budget a frame for all of them, the newest answer first', async () => {
    const answers = 8;
    const { container } = render(
      <div>
        {Array.from({ length: answers }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list
          <Markdown key={index} text={`${BURST}\n\nAnswer ${index}.`} />
        ))}
      </div>,
    );
    await whenRendered(container, answers);
    frame();
    // One frame's budget (one more block at most), not a budget for each answer.
    expect(renderedBlocks(container).length).toBeLessThanOrEqual(FRAME_BUDGET_MS + 1);
    const markdowns = [...container.querySelectorAll('.markdown')];
    expect(renderedBlocks(markdowns[answers - 1] as HTMLElement).length).toBeGreaterThan(0);
    expect(renderedBlocks(markdowns[0] as HTMLElement)).toHaveLength(0);

    // Frame after frame, all of them render to the end.
    expect(allFrames()).toBeGreaterThan((answers * BLOCKS) / (FRAME_BUDGET_MS + 1));
    expect(container.querySelectorAll('.markdown-block.pending')).toHaveLength(0);
    expect(renderedBlocks(container)).toHaveLength(answers * (BLOCKS + 1));
  });

  it('keeps an open tail too long to render as plain text, no longer marked as waiting once all else is rendered', async () => {
    const text = `# Log\n\n\`\`\`text\n${'a line of a long log\n'.repeat(1_000)}`;
    const { container } = render(<Markdown text={text} />);
    await whenRendered(container);
    allFrames();
    expect(container.querySelectorAll('.markdown-block.pending')).toHaveLength(0);
    expect(renderedBlocks(container).map((block) => block.textContent)).toEqual(['# Log']);
    const pieces = [...container.querySelectorAll('.markdown-block.plain.piece')];
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.map((piece) => piece.textContent).join('')).toBe(text.slice('# Log\n\n'.length));
  });
});
