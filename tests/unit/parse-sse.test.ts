import { describe, expect, it, vi } from 'vitest';
import { chunksFromFrame } from '../../src/features/chat/stream/agent-chunks.ts';
import { type Answer, answerText, applyChunk, EMPTY_ANSWER } from '../../src/features/chat/stream/answer.ts';
import { readSse, type SseEvent, SseEventTooLargeError, SseParser } from '../../src/features/chat/stream/parse-sse.ts';

const adk = (text: string, partial: boolean) => JSON.stringify({ author: 'a', partial, content: { role: 'model', parts: [{ text }] } });

/** Every kind of framing at once: LF, CRLF and CR line ends, multi-line data, comments, unknown fields, UTF-8. */
const WIRE = [
  `: keep-alive comment\n`,
  `data: ${adk('Hé', true)}\n\n`,
  `id: 7\r\nretry: 100\r\ndata: ${adk('llo 世界', true)}\r\n\r\n`,
  `event: message\rdata: ${adk('Hé' + 'llo 世界', false)}\r\r`,
  `data: a raw line\ndata: and its second line\n\n`,
  `data: first CRLF line\r\ndata: second CRLF line\r\n\r\n`,
  `data: "a JSON string frame 🙂"\n\n`,
  `unknown: field\ndata\n\n`,
  `data: {"error": "boom", "error_type": "RuntimeError", "message": "it broke"}\n\n`,
  `data: an incomplete last event without its blank line`,
].join('');

const EXPECTED: SseEvent[] = [
  { data: adk('Hé', true) },
  { data: adk('llo 世界', true) },
  { data: adk('Héllo 世界', false), event: 'message' },
  { data: 'a raw line\nand its second line' },
  { data: 'first CRLF line\nsecond CRLF line' },
  { data: '"a JSON string frame 🙂"' },
  { data: '' },
  { data: '{"error": "boom", "error_type": "RuntimeError", "message": "it broke"}' },
];

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

async function collect(chunks: Uint8Array[]): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  for await (const event of readSse(streamOf(chunks))) events.push(event);
  return events;
}

describe('SSE parser', () => {
  const bytes = new TextEncoder().encode(WIRE);

  it('parses the whole stream in one chunk', async () => {
    expect(await collect([bytes])).toEqual(EXPECTED);
  });

  it('gives the same events when the stream is split at every byte boundary', async () => {
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(await collect([bytes.slice(0, cut), bytes.slice(cut)]), `split at byte ${cut}`).toEqual(EXPECTED);
    }
  });

  it('gives the same events when every byte arrives on its own', async () => {
    expect(await collect(Array.from(bytes, (byte) => Uint8Array.of(byte)))).toEqual(EXPECTED);
  });
});

describe('SSE parser caps', () => {
  /** The parser's own state, read to prove it never holds more than the cap. */
  const held = (parser: SseParser) => {
    const state = parser as unknown as { buffer: string; data: string[] };
    return state.buffer.length + state.data.join('\n').length;
  };

  it('refuses a line that never ends before it holds more than the cap', () => {
    const parser = new SseParser(1000);
    expect(parser.push('data: ')).toEqual([]);
    for (let index = 0; index < 9; index++) parser.push('x'.repeat(100));
    expect(held(parser)).toBeLessThanOrEqual(1000);
    expect(() => parser.push('x'.repeat(100))).toThrow(SseEventTooLargeError);
    expect(held(parser)).toBeLessThanOrEqual(1000);
  });

  it('refuses an event whose data lines add up past the cap, even when each line is short', () => {
    const parser = new SseParser(1000);
    const line = `data: ${'y'.repeat(90)}\n`;
    expect(() => {
      for (let index = 0; index < 20; index++) parser.push(line);
    }).toThrow(SseEventTooLargeError);
    expect(held(parser)).toBeLessThanOrEqual(1000);
  });

  it('accepts any number of events that each fit', () => {
    const parser = new SseParser(1000);
    const frame = `data: ${'z'.repeat(900)}\n\n`;
    for (let index = 0; index < 50; index++) expect(parser.push(frame)).toEqual([{ data: 'z'.repeat(900) }]);
  });

  it('caps at 1 MiB by default, and readSse throws the cap error', async () => {
    const frame = new TextEncoder().encode(`data: ${'a'.repeat(1024 * 1024)}\n\n`);
    await expect(collect([frame])).rejects.toBeInstanceOf(SseEventTooLargeError);
    const fits = new TextEncoder().encode(`data: ${'a'.repeat(1024 * 1024 - 100)}\n\n`);
    expect(await collect([fits])).toHaveLength(1);
  });
});

