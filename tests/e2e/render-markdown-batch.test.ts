import { Marked } from 'marked';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { markdownReport } from '../bench/answers.ts';
import { chromiumForFile } from '../support/chromium.ts';
import { type Loopback, openRendererPage } from './hostile-servers.ts';

const stack = inject('stack');
const browser = chromiumForFile(stack.chromePath);

/** HTML a hostile answer or a first layer gone wrong could hand the sanitiser, and what marked makes of a long report. */
const HOSTILE = [
  '<img src="https://a.example/1" srcset="https://a.example/2 2x" onerror="alert(1)">',
  '<audio autoplay src="https://a.example/3"><source src="https://a.example/4"></audio>',
  '<table background="https://a.example/10"><tr><td background="https://a.example/11">cell</td></tr></table>',
  '<style>p { color: red }</style><p style="color: red">styled</p>',
  '<p class="failure notice" id="chat-log" role="alert" aria-label="Sign in">fake</p>',
  '<code class="language-js copy-code">x</code><span class="language-js">y</span>',
  '<form action="https://a.example/"><input name="password"><button>Sign in</button></form>',
  '<details open><summary>Called get_weather</summary>fake tool</details>',
  '<a href="javascript:alert(1)">x</a> <a href="java&#9;script:alert(1)">y</a> <a href="//evil.example/steal">z</a>',
  '<a href="https://example.com/docs" target="_self">docs</a> <a href="mailto:ops@example.com">mail</a>',
  '<svg><a href="javascript:alert(1)"><text>svg</text></a></svg><math><mi>x</mi></math>',
  '<p>before</p><noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<b>unclosed bold',
  '<table><tr><td>unclosed table',
  'text with no tag & an ampersand',
  '',
];
const marked = new Marked({ gfm: true });
const REPORT_HTML = markdownReport(20_000)
  .split(/\n(?=## )/)
  .map((section) => marked.parse(section, { async: false }) as string);

describe('sanitising a batch of blocks at once, in Chromium', () => {
  let harness: Loopback;
  let page: Page;

  beforeAll(async () => {
    ({ harness, page } = await openRendererPage(browser));
  });
  afterAll(async () => {
    await harness.close();
  });

  /** The batch's HTML for each fragment, and DOMPurify's own for each fragment alone. */
  const both = (fragments: string[]) =>
    page.evaluate((list) => {
      const stages = window as unknown as Record<string, (input: never) => unknown>;
      const batch = stages.sanitizeHtmlBatch(list as never) as string[];
      const alone = list.map((fragment) => stages.sanitizeHtmlAlone(fragment as never) as string);
      return { batch, alone };
    }, fragments);

  it('gives each fragment the same HTML as DOMPurify cleaning it alone', async () => {
    const fragments = [...HOSTILE, ...REPORT_HTML];
    expect(REPORT_HTML.length).toBeGreaterThan(20);
    const { batch, alone } = await both(fragments);
    expect(batch).toEqual(alone);
    expect(batch.join('')).not.toMatch(/<img|<style|<form|<input|<details|onerror|javascript:|style=|id=|role=/);
  });

  it('keeps an unclosed tag in one fragment out of the next', async () => {
    const { batch } = await both(['<b>bold', '<p>after the bold</p>', '<table><tr><td>cell', '<p>after the table</p>']);
    expect(batch).toEqual([
      '<b>bold</b>',
      '<p>after the bold</p>',
      '<table><tbody><tr><td>cell</td></tr></tbody></table>',
      '<p>after the table</p>',
    ]);
  });

  it('renders markdown blocks in a batch as each alone', async () => {
    const blocks = [
      '# Title\n\n',
      '- [x] done\n- [ ] open\n\n',
      '```ts\nconst a = 1;\n```\n\n',
      '![chart](https://a.example/c.png)\n\n',
      '<b>raw</b> html\n\n',
      '| a | b |\n| - | - |\n| 1 | 2 |',
    ];
    const { batch, alone } = await page.evaluate((list) => {
      const stages = window as unknown as Record<string, (input: never) => unknown>;
      return {
        batch: stages.renderBlocks(list as never) as string[],
        alone: list.map((block) => stages.renderMarkdown(block as never) as string),
      };
    }, blocks);
    expect(batch).toEqual(alone);
    expect(batch[3]).toContain('<a href="https://a.example/c.png" target="_blank" rel="noopener noreferrer">');
    expect(batch[4]).toContain('&lt;b&gt;raw&lt;/b&gt;');
  });
});
