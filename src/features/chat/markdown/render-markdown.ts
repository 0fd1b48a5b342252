import DOMPurify from 'dompurify';
import { Lexer, Marked, type Token, type Tokens } from 'marked';
import { t } from '../../../i18n/index.ts';
import { linkTarget } from './link-target.ts';
import {
  type BlockLimit,
  blockLimit,
  MAX_BLOCK_CHARS,
  MAX_EMPHASIS_RUNS,
  MAX_LINE_NESTING,
  splitDeepParagraphs,
} from './markdown-limits.ts';

/**
 * Agent output can be steered by prompt injection. Two layers keep it inert:
 * 1. marked renders markdown syntax only: raw HTML in the answer is shown as the text it is (as most chat UIs
 *    do), so no agent-written tag, attribute or style ever reaches an HTML parser (a parsed `style` attribute
 *    alone already trips the Content-Security-Policy); images become links.
 * 2. DOMPurify then keeps an allow-list of text structure: nothing that loads by itself (img, audio, video,
 *    picture, source, track, style, poster, background, srcset), nothing that looks like the console's own
 *    controls (form, input, button, dialog, map, details: the console draws tool calls with details/summary),
 *    no class, id, role or aria-* to borrow. It holds even if the first layer ever lets HTML through.
 */
const ALLOWED_TAGS = [
  '#text',
  ...['p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'div', 'span'],
  ...['a', 'strong', 'em', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'kbd', 'samp', 'var', 'q', 'cite', 'abbr'],
  ...['ul', 'ol', 'li', 'dl', 'dt', 'dd'],
  ...['table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
];
const ALLOWED_ATTR = ['href', 'title', 'class', 'align', 'colspan', 'rowspan', 'scope', 'start', 'reversed', 'lang'];
/** The one class that survives: the language of a fenced code block, as marked writes it. */
const CODE_LANGUAGE = /^language-[\w#+.-]{1,40}$/;

const PURIFY_CONFIG = { ALLOWED_TAGS, ALLOWED_ATTR, ALLOW_DATA_ATTR: false, ALLOW_ARIA_ATTR: false };

const purifier = DOMPurify(window);
purifier.addHook('uponSanitizeAttribute', (node, data) => {
  if (data.attrName !== 'class') return;
  const kept = node.nodeName === 'CODE' ? data.attrValue.split(/\s+/).filter((name) => CODE_LANGUAGE.test(name)) : [];
  if (kept.length === 0) data.keepAttr = false;
  else data.attrValue = kept.join(' ');
});
purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName !== 'A') return;
  const href = node.getAttribute('href');
  if (href === null) return;
  const target = linkTarget(href);
  if (!target) {
    node.removeAttribute('href');
    return;
  }
  // Every link leaves the console: a new tab that cannot reach back (noopener) and learns nothing of it (noreferrer).
  node.setAttribute('href', target.href);
  node.setAttribute('target', '_blank');
  node.setAttribute('rel', 'noopener noreferrer');
});

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The one raw tag answers use for layout (line breaks in table cells): compared whole, never parsed. */
const LINE_BREAKS = new Set(['<br>', '<br/>', '<br />']);

const markdown = new Marked({
  gfm: true,
  renderer: {
    html({ text, block }: Tokens.HTML | Tokens.Tag) {
      if (!block && LINE_BREAKS.has(text.trim().toLowerCase())) return '<br>';
      return block ? `<p>${escapeHtml(text)}</p>` : escapeHtml(text);
    },
    // An image would be fetched the moment it renders, its URL carrying whatever the injection put there:
    // it becomes a link naming its host, fetched only if the user clicks it.
    image({ href, text }) {
      const target = linkTarget(href);
      const web = target && (target.protocol === 'https:' || target.protocol === 'http:') ? target : undefined;
      if (!web) return escapeHtml(t('chat.imageRemoved', { alt: text }));
      const label = t('chat.imageLink', { alt: text || web.pathname.split('/').pop() || web.host, host: web.host });
      return `<a href="${escapeHtml(web.href)}">${escapeHtml(label)}</a>`;
    },
    // Task lists without <input>: answers hold no form controls.
    checkbox({ checked }) {
      return checked ? '☑ ' : '☐ ';
    },
  },
});

/** The second layer the way DOMPurify does it alone: a document parsed per call (a fraction of a millisecond each). */
export function sanitizeHtmlAlone(html: string): string {
  return purifier.sanitize(html, PURIFY_CONFIG);
}

/**
 * Where a batch of blocks is parsed and cleaned: a document of its own, with no window, so nothing in it runs
 * or loads (as in the document DOMPurify parses into), made once instead of once per block.
 */
let inert: Document | undefined;
const IN_PLACE_CONFIG = { ...PURIFY_CONFIG, IN_PLACE: true };

/**
 * The second layer for several fragments at once: each is parsed on its own (into its own element, so no
 * unclosed tag in one reaches into the next), then DOMPurify cleans them all in one pass, with the same
 * allow-list and hooks. The same HTML as cleaning each alone, for a fraction of the work per fragment. (A
 * fragment is parsed as the content of an element, as it is shown, where DOMPurify alone parses a document:
 * head elements at the very start of one, which marked never writes, are cleaned like any other element
 * instead of being set aside in a head.)
 */
