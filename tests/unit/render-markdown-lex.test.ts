import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { lexBlocks } from '../../src/features/chat/markdown/render-markdown.ts';
import { markdownReport } from '../bench/answers.ts';

/** The blocks as marked's whole lexer (blocks and inline markup) gives them, blank lines kept with the block before. */
function fullLexBlocks(text: string): string[] {
  const blocks: string[] = [];
  for (const token of new Marked({ gfm: true }).lexer(text)) {
    if (token.type === 'space' && blocks.length > 0) blocks[blocks.length - 1] += token.raw;
    else blocks.push(token.raw);
  }
  return blocks;
}

const SAMPLES = [
  markdownReport(40_000),
  'Title\n=====\n\nSub\n---\n\n[ref]: https://example.com "T"\n\nSee [ref] and *[x][ref]*.\n\n<div>\n*raw*\n</div>\n\nAfter',
  '- a\n\n  - nested\n\n    code in item\n\n- b\n1. one\n2. two\n\n> quote\ncontinued\n\n    indented code\n\n***\n',
  'line one\r\nline two\r\n\r\n| a | b |\r\n| - | - |\r\n| 1 | 2 |\r\n',
  '```\nnever closed\n\nstill code',
];

describe('lexBlocks', () => {
  it.each(SAMPLES.map((sample, index) => [index, sample]))('gives the blocks the whole lexer gives (sample %i)', (_index, sample) => {
    expect(lexBlocks(sample)).toEqual(fullLexBlocks(sample));
  });
});
