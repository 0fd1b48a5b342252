import { describe, expect, it } from 'vitest';
import { MarkdownProgress, plainPieces } from '../../src/features/chat/markdown/markdown-progress.ts';
import { lexBlocks } from '../../src/features/chat/markdown/render-markdown.ts';

const SECTION = (index: number) =>
  [
    `## Section ${index}`,
    '',
    `Paragraph ${index} with **bold** words.`,
    '',
    '- one',
    '- two',
    '',
    '```ts',
    `const x = ${index};`,
    '```',
    '',
    '| a | b |',
    '| - | - |',
    `| ${index} | 2 |`,
    '',
  ].join('\n');
/** About 200 blocks, arriving all at once. */
const BURST = `${Array.from({ length: 40 }, (_, index) => SECTION(index)).join('\n')}\nThe end.`;
const BUDGET_MS = 6;

/**
 * A renderer whose blocks each take 1 ms of a fake clock (lexing takes none), recording what it rendered, so
 * the time budget can be followed without measuring real time.
 */
function setUp(options: { lexWindowChars?: number } = {}) {
  let clock = 0;
  const rendered: Array<{ block: string; language: string }> = [];
  let language = 'en';
  const renderer = {
    lexBlocks,
    renderBlocks: (blocks: readonly string[]) => {
      clock += blocks.length;
      for (const block of blocks) rendered.push({ block, language });
      return blocks.map((block) => `<p lang="${language}">${block.trim()}</p>`);
    },
  };
  const progress = new MarkdownProgress(renderer, {
    budgetMs: BUDGET_MS,
    maxBatch: 32,
    lexWindowChars: options.lexWindowChars ?? 2_000,
    now: () => clock,
  });
  return {
    progress,
    rendered,
    update: (text: string, next = language) => {
      language = next;
      progress.update(text, next);
    },
    /** Calls work() as frames would until nothing is left; the fake time each took. */
    frames: () => {
      const spent: number[] = [];
      for (let frame = 0; frame < 1_000 && progress.pending; frame++) {
        const started = clock;
        progress.work();
        spent.push(clock - started);
      }
      return spent;
    },
  };
}

const allBlocks = (text: string) => lexBlocks(text);

describe('MarkdownProgress', () => {
  it('renders a burst over several frames, none past its time budget by more than a block', () => {
    const { progress, update, frames } = setUp();
    update(BURST);
    const spent = frames();
    const blocks = allBlocks(BURST);
    expect(blocks.length).toBeGreaterThan(150);
    expect(spent.length).toBeGreaterThan(blocks.length / BUDGET_MS - 1);
    expect(Math.max(...spent)).toBeLessThanOrEqual(BUDGET_MS + 1);
    expect(progress.pending).toBe(false);
  });

  it('ends with every settled block rendered once, in order, and the tail ready to render', () => {
    const { progress, rendered, update, frames } = setUp();
    update(BURST);
    frames();
    const blocks = allBlocks(BURST);
    const view = progress.view();
    expect(rendered.map(({ block }) => block)).toEqual(blocks.slice(0, -1));
    expect(view.html).toEqual(blocks.slice(0, -1).map((block) => `<p lang="en">${block.trim()}</p>`));
    expect(view.tail).toBe('The end.');
    expect(view.tailReady).toBe(true);
    expect(view.plainFrom).toBe(BURST.length - 'The end.'.length);
  });

  it('meanwhile, the rendered blocks are the text before plainFrom, and the tail waits', () => {
    const { progress, update } = setUp();
    update(BURST);
    progress.work();
    const view = progress.view();
    expect(view.html.length).toBeGreaterThan(0);
    expect(view.plainFrom).toBe(allBlocks(BURST).slice(0, view.html.length).join('').length);
    expect(view.tailReady).toBe(false);
  });

  it('streamed deltas render as they settle; the same text again is no work', () => {
    const { progress, rendered, update, frames } = setUp();
    for (let end = 100; end < BURST.length + 100; end += 100) {
      update(BURST.slice(0, end));
      frames();
    }
    expect(rendered.map(({ block }) => block)).toEqual(allBlocks(BURST).slice(0, -1));
    update(`${BURST}`);
    expect(progress.pending).toBe(false);
  });

  it('a language switch renders the blocks shown again, a budget at a time, keeping the old HTML meanwhile', () => {
    const { progress, rendered, update, frames } = setUp();
    update(BURST);
    frames();
    const count = progress.view().html.length;
    update(BURST, 'zh-CN');
    expect(progress.pending).toBe(true);
    progress.work();
    const during = progress.view().html;
    expect(during[0]).toContain('lang="zh-CN"');
    expect(during[count - 1]).toContain('lang="en"');
    expect(frames().length).toBeGreaterThan(1);
    expect(progress.view().html.every((html) => html.includes('lang="zh-CN"'))).toBe(true);
    expect(rendered.filter(({ language }) => language === 'zh-CN')).toHaveLength(count);
  });

  it('drops what it rendered when the text starts over', () => {
    const { progress, update, frames } = setUp();
    update(BURST);
    frames();
    update('A different answer.\n\nIn two blocks.');
    frames();
    expect(progress.view()).toEqual({
      html: ['<p lang="en">A different answer.</p>'],
      plainFrom: 'A different answer.\n\n'.length,
      tail: 'In two blocks.',
      tailReady: true,
    });
  });
});

describe('plainPieces', () => {
  const text = BURST;

  it('cuts the text between two offsets into pieces that end after a line end and join back to it', () => {
    const pieces = plainPieces(text, 123, 4_000, 400);
    expect(pieces.map((piece) => piece.text).join('')).toBe(text.slice(123, 4_000));
    expect(pieces.length).toBeGreaterThan(5);
    for (const piece of pieces.slice(0, -1)) expect(piece.text.endsWith('\n')).toBe(true);
    expect(plainPieces(text, 10, 10, 400)).toEqual([]);
    expect(plainPieces(text, text.length - 5, text.length + 100, 400).map((piece) => piece.text)).toEqual([text.slice(-5)]);
  });

  it('keeps every piece but the first and the last as it was while the text grows and renders', () => {
    const before = plainPieces(text.slice(0, 3_000), 500, 3_000, 200);
    const after = plainPieces(text, 900, text.length, 200);
    const keys = new Set(after.map((piece) => piece.key));
    const shared = before.slice(1, -1).filter((piece) => keys.has(piece.key) && piece.key !== after[0].key);
    expect(shared.length).toBeGreaterThan(5);
    for (const piece of shared) expect(after.find((other) => other.key === piece.key)).toEqual(piece);
  });
});
