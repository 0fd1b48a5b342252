import { describe, expect, it } from 'vitest';
import { BlockSplitter } from '../../src/features/chat/markdown/block-splitter.ts';
import { blockLimit, hasDeepLine, MAX_LINE_NESTING, splitDeepParagraphs } from '../../src/features/chat/markdown/markdown-limits.ts';
import { lexBlocks, renderBlocks, renderMarkdown } from '../../src/features/chat/markdown/render-markdown.ts';

const plainNote = (html: string) => new DOMParser().parseFromString(html, 'text/html').querySelector('.markdown-note')?.textContent;

describe('markdown the renderer will not parse', () => {
  it('a line of 20,000 nested quotes is too deep; 32 levels are not', () => {
    expect(hasDeepLine(`${'>'.repeat(20_000)} deep`)).toBe(true);
    expect(hasDeepLine(`${'> '.repeat(MAX_LINE_NESTING)}fine`)).toBe(false);
    expect(hasDeepLine(`${'> '.repeat(MAX_LINE_NESTING + 1)}deep`)).toBe(true);
    expect(hasDeepLine(`${'- '.repeat(40)}list in list`)).toBe(true);
    expect(hasDeepLine(`${' '.repeat(300)}- a list item indented 300 columns`)).toBe(true);
    // Deep indentation of code (not a quote or list) is parsed as it always was.
    expect(hasDeepLine(`\`\`\`\n${' '.repeat(300)}return x;\n\`\`\``)).toBe(false);
    expect(hasDeepLine('1. one\n2. two\n\n> a quote\n-not a list')).toBe(false);
  });

  it('80,000 unclosed emphasis marks are too many; code blocks are not counted', () => {
    expect(blockLimit('*a'.repeat(80_000))).toBe('emphasis');
    expect(blockLimit('Some **bold** and _italic_ words.')).toBeUndefined();
    expect(blockLimit(`\`\`\`py\n${'self.__init__()\n'.repeat(2_000)}\`\`\``)).toBeUndefined();
    // A backtick fence with a backtick in its info string is no fence for marked: its text is counted.
    expect(blockLimit(`\`\`\`a\`b\n${'*a'.repeat(2_000)}`)).toBe('emphasis');
  });

  it('cuts a text around its deep paragraphs, and the spans join back to the text', () => {
    const text = `# Title\n\nBefore.\n\n${'>'.repeat(40_000)} deep\nstill the same paragraph\n\nAfter.\n`;
    const spans = splitDeepParagraphs(text);
    expect(spans.map((span) => span.text).join('')).toBe(text);
    expect(spans.filter((span) => span.deep).map((span) => span.text.length)).toEqual([16_000, 16_000, 8_031]);
    expect(spans.at(-1)).toEqual({ text: '\nAfter.\n', deep: false });
  });
});

describe('rendering a hostile answer', () => {
  it('shows 20,000 nested quotes as plain text with a note, the blocks around them as markdown', () => {
    const text = `**Before**\n\n${'>'.repeat(20_000)} deep\n\n*After*`;
    const blocks = lexBlocks(text);
    expect(blocks.join('')).toBe(text);
    const html = renderBlocks(blocks);
    expect(html[0]).toContain('<strong>Before</strong>');
    expect(plainNote(html[1])).toMatch(/nested deeper than 32 levels/);
    expect(html.at(-1)).toContain('<em>After</em>');
    expect(html.join('')).not.toContain('<blockquote');
  });

  it('shows a paragraph of unclosed emphasis as its text with a note, not as markup', () => {
    const html = renderMarkdown('*a'.repeat(80_000));
    expect(plainNote(html)).toMatch(/more emphasis marks/);
    expect(html).not.toContain('<em>');
    expect(new DOMParser().parseFromString(html, 'text/html').querySelector('.markdown-plain')?.textContent).toBe('*a'.repeat(80_000));
  });

  it('shows a part of an over-long block as plain text with a note, escaped', () => {
    const [html] = renderBlocks(['<script>x()</script> a paragraph part'], [true]);
    expect(plainNote(html)).toMatch(/longer than 16,000 characters/);
    expect(html).toContain('&#60;script&#62;');
  });

  it('a list of 200 KB settles in parts of at most 16,000 characters; a long code block stays whole', () => {
    const list = '- an item of a very long list\n'.repeat(7_000);
    const splitter = new BlockSplitter(lexBlocks, 4_000, 16_000);
    let split = splitter.update(`${list}\nThe end.`);
    while (!split.complete) split = splitter.advance();
    expect(split.settled.join('') + split.tail).toBe(`${list}\nThe end.`);
    expect(Math.max(...split.settled.map((block) => block.length))).toBeLessThanOrEqual(16_000);
    expect(split.settled.filter((_, index) => splitter.isOversized(index)).length).toBeGreaterThan(10);

    const code = `\`\`\`text\n${'a log line\n'.repeat(5_000)}\`\`\`\n\nAfter the code.`;
    const codeSplitter = new BlockSplitter(lexBlocks, 4_000, 16_000);
    let codeSplit = codeSplitter.update(code);
    while (!codeSplit.complete) codeSplit = codeSplitter.advance();
    expect(codeSplit.settled).toHaveLength(1);
    expect(codeSplitter.isOversized(0)).toBe(false);
  });
});
