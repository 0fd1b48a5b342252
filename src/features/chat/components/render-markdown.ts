import DOMPurify from 'dompurify';
import { marked } from 'marked';

/** Agent output is untrusted: only these schemes survive in links and images; data: and javascript: never do. */
const SAFE_URL = /^(?:https?:|mailto:|#|\/(?!\/)|\.{0,2}\/)/i;
const URL_ATTRIBUTES = ['href', 'src', 'xlink:href', 'action', 'formaction', 'srcset', 'poster', 'background'];

/** Browsers ignore whitespace and control characters inside a scheme ("java\tscript:"); so must the check. */
function withoutControlCharacters(value: string): string {
  return [...value].filter((char) => char.charCodeAt(0) > 0x20).join('');
}

const purifier = DOMPurify(window);
purifier.addHook('afterSanitizeAttributes', (node) => {
  for (const name of URL_ATTRIBUTES) {
    const value = node.getAttribute(name);
    if (value !== null && !SAFE_URL.test(withoutControlCharacters(value))) node.removeAttribute(name);
  }
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

const PURIFY_CONFIG = {
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
    'base',
    'meta',
    'link',
  ],
  FORBID_ATTR: ['style', 'srcset'],
  ALLOW_DATA_ATTR: false,
};

/** Markdown (GFM: tables, fenced code) to sanitised HTML; raw HTML in the markdown never executes. */
export function renderMarkdown(text: string): string {
  const html = marked.parse(text, { async: false, gfm: true }) as string;
  return purifier.sanitize(html, PURIFY_CONFIG) as string;
}
