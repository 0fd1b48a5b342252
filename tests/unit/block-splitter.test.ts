import { describe, expect, it, vi } from 'vitest';
import { lexBlocks } from '../../src/features/chat/components/render-markdown.ts';
import { BlockSplitter } from '../../src/features/chat/stream/block-splitter.ts';

const REPORT = '# Title\n\nFirst paragraph.\n\n- one\n- two\n\n```ts\nconst x = 1;\n```\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nLast words';

describe('BlockSplitter', () => {
  it('settles a block once a later one starts, and the blocks join back to the answer', () => {
    const splitter = new BlockSplitter(lexBlocks);
    const split = splitter.update(REPORT);
    expect([...split.settled, split.tail].join('')).toBe(REPORT);
    expect(split.settled.map((block) => block.trim().split('\n')[0])).toEqual([
      '# Title',
      'First paragraph.',
      '- one',
      '```ts',
      '| a | b |',
    ]);
    expect(split.tail).toBe('Last words');
  });

  it('lexes only the tail after the settled blocks as deltas arrive', () => {
    const lex = vi.fn(lexBlocks);
    const splitter = new BlockSplitter(lex);
    let text = '';
    for (let offset = 0; offset < REPORT.length; offset += 7) {
      text = REPORT.slice(0, offset + 7);
      splitter.update(text);
    }
    const lexed = lex.mock.calls.map(([input]) => input.length);
    // The last calls saw only the open tail (here the table and the words after it), never the whole report again.
    expect(REPORT.length).toBeGreaterThan(100);
    expect(Math.max(...lexed.slice(-3))).toBeLessThan(40);
    const split = splitter.update(REPORT);
    expect([...split.settled, split.tail].join('')).toBe(REPORT);
  });

  it('does no work for a final text equal to the streamed one, and starts over for a different one', () => {
    const lex = vi.fn(lexBlocks);
    const splitter = new BlockSplitter(lex);
    const first = splitter.update(REPORT);
    expect(splitter.update(`${REPORT}`)).toBe(first);
    expect(lex).toHaveBeenCalledTimes(1);
    const replaced = splitter.update('Something else entirely.\n\nTwo blocks.');
    expect(replaced.settled).toEqual(['Something else entirely.\n\n']);
  });

  it('keeps an open code fence in the tail until it closes', () => {
    const splitter = new BlockSplitter(lexBlocks);
    expect(splitter.update('Intro\n\n```js\nlet a = 1;\n').tail).toBe('```js\nlet a = 1;\n');
    const closed = splitter.update('Intro\n\n```js\nlet a = 1;\n```\n\nAfter');
    expect(closed.settled.at(-1)).toBe('```js\nlet a = 1;\n```\n\n');
  });
});
