import { WORK_SLICE_MS, yieldToMain } from '../../../lib/yield-to-main.ts';

/** One Server-Sent Event: its data lines joined with "\n", and the event name when one was sent. */
export interface SseEvent {
  data: string;
  event?: string;
}

/** An event may hold at most this many characters; agents send one ADK event per frame, far below it. */
export const MAX_SSE_EVENT_CHARS = 1024 * 1024;

/** A line or event past the cap: the stream is not one this console can hold, so the call ends. */
export class SseEventTooLargeError extends Error {
  readonly limit: number;
  constructor(limit: number) {
    super(`an event stream frame exceeded ${limit} characters`);
    this.limit = limit;
  }
}

/**
 * Incremental SSE parser (the WHATWG event-stream rules): lines end in CRLF, LF or CR, possibly split across
 * chunks; an event is dispatched at a blank line, never before, so JSON cut across chunks is never decoded
 * half-way. Comments (":") and unknown fields are ignored. A peer that never sends a line end cannot make it
 * grow without bound: past `maxEventChars` (the open line plus the data already gathered) it throws.
 */
export class SseParser {
  private buffer = '';
  private pendingCR = false;
  private data: string[] = [];
  private dataChars = 0;
  private event: string | undefined;
  private readonly maxEventChars: number;

  constructor(maxEventChars = MAX_SSE_EVENT_CHARS) {
    this.maxEventChars = maxEventChars;
  }

  /** Checked before any string is built, so the buffer never holds more than the cap. */
  private ensureRoom(lineChars: number) {
    if (this.dataChars + lineChars > this.maxEventChars) throw new SseEventTooLargeError(this.maxEventChars);
  }

  /** Feeds decoded text; returns the events completed by it. */
  push(text: string): SseEvent[] {
    const events: SseEvent[] = [];
    let input = text;
    if (this.pendingCR && input.startsWith('\n')) input = input.slice(1); // the LF of a CRLF split across chunks
    this.pendingCR = false;
    let start = 0;
    for (let index = 0; index < input.length; index++) {
      const char = input[index];
      if (char !== '\n' && char !== '\r') continue;
      this.ensureRoom(this.buffer.length + index - start);
      const line = this.buffer + input.slice(start, index);
      this.buffer = '';
      if (char === '\r') {
        if (index + 1 < input.length) {
          if (input[index + 1] === '\n') index++;
        } else {
          this.pendingCR = true;
        }
      }
      start = index + 1;
      const event = this.line(line);
      if (event) events.push(event);
    }
    this.ensureRoom(this.buffer.length + input.length - start);
    this.buffer += input.slice(start);
    return events;
  }

  /** At the end of the stream: an event without its closing blank line is incomplete and dropped, per the spec. */
  end(): SseEvent[] {
    this.buffer = '';
    this.data = [];
    this.dataChars = 0;
    this.event = undefined;
    return [];
  }

  private line(line: string): SseEvent | undefined {
    if (line === '') {
      if (this.data.length === 0) {
        this.event = undefined;
        return undefined;
      }
      const event: SseEvent = { data: this.data.join('\n'), ...(this.event ? { event: this.event } : {}) };
      this.data = [];
      this.dataChars = 0;
      this.event = undefined;
      return event;
    }
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') {
      this.data.push(value);
      this.dataChars += value.length + 1;
    } else if (field === 'event') this.event = value;
    return undefined;
  }
}

/** The parser takes a chunk's text in pieces of this many characters (see readSse). */
const PARSE_PIECE_CHARS = 16_384;

/**
 * Reads a response body as SSE events, decoding UTF-8 across chunk boundaries. A body that has already arrived
 * (an answer written at once) would be read, parsed and handed on in one unbroken run of microtasks; every
 * WORK_SLICE_MS of that (the consumer's work included) the browser gets to paint and handle input.
 */
export async function* readSse(
  body: ReadableStream<Uint8Array>,
  onBytes?: (count: number) => void,
  maxEventChars = MAX_SSE_EVENT_CHARS,
): AsyncGenerator<SseEvent> {
  const parser = new SseParser(maxEventChars);
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let sliceStart = performance.now();
  const breathe = async () => {
    if (performance.now() - sliceStart <= WORK_SLICE_MS) return;
    await yieldToMain();
    sliceStart = performance.now();
  };
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) break;
      onBytes?.(value.byteLength);
      const text = decoder.decode(value, { stream: true });
      // A chunk can hold a megabyte of events: parsed a piece at a time, so a slice never parses all of it.
      for (let offset = 0; offset < text.length; offset += PARSE_PIECE_CHARS) {
        for (const event of parser.push(text.slice(offset, offset + PARSE_PIECE_CHARS))) {
          yield event;
          await breathe();
        }
        await breathe();
      }
    }
    yield* parser.push(decoder.decode());
    yield* parser.end();
  } finally {
    reader.releaseLock();
  }
}
