/** Splits a markdown text into its top-level blocks (the raw source of each, in order). */
export type LexBlocks = (text: string) => string[];

export interface SplitAnswer {
  /** Blocks a later block has followed: they never change again, so each is rendered once. */
  settled: readonly string[];
  /** The last block, still growing while the answer streams. */
  tail: string;
}

/**
 * Splits a streaming answer into settled blocks and an open tail, lexing only what follows the last settled
 * block: the work per update is proportional to the tail, not to the whole answer. A text that does not
 * extend the previous one (the agent's final text differs from the deltas) starts over.
 */
export class BlockSplitter {
  private readonly lex: LexBlocks;
  private text = '';
  private settledText = '';
  private settled: string[] = [];
  private last: SplitAnswer = { settled: [], tail: '' };

  constructor(lex: LexBlocks) {
    this.lex = lex;
  }

  update(text: string): SplitAnswer {
    if (text === this.text) return this.last;
    if (!text.startsWith(this.settledText)) {
      this.settledText = '';
      this.settled = [];
    }
    this.text = text;
    const rest = text.slice(this.settledText.length);
    const blocks = this.lex(rest);
    // Settle only when the blocks account for every character (the lexer may rewrite line ends).
    if (blocks.length > 1 && blocks.join('') === rest) {
      const newlySettled = blocks.slice(0, -1);
      this.settled = [...this.settled, ...newlySettled];
      this.settledText += newlySettled.join('');
      this.last = { settled: this.settled, tail: blocks[blocks.length - 1] };
    } else {
      this.last = { settled: this.settled, tail: rest };
    }
    return this.last;
  }
}
