import { BlockSplitter, type LexBlocks, type SplitAnswer } from './block-splitter.ts';
import { MAX_BLOCK_CHARS } from './markdown-limits.ts';

export interface BlockRenderer {
  lexBlocks: LexBlocks;
  /** Sanitised HTML for each markdown block; `oversized[i]`: block i is a part of a longer one, shown as plain text. */
  renderBlocks: (blocks: readonly string[], oversized?: readonly boolean[]) => string[];
}

export interface ProgressOptions {
  /** Rendering work done in one call of `work()`, at most about this long: a frame stays short. */
  budgetMs: number;
  /**
   * Blocks rendered (parsed and sanitised) together at most. A batch is sized to the budget left, from the time
   * blocks took so far; the first is one block (the code is cold then).
   */
  maxBatch: number;
  /**
   * Text lexed at once when a burst arrives, at most (see BlockSplitter). A window is sized to the budget left
   * like a batch; the first is a tenth of this.
   */
  lexWindowChars: number;
  now?: () => number;
}

export const DEFAULT_PROGRESS: ProgressOptions = { budgetMs: 6, maxBatch: 32, lexWindowChars: 4_000 };

export interface MarkdownProgressView {
  /** The HTML of the first settled blocks, in order: an entry changes only when its block renders again. */
  html: readonly string[];
  /** Where the text not rendered as markdown yet starts: it shows as plain text meanwhile. */
  plainFrom: number;
  /** The open tail, to render as markdown when `tailReady` (nothing before it waits, and it is all lexed). */
  tail: string;
  tailReady: boolean;
}

/**
 * An answer's markdown rendered progressively: each call of `work()` lexes and renders settled blocks for at
 * most a time budget, so a burst (a whole answer at once, a restored conversation) is rendered over several
 * frames while the rest shows as plain text. A block is rendered once; again only when the language changes
 * (image labels are words) or the text starts over.
 */
export class MarkdownProgress {
  private readonly renderer: BlockRenderer;
  private readonly options: Required<ProgressOptions>;
  private readonly splitter: BlockSplitter;
  private split: SplitAnswer;
  private text = '';
  /** The text the split is of. */
  private lexed = '';
  private html: string[] = [];
  /** Characters of the text the rendered blocks cover. */
  private renderedChars = 0;
  /** Blocks before this index are rendered in the current language; those after it wait to render again. */
  private current = 0;
  private language: string | undefined;
  /** Milliseconds a block took to render, on average of late (undefined until one has). */
  private msPerBlock: number | undefined;
  /** The same for a character lexed. */
  private msPerChar: number | undefined;

  constructor(renderer: BlockRenderer, options: ProgressOptions = DEFAULT_PROGRESS) {
    this.renderer = renderer;
    this.options = { now: () => performance.now(), ...options };
    this.splitter = new BlockSplitter(renderer.lexBlocks, options.lexWindowChars, MAX_BLOCK_CHARS);
    this.split = this.splitter.update('');
  }

  /**
   * The answer so far, in the language to render it in. Cheap: the lexing and rendering are work()'s. Returns
   * whether either changed.
   */
  update(text: string, language: string): boolean {
    const changed = text !== this.text || language !== this.language;
    if (language !== this.language) {
      this.language = language;
      this.current = 0;
    }
    this.text = text;
    return changed;
  }

  /** Whether `work()` has anything left to do. */
  get pending(): boolean {
    return (
      this.text !== this.lexed || this.current < this.html.length || this.html.length < this.split.settled.length || !this.split.complete
    );
  }

