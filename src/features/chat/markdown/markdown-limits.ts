/**
 * Markdown an agent writes can be valid and still cost seconds to parse: marked's block lexer recurses once per
 * level of nested quotes and lists (a line of 20,000 `>` is 20,000 levels), and its emphasis rules are quadratic
 * in the unclosed delimiters of one paragraph (80,000 `*a` hold a tab for seconds). Measured in V8, with these
 * limits no block costs more than a few milliseconds. A block past one of them shows as plain text, with a note.
 */

/** Quote and list markers that open one line, at most; a line with more is too deep to parse. */
export const MAX_LINE_NESTING = 32;
/** Columns of indentation before a line's first quote or list marker, at most (64 levels of two spaces). */
export const MAX_NESTING_INDENT = 128;
/** Runs of `*`, `_` or `~` in one block (outside code blocks), at most. */
export const MAX_EMPHASIS_RUNS = 1_000;
/** A block longer than this is lexed and rendered in parts of about this size. */
export const MAX_BLOCK_CHARS = 16_000;

export type BlockLimit = 'nesting' | 'emphasis';

const SPACE = 0x20;
const TAB = 0x09;
const GT = 0x3e;

function isBullet(code: number): boolean {
  return code === 0x2d || code === 0x2b || code === 0x2a; // - + *
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * Whether the line starting at `start` opens more quotes and lists than marked should recurse into. Reads the
 * line's opening markers only, and stops as soon as it knows.
 */
function isDeepLine(text: string, start: number, end: number): boolean {
  let markers = 0;
  let column = 0;
  let index = start;
  while (index < end) {
    const code = text.charCodeAt(index);
    if (code === SPACE || code === TAB) {
      column += code === TAB ? 4 - (column % 4) : 1;
      if (markers === 0 && column > MAX_NESTING_INDENT) return isMarkerAhead(text, index, end);
      index++;
      continue;
    }
    let next = -1;
    if (code === GT) next = index + 1;
    else if (isBullet(code)) next = index + 1;
    else if (isDigit(code)) {
      let digitEnd = index;
      while (digitEnd < end && digitEnd - index < 10 && isDigit(text.charCodeAt(digitEnd))) digitEnd++;
      const after = text.charCodeAt(digitEnd);
      if (after === 0x2e || after === 0x29) next = digitEnd + 1; // . )
    }
    if (next === -1) return false;
    // A list marker needs a space (or the line's end) after it; `>` needs nothing.
    const following = next < end ? text.charCodeAt(next) : SPACE;
    if (code !== GT && following !== SPACE && following !== TAB) return false;
    markers++;
    if (markers > MAX_LINE_NESTING) return true;
    column += next - index;
    index = next;
  }
  return false;
}

/** After deep indentation: whether a quote or list marker follows (code, which is not parsed, does not count). */
function isMarkerAhead(text: string, index: number, end: number): boolean {
  let position = index;
  while (position < end && (text.charCodeAt(position) === SPACE || text.charCodeAt(position) === TAB)) position++;
  if (position >= end) return false;
  const code = text.charCodeAt(position);
  return code === GT || isBullet(code) || isDigit(code);
}

/** Whether any line of `text` nests too deep (see isDeepLine); linear in the text. */
export function hasDeepLine(text: string): boolean {
  for (let start = 0; start < text.length; ) {
    const lineEnd = text.indexOf('\n', start);
    const end = lineEnd === -1 ? text.length : lineEnd;
    if (isDeepLine(text, start, end)) return true;
    start = end + 1;
  }
  return false;
}

const FENCE = /^ {0,3}(?:`{3,}[^`\n]*(?:\n|$)|~{3,})/;
const INDENTED_CODE = /^(?: {4}|\t)/;

function countEmphasisRuns(text: string): number {
  let runs = 0;
  let inRun = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const delimiter = code === 0x2a || code === 0x5f || code === 0x7e; // * _ ~
    if (delimiter && !inRun) runs++;
    inRun = delimiter;
  }
  return runs;
}

/** Why a block must not be parsed as markdown, or undefined when it may. Linear in the block. */
export function blockLimit(block: string): BlockLimit | undefined {
  if (hasDeepLine(block)) return 'nesting';
  // Code blocks are not parsed for emphasis: underscores in code cost nothing.
  if (FENCE.test(block) || INDENTED_CODE.test(block)) return undefined;
  if (countEmphasisRuns(block) > MAX_EMPHASIS_RUNS) return 'emphasis';
  return undefined;
}

/**
 * `text` cut into spans that marked may lex (`deep: false`) and paragraphs (runs of lines between blank lines)
 * holding a line too deep to lex (`deep: true`), each at most about MAX_BLOCK_CHARS long. The spans join back
 * to `text`. One span, not deep, for ordinary markdown.
 */
export function splitDeepParagraphs(text: string): Array<{ text: string; deep: boolean }> {
  if (!hasDeepLine(text)) return [{ text, deep: false }];
  const spans: Array<{ text: string; deep: boolean }> = [];
  let pending = 0; // start of the text not in a span yet
  let paragraphStart = 0;
  let paragraphDeep = false;
  const closeParagraph = (end: number) => {
    if (!paragraphDeep) return;
    if (paragraphStart > pending) spans.push({ text: text.slice(pending, paragraphStart), deep: false });
    for (let start = paragraphStart; start < end; ) {
      const cut = pieceEnd(text, start, end);
      spans.push({ text: text.slice(start, cut), deep: true });
      start = cut;
    }
    pending = end;
  };
  for (let start = 0; start < text.length; ) {
    const lineEnd = text.indexOf('\n', start);
    const end = lineEnd === -1 ? text.length : lineEnd + 1;
    if (text.slice(start, end).trim() === '') {
      closeParagraph(start);
      paragraphStart = end;
      paragraphDeep = false;
    } else if (!paragraphDeep && isDeepLine(text, start, lineEnd === -1 ? end : lineEnd)) {
      paragraphDeep = true;
    }
    start = end;
  }
  closeParagraph(text.length);
  if (pending < text.length) spans.push({ text: text.slice(pending), deep: false });
  return spans;
}

/** Where a piece of at most about MAX_BLOCK_CHARS starting at `start` ends: after a line end if there is one. */
function pieceEnd(text: string, start: number, end: number): number {
  if (end - start <= MAX_BLOCK_CHARS) return end;
  const lineEnd = text.lastIndexOf('\n', start + MAX_BLOCK_CHARS - 1);
  return lineEnd >= start ? lineEnd + 1 : start + MAX_BLOCK_CHARS;
}