export function sanitizeHtmlBatch(fragments: readonly string[]): string[] {
  // Text without a tag is returned as it is, as DOMPurify does.
  const tagged = fragments.filter((fragment) => fragment.includes('<'));
  if (tagged.length === 0) return fragments.slice();
  inert ??= document.implementation.createHTMLDocument('');
  const holder = inert.createElement('div');
  for (const fragment of tagged) {
    const wrapper = inert.createElement('div');
    wrapper.innerHTML = fragment;
    holder.append(wrapper);
  }
  try {
    purifier.sanitize(holder, IN_PLACE_CONFIG);
  } catch {
    // DOMPurify refuses to clean some trees in place: those are cleaned the usual way, one at a time.
    return fragments.map(sanitizeHtmlAlone);
  }
  const cleaned = [...holder.children];
  if (cleaned.length !== tagged.length) return fragments.map(sanitizeHtmlAlone);
  let next = 0;
  return fragments.map((fragment) => (fragment.includes('<') ? cleaned[next++].innerHTML : fragment));
}

/** The second layer on its own: HTML to the allow-listed, link-checked subset. */
export function sanitizeHtml(html: string): string {
  return sanitizeHtmlBatch([html])[0];
}

type PlainReason = BlockLimit | 'size' | 'failed';

const LIMIT_NOTES: Record<PlainReason, () => string> = {
  size: () => t('chat.limit.size', { chars: String(MAX_BLOCK_CHARS).replace(/\B(?=(\d{3})+$)/g, ',') }),
  nesting: () => t('chat.limit.nesting', { levels: MAX_LINE_NESTING }),
  emphasis: () => t('chat.limit.emphasis', { runs: MAX_EMPHASIS_RUNS }),
  failed: () => t('chat.limit.failed'),
};

/** A block not parsed as markdown: its text, escaped, under a note saying why. Built here, never parsed from the answer. */
function plainBlock(block: string, why: PlainReason): string {
  return `<div class="markdown-limited"><p class="markdown-note">${escapeHtml(LIMIT_NOTES[why]())}</p><div class="markdown-plain">${escapeHtml(block)}</div></div>`;
}

/** marked's HTML for a block within the limits; undefined when marked throws (a stack overflow in another browser). */
function parseBlock(block: string): string | undefined {
  try {
    return markdown.parse(block, { async: false });
  } catch {
    return undefined;
  }
}

/**
 * Markdown blocks (GFM: tables, fenced code) to sanitised HTML, one string per block, as renderMarkdown would
 * give for each; raw HTML in the answer shows as text. A block past the limits of markdown-limits.ts (or
 * `oversized`: a part of a block too long to render whole), or one marked fails on, shows as plain text with a
 * note: never an exception, never seconds of work.
 */
export function renderBlocks(blocks: readonly string[], oversized?: readonly boolean[]): string[] {
  const limits = blocks.map((block, index): PlainReason | undefined => (oversized?.[index] ? 'size' : blockLimit(block)));
  const parsed = blocks.map((block, index) => (limits[index] ? undefined : parseBlock(block)));
  const toClean = parsed.filter((html): html is string => html !== undefined);
  const cleaned = toClean.length > 0 ? sanitizeHtmlBatch(toClean) : [];
  let next = 0;
  return blocks.map((block, index) => {
    const limit = limits[index];
    if (limit) return plainBlock(block, limit);
    return parsed[index] === undefined ? plainBlock(block, 'failed') : cleaned[next++];
  });
}

/** Markdown (GFM: tables, fenced code) to sanitised HTML; raw HTML in the answer shows as text. */
export function renderMarkdown(text: string): string {
  return renderBlocks([text])[0];
}

/**
 * The top-level blocks of a markdown text, each the exact source it came from; blank lines stay with the
 * block before them, so a block is followed by another only once real content starts. Only the blocks are
 * lexed (what markdown.lexer() does first, line ends made \n the same way): a block's inline markup (emphasis,
 * links) is lexed when the block renders.
 */
export function lexBlocks(text: string): string[] {
  const blocks: string[] = [];
  const add = (raw: string, space: boolean) => {
    if (space && blocks.length > 0) blocks[blocks.length - 1] += raw;
    else blocks.push(raw);
  };
  // Paragraphs nested too deep for marked's recursive lexer are blocks as they are (shown plain, see renderBlocks).
  for (const span of splitDeepParagraphs(text.replace(/\r\n|\r/g, '\n'))) {
    if (span.deep) {
      add(span.text, false);
      continue;
    }
    let tokens: Token[];
    try {
      tokens = new Lexer(markdown.defaults).blockTokens(span.text);
    } catch {
      // The lexer gave up (its stack, in a browser with a smaller one): pieces of text, shown plain if they fail again.
      for (let start = 0; start < span.text.length; start += MAX_BLOCK_CHARS) add(span.text.slice(start, start + MAX_BLOCK_CHARS), false);
      continue;
    }
    for (const token of tokens) add(token.raw, token.type === 'space');
  }
  return blocks;
}

/** One of each construct answers use: lexing and rendering it once compiles their regular expressions and code. */
const WARM_UP_SAMPLE = [
  '## Heading',
  'Text with **bold**, *emphasis*, `code`, ~~struck~~ and a [link](https://example.com/).',
  '- item\n- item\n  1. nested',
  '> a quote',
  '```ts\nconst x = 1;\n```',
  '| a | b |\n| --- | ---: |\n| 1 | 2 |',
].join('\n\n');

/**
 * Renders a small sample and drops the result, while the user reads or types: the first answer then does not pay
 * for compiling marked's and DOMPurify's code in the middle of its stream.
 */
export function warmUp(): void {
  renderBlocks(lexBlocks(WARM_UP_SAMPLE));
}
