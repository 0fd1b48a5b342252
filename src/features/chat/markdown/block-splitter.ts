/** Splits a markdown text into its top-level blocks (the raw source of each, in order). */
export type LexBlocks = (text: string) => string[];

export interface SplitAnswer {
  /** Blocks a later block has followed: they never change again, so each is rendered once. */
  settled: readonly string[];
  /** Everything after the settled blocks: the last block, still growing while the answer streams. */
  tail: string;
  /**
   * False while the tail still holds text not lexed yet (a burst longer than the lex window): `advance()`
   * settles the next blocks. The tail is then more than one block and is best shown as plain text.
   */
  complete: boolean;
  /** Counts the times the splitter started over (a text that does not extend the previous one). */
  generation: number;
}

/**
 * Splits a streaming answer into settled blocks and an open tail, lexing only what follows the last settled
 * block: the work per update is proportional to the tail, not to the whole answer. A text that does not
 * extend the previous one (the agent's final text differs from the deltas) starts over.
 *
 * With `maxLexChars`, a call lexes at most about that much of the tail (cut after a line end), so a burst (a
 * whole answer at once) is split a window at a time: `advance()` goes on where the last call stopped. Lexing a
 * prefix is what streaming does anyway: only blocks a later block has followed are settled.
 */
export class BlockSplitter {
  private readonly lex: LexBlocks;
  private readonly maxLexChars: number;
  private readonly maxBlockChars: number;
  private text = '';
  private settledText = '';
  private settled: string[] = [];
  /** Indices of settled blocks that are parts of one block too long to render as markdown (see maxBlockChars). */
  private readonly oversized = new Set<number>();
  private generation = 0;
  private last: SplitAnswer = { settled: [], tail: '', complete: true, generation: 0 };
  /** Characters the last call of update() or advance() gave the lexer (0 when it had nothing to do). */
  lexedChars = 0;

  /**
   * `maxBlockChars`: a block longer than this (one paragraph or list of 200 KB) settles in parts of about this
   * size, so no call lexes (and no frame renders) more than about twice that, however the answer is built.
   */
  constructor(lex: LexBlocks, maxLexChars = Number.POSITIVE_INFINITY, maxBlockChars = Number.POSITIVE_INFINITY) {
    this.lex = lex;
    this.maxLexChars = maxLexChars;
    this.maxBlockChars = maxBlockChars;
  }

  /** `maxLexChars` for this call only: a caller with little time left lexes less. */
  update(text: string, maxLexChars = this.maxLexChars): SplitAnswer {
    this.lexedChars = 0;
    if (text === this.text) return this.last;
    if (!text.startsWith(this.settledText)) {
      this.settledText = '';
      this.settled = [];
      this.oversized.clear();
      this.generation++;
    }
    this.text = text;
    return this.lexNext(maxLexChars);
  }

  /** Lexes the next window of a tail not yet lexed whole; the same answer as before when there is none. */
  advance(maxLexChars = this.maxLexChars): SplitAnswer {
    this.lexedChars = 0;
    return this.last.complete ? this.last : this.lexNext(maxLexChars);
  }

  private lexNext(maxLexChars: number): SplitAnswer {
    const rest = this.text.slice(this.settledText.length);
    // A window that settles nothing (one block longer than the window) is widened until something settles.
    for (let size = Math.max(1, maxLexChars); ; size *= 2) {
      const end = windowEnd(rest, size);
      const lexed = end === rest.length ? rest : rest.slice(0, end);
      const blocks = this.lex(lexed);
      this.lexedChars += lexed.length;
      // A code block costs what it is long to lex and render (nothing in it is parsed): only others are cut.
      const tooLong = (blocks[0]?.length ?? lexed.length) > this.maxBlockChars && !CODE_FENCE.test(rest);
      if (tooLong) {
        // One block longer than any block rendered as markdown: its first part settles as a block of its own,
        // to be shown as plain text (see isOversized).
        const cut = windowEnd(rest, this.maxBlockChars);
        this.oversized.add(this.settled.length);
        this.settle([rest.slice(0, cut)]);
        this.last = this.split(rest.slice(cut), false);
        return this.last;
      }
      // Settle only when the blocks account for every character (the lexer may rewrite line ends).
      const exact = blocks.join('') === lexed;
      if (blocks.length > 1 && exact) {
        this.settle(blocks.slice(0, -1));
        this.last = this.split(rest.slice(lexed.length - blocks[blocks.length - 1].length), end === rest.length);
        return this.last;
      }
      if (end === rest.length) {
        this.last = this.split(rest, true);
        return this.last;
      }
      // A rewritten text settles in no window: the rest is lexed whole, as without windows (up to maxBlockChars).
      if (!exact) size = Math.max(size, this.maxBlockChars);
    }
  }

  /** Whether settled block `index` is a part of a block longer than `maxBlockChars`, not a block of its own. */
  isOversized(index: number): boolean {
    return this.oversized.has(index);
  }

  private settle(blocks: readonly string[]) {
    this.settled = [...this.settled, ...blocks];
    this.settledText += blocks.join('');
  }

  private split(tail: string, complete: boolean): SplitAnswer {
    return { settled: this.settled, tail, complete, generation: this.generation };
  }
}

/** An open code fence, as marked reads one (a backtick fence's info string holds no backtick). */
const CODE_FENCE = /^ {0,3}(?:`{3,}[^`\n]*(?:\n|$)|~{3,})/;

/** Where a window of about `size` characters of `text` ends: after its last line end, or all of `text`. */
function windowEnd(text: string, size: number): number {
  if (text.length <= size) return text.length;
  const lineEnd = text.lastIndexOf('\n', size - 1);
  return lineEnd > 0 ? lineEnd + 1 : Math.min(text.length, size);
}