describe('frames to an answer', () => {
  const fold = (frames: string[]): Answer => frames.flatMap(chunksFromFrame).reduce(applyChunk, EMPTY_ANSWER);

  it('shows ADK text once: the final event replaces the deltas instead of repeating them', () => {
    const answer = fold([adk('Hel', true), adk('lo', true), adk('Hello', false)]);
    expect(answerText(answer)).toBe('Hello');
    expect(answer.parts).toHaveLength(1);
  });

  it('keeps tool calls and results in order around the text', () => {
    const call = JSON.stringify({ content: { parts: [{ functionCall: { id: '1', name: 'get_weather', args: { city: 'Beijing' } } }] } });
    const result = JSON.stringify({
      content: { parts: [{ functionResponse: { id: '1', name: 'get_weather', response: { report: 'sunny' } } }] },
    });
    const answer = fold([call, result, adk('Sun', true), adk('ny', true), adk('Sunny', false)]);
    expect(answer.parts.map((part) => part.kind)).toEqual(['tool-call', 'tool-result', 'text']);
    expect(answerText(answer)).toBe('Sunny');
  });

  it('treats raw strings and JSON strings as text deltas, and an error frame as an error', () => {
    expect(answerText(fold(['Raw ', '"and JSON"']))).toBe('Raw and JSON');
    expect(chunksFromFrame('{"error": "x", "error_type": "ValueError", "message": "bad"}')).toEqual([
      { type: 'error', message: 'bad', errorType: 'ValueError' },
    ]);
  });

  it('shows a final-only event (no deltas before it) as its own text', () => {
    expect(answerText(fold([adk('Just the end', false)]))).toBe('Just the end');
  });
});

describe('reading a stream that arrived at once', () => {
  it('lets a timer (a paint, a key press) run between its events instead of after all of them', async () => {
    const encoder = new TextEncoder();
    const events = Array.from({ length: 400 }, (_, index) => encoder.encode(`data: ${index}\n\n`));
    let timerRan = false;
    setTimeout(() => {
      timerRan = true;
    }, 0);
    let seenBeforeTimer = 0;
    for await (const _ of readSse(streamOf(events))) {
      const busyUntil = performance.now() + 0.2; // the consumer's work on an event
      while (performance.now() < busyUntil) {}
      if (!timerRan) seenBeforeTimer++;
    }
    expect(seenBeforeTimer).toBeGreaterThan(0);
    expect(seenBeforeTimer).toBeLessThan(events.length);
  });
});

describe('reading a chunk of a megabyte', () => {
  // Enough copies of WIRE (minus its incomplete last event) that the parser's pieces cut it everywhere: in CRLF
  // pairs, inside multi-byte characters, in the middle of field names.
  const complete = WIRE.slice(0, WIRE.lastIndexOf('data: an incomplete'));
  const copies = Math.ceil(1_000_000 / complete.length);
  const chunk = new TextEncoder().encode(complete.repeat(copies));

  it('gives every event, in order, as a stream of small chunks would', async () => {
    const events = await collect([chunk]);
    expect(events).toHaveLength(EXPECTED.length * copies);
    expect(events.slice(0, EXPECTED.length)).toEqual(EXPECTED);
    expect(events.slice(-EXPECTED.length)).toEqual(EXPECTED);
    expect(events).toEqual(Array.from({ length: copies }, () => EXPECTED).flat());
  });

  it('hands on its first events before parsing the rest: a slice of work never parses the whole chunk', async () => {
    const push = vi.spyOn(SseParser.prototype, 'push');
    try {
      for await (const _ of readSse(streamOf([chunk]))) break;
      const parsed = push.mock.calls.reduce((sum, [input]) => sum + input.length, 0);
      expect(parsed).toBeGreaterThan(0);
      expect(parsed).toBeLessThan(chunk.length / 10);
    } finally {
      push.mockRestore();
    }
  });
});
