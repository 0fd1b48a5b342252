/** One Server-Sent Event: its data lines joined with "\n", and the event name when one was sent. */
export interface SseEvent {
  data: string;
  event?: string;
}

/**
 * Incremental SSE parser (the WHATWG event-stream rules): lines end in CRLF, LF or CR, possibly split across
 * chunks; an event is dispatched at a blank line, never before, so JSON cut across chunks is never decoded
 * half-way. Comments (":") and unknown fields are ignored.
 */
export class SseParser {
  private buffer = '';
  private pendingCR = false;
  private data: string[] = [];
  private event: string | undefined;

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
    this.buffer += input.slice(start);
    return events;
  }

  /** At the end of the stream: an event without its closing blank line is incomplete and dropped, per the spec. */
  end(): SseEvent[] {
    this.buffer = '';
    this.data = [];
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
      this.event = undefined;
      return event;
    }
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    return undefined;
  }
}

/** Reads a response body as SSE events, decoding UTF-8 across chunk boundaries. */
export async function* readSse(body: ReadableStream<Uint8Array>, onBytes?: (count: number) => void): AsyncGenerator<SseEvent> {
  const parser = new SseParser();
  const decoder = new TextDecoder();
  const reader = body.getReader();
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) break;
      onBytes?.(value.byteLength);
      yield* parser.push(decoder.decode(value, { stream: true }));
    }
    yield* parser.push(decoder.decode());
    yield* parser.end();
  } finally {
    reader.releaseLock();
  }
}
