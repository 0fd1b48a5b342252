import { randomUUID } from 'node:crypto';
import type { StreamStep } from './replies.ts';

/**
 * Answers that are valid and still built to crash or freeze a renderer: each shape the console must survive
 * (the answer shows, the next message works, a reload works). Serialised by hand where Node itself would
 * overflow its stack building or stringifying them.
 */

const AUTHOR = 'local_agent';

function event(invocationId: string, partial: boolean, parts: string): string {
  return `{"author":"${AUTHOR}","invocationId":"${invocationId}","id":"${randomUUID()}","timestamp":${Date.now() / 1000},"partial":${partial},"content":{"role":"model","parts":[${parts}]}}`;
}

function textPart(text: string): string {
  return JSON.stringify({ text });
}

/** A tool call whose arguments nest `levels` deep (about 12 KB for 6,000), then a short text. */
export function* deepArgumentsStream(levels: number): Iterable<StreamStep> {
  const invocationId = `e-${randomUUID()}`;
  const args = `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
  yield { payload: event(invocationId, false, `{"functionCall":{"id":"call-deep","name":"deep_tool","args":${args}}}`), delayMs: 0 };
  yield { payload: event(invocationId, false, textPart(`The tool took arguments nested ${levels} levels deep.`)), delayMs: 0 };
}

/** `count` tool calls streamed as fast as possible (minimal events: 20,000 are about 2 MB), then a text. */
export function* manyToolCallsStream(count: number): Iterable<StreamStep> {
  const invocationId = `e-${randomUUID()}`;
  for (let index = 0; index < count; index++) {
    yield { payload: `{"content":{"parts":[{"functionCall":{"id":"c${index}","name":"lookup","args":{"i":${index}}}}]}}`, delayMs: 0 };
  }
  yield { payload: event(invocationId, false, textPart(`Made ${count} tool calls.`)), delayMs: 0 };
}

/** One paragraph of unclosed emphasis: `*a` repeated (160 KB for 80,000). */
export function unclosedEmphasis(count: number): string {
  return `Unclosed emphasis follows.\n\n${'*a'.repeat(count)}\n\nThe end of the unclosed emphasis.`;
}

/** A line of `levels` nested quotes (20 KB for 20,000). */
export function nestedQuotes(levels: number): string {
  return `Nested quotes follow.\n\n${'>'.repeat(levels)} deep\n\nThe end of the nested quotes.`;
}