  /**
   * Renders (and lexes) for about `budgetMs` (one step at least, however small the budget); returns whether work
   * remains for a later frame. A page's answers share a frame's budget: see markdown-scheduler.ts.
   */
  work(budgetMs = this.options.budgetMs): boolean {
    const { now } = this.options;
    const deadline = now() + budgetMs;
    while (this.pending) {
      if (this.text !== this.lexed) {
        this.lex(deadline);
      } else if (this.current < this.html.length) {
        // A language switch: the blocks shown render again, first to last.
        const end = Math.min(this.html.length, this.current + this.batchSize(deadline));
        const html = this.render(this.current, end);
        this.html.splice(this.current, html.length, ...html);
        this.current = end;
      } else if (this.html.length < this.split.settled.length) {
        const from = this.html.length;
        const blocks = this.split.settled.slice(from, from + this.batchSize(deadline));
        this.html.push(...this.render(from, from + blocks.length));
        for (const block of blocks) this.renderedChars += block.length;
        this.current = this.html.length;
      } else {
        this.split = this.lexStep(deadline, (window) => this.splitter.advance(window));
      }
      if (now() >= deadline) break;
    }
    return this.pending;
  }

  /** As many blocks as the time left allows, going by the time blocks took so far. */
  private batchSize(deadline: number): number {
    return fitting(deadline - this.options.now(), this.msPerBlock, 1, this.options.maxBatch);
  }

  /** As many characters to lex as the time left allows. */
  private lexWindow(deadline: number): number {
    const most = this.options.lexWindowChars;
    return fitting(deadline - this.options.now(), this.msPerChar, Math.ceil(most / 10), most);
  }

  /** Renders settled blocks `from` to `to` (not included). */
  private render(from: number, to: number): string[] {
    const blocks = this.split.settled.slice(from, to);
    const started = this.options.now();
    const oversized = blocks.map((_, index) => this.splitter.isOversized(from + index));
    const html = this.renderer.renderBlocks(blocks, oversized.includes(true) ? oversized : undefined);
    this.msPerBlock = average(this.msPerBlock, (this.options.now() - started) / blocks.length);
    return html;
  }

  /** One call of the splitter with a window that fits the time left; keeps the time a character took. */
  private lexStep(deadline: number, step: (window: number) => SplitAnswer): SplitAnswer {
    const started = this.options.now();
    const split = step(this.lexWindow(deadline));
    const chars = this.splitter.lexedChars;
    if (chars > 0) this.msPerChar = average(this.msPerChar, (this.options.now() - started) / chars);
    return split;
  }

  /** Splits the text as it is now (one lex window at most); a text that starts over drops what was rendered. */
  private lex(deadline: number) {
    const { generation } = this.split;
    this.split = this.lexStep(deadline, (window) => this.splitter.update(this.text, window));
    this.lexed = this.text;
    if (this.split.generation !== generation) {
      this.html = [];
      this.renderedChars = 0;
      this.current = 0;
    }
  }

  view(): MarkdownProgressView {
    const tailReady = this.text === this.lexed && this.split.complete && this.html.length === this.split.settled.length;
    return { html: this.html, plainFrom: this.renderedChars, tail: this.split.tail, tailReady };
  }
}

/** The recent cost of one unit: half the last measure, half the ones before it. */
function average(before: number | undefined, now: number): number {
  return before === undefined ? now : (before + now) / 2;
}

/** How many units fit in `ms` at `msEach` (the first time, with no measure yet: `least`). */
function fitting(ms: number, msEach: number | undefined, least: number, most: number): number {
  if (msEach === undefined) return least;
  return Math.max(least, Math.min(most, Math.floor(ms / Math.max(msEach, 1e-6))));
}

/**
 * The text from `from` to `to` in pieces of at least `size` characters, each ending after a line end (or with
 * the text). Piece k+1 starts at the first line after piece k's first `size` characters, so pieces depend only
 * on the text before them: all but the first and last are the same from one frame to the next, and are neither
 * laid out nor rendered again.
 */
export function plainPieces(text: string, from: number, to: number, size: number): Array<{ key: number; text: string }> {
  const pieces: Array<{ key: number; text: string }> = [];
  const end = Math.min(to, text.length);
  if (from >= end) return pieces;
  for (let key = 0, begin = 0; begin < end; key++) {
    const lineEnd = text.indexOf('\n', begin + size - 1);
    const next = lineEnd === -1 ? text.length : lineEnd + 1;
    if (next > from) pieces.push({ key, text: text.slice(Math.max(from, begin), Math.min(next, end)) });
    begin = next;
  }
  return pieces;
}
