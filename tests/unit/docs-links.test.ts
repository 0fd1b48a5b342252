// @vitest-environment node
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const PAGES = [
  'README.md',
  'README.zh-CN.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** The text outside fenced code blocks and inline code: links and headings there are examples, not links. */
function prose(markdown: string): string {
  let inFence = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        inFence = !inFence;
        return '';
      }
      return inFence ? '' : line.replace(/(`+)(?:(?!\1).)+\1/g, (code) => code.replace(/[[\]()]/g, ' '));
    })
    .join('\n');
}

/** GitHub's heading anchors (github-slugger): lower case, punctuation dropped, spaces to hyphens, -1, -2 for repeats. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const heading = !inFence && /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const text = heading[1]
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images: their text
      .replace(/<[^>]+>/g, '') // inline HTML
      .replace(/[`*_~]/g, (mark) => (mark === '_' ? '_' : '')); // emphasis and code marks (underscores stay)
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

interface Link {
  page: string;
  target: string;
}

function relativeLinks(page: string): Link[] {
  const text = prose(readFileSync(join(ROOT, page), 'utf8'));
  const links: Link[] = [];
  for (const match of text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    const target = match[1];
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) continue; // https:, mailto:, …
    links.push({ page, target });
  }
  return links;
}

function problem({ page, target }: Link): string | undefined {
  const [path, fragment] = target.split('#', 2);
  const file = path === '' ? join(ROOT, page) : join(ROOT, dirname(page), decodeURIComponent(path));
  if (!file.startsWith(ROOT) || !existsSync(file)) return `${page}: ${target} → no file ${relative(ROOT, file)}`;
  if (fragment === undefined) return undefined;
  if (!file.endsWith('.md') || statSync(file).isDirectory()) return undefined;
  if (!anchors(readFileSync(file, 'utf8')).has(decodeURIComponent(fragment).toLowerCase()))
    return `${page}: ${target} → no heading #${fragment} in ${relative(ROOT, file)}`;
  return undefined;
}

describe('links in the READMEs and docs/', () => {
  it('finds the pages and their links', () => {
    expect(PAGES).toContain('docs/deploy.md');
    expect(relativeLinks('README.md').length).toBeGreaterThan(5);
  });

  it('slugs headings as GitHub does', () => {
    const slugs = anchors(
      "# Why did AgentKit refuse?\n## What AgentKit's `custom_jwt` is known to check\n### (f) Hostile answers\n## 配置\n## Tests\n## Tests\n```\n# not a heading\n```\n",
    );
    expect([...slugs]).toEqual([
      'why-did-agentkit-refuse',
      'what-agentkits-custom_jwt-is-known-to-check',
      'f-hostile-answers',
      '配置',
      'tests',
      'tests-1',
    ]);
  });

  it.each(PAGES)('%s: every relative link points to an existing file and heading', (page) => {
    const problems = relativeLinks(page)
      .map(problem)
      .filter((found): found is string => found !== undefined);
    expect(problems).toEqual([]);
  });
});
