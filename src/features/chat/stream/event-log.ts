import { boundValue } from '../../../lib/bounded-json.ts';
import { type TokenUsage, tokenUsage } from './event-summary.ts';

/**
 * The raw events of each answer, as the agent sent them (bounded), for the event inspector and the JSON
 * export. Kept beside the conversation, not in it: appending one costs O(1) and no render, and the answer
 * only counts them. In memory only (a reload keeps the conversation, not its raw events).
 */

/** Events kept per answer; later ones are counted, not kept. */
export const MAX_KEPT_EVENTS = 5_000;

interface Log {
  events: unknown[];
  /** Events received, kept or not. */
  received: number;
  /** Summed over every event received, kept or not. */
  usage?: TokenUsage;
}

const logs = new Map<string, Log>();

/**
 * Records event `seq` of answer `id`. Idempotent per sequence number: React may run a reducer twice, and a
 * chunk queued twice must not add an event twice.
 */
export function recordEvent(id: string, seq: number, event: unknown) {
  let log = logs.get(id);
  if (!log) {
    log = { events: [], received: 0 };
    logs.set(id, log);
  }
  if (seq < log.received) return;
  log.received = seq + 1;
  const bounded = boundValue(event);
  const usage = tokenUsage([bounded]);
  if (usage) {
    const sum = log.usage ?? { prompt: 0, output: 0, total: 0 };
    log.usage = { prompt: sum.prompt + usage.prompt, output: sum.output + usage.output, total: sum.total + usage.total };
  }
  if (log.events.length < MAX_KEPT_EVENTS) log.events.push(bounded);
}

/** The events kept for answer `id` (empty when none were, or the page was reloaded since). */
export function eventsOf(id: string): readonly unknown[] {
  return logs.get(id)?.events ?? [];
}

/** The model's token usage over all the answer's events (see tokenUsage), undefined when none said. */
export function usageOf(id: string): TokenUsage | undefined {
  return logs.get(id)?.usage;
}

export function receivedEvents(id: string): number {
  return logs.get(id)?.received ?? 0;
}

/** Forgets the events of answers no longer shown (a new conversation, a sign-out). */
export function forgetEvents(keep: ReadonlySet<string> = new Set()) {
  for (const id of logs.keys()) if (!keep.has(id)) logs.delete(id);
}
