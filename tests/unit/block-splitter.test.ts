import { describe, expect, it, vi } from 'vitest';
import { BlockSplitter } from '../../src/features/chat/markdown/block-splitter.ts';
import { lexBlocks } from '../../src/features/chat/markdown/render-markdown.ts';

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

  describe('with a lex window (a burst split a window at a time)', () => {
    const BURST = Array.from({ length: 30 }, (_, index) => REPORT.replace('Title', `Title ${index}`)).join('\n\n');

    it('lexes at most a window a call, and settles the same blocks as lexing the whole burst at once', () => {
      const whole = new BlockSplitter(lexBlocks).update(BURST);
      const lex = vi.fn(lexBlocks);
      const splitter = new BlockSplitter(lex, 200);
      let split = splitter.update(BURST);
      let calls = 1;
      expect(split.complete).toBe(false);
      expect(split.settled.length).toBeLessThan(whole.settled.length);
      expect([...split.settled, split.tail].join('')).toBe(BURST);
      while (!split.complete) {
        split = splitter.advance();
        calls++;
      }
      expect(calls).toBeGreaterThan(BURST.length / 200 - 1);
      expect(Math.max(...lex.mock.calls.map(([input]) => input.length))).toBeLessThanOrEqual(200);
      expect(split.settled).toEqual(whole.settled);
      expect(split.tail).toBe(whole.tail);
      // Nothing left: advancing again lexes nothing.
      expect(splitter.advance()).toBe(split);
      expect(splitter.lexedChars).toBe(0);
    });

    it('widens the window for a block longer than it', () => {
      const code = `\`\`\`text\n${'a long line of code\n'.repeat(40)}\`\`\`\n\n`;
      const splitter = new BlockSplitter(lexBlocks, 100);
      const split = splitter.update(`${code}After the code.\n\nAnd more.`);
      expect(code.length).toBeGreaterThan(400);
      expect(split.settled[0]).toBe(code);
      expect(split.tail).toBe('And more.');
    });

    it('starts over for a text that does not extend the last one, counting the restarts', () => {
      const splitter = new BlockSplitter(lexBlocks, 200);
      const first = splitter.update(BURST);
      const replaced = splitter.update('Another answer.\n\nTwo blocks.');
      expect(replaced.generation).toBe(first.generation + 1);
      expect(replaced.settled).toEqual(['Another answer.\n\n']);
      expect(replaced.complete).toBe(true);
    });
  });
});
