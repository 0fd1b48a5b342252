import type { Event, Session } from '@google/adk';

/**
 * How the runtime serialises ADK objects: camelCase as ADK does, with times in seconds as AgentKit's Python server
 * sends them (ADK for JavaScript keeps milliseconds in memory).
 */
export function eventJson(event: Event): Record<string, unknown> {
  return { ...event, timestamp: event.timestamp / 1000 };
}

export function sessionJson(session: Session): Record<string, unknown> {
  return {
    id: session.id,
    appName: session.appName,
    userId: session.userId,
    state: session.state,
    events: session.events.map(eventJson),
    lastUpdateTime: session.lastUpdateTime / 1000,
  };
}

/** The text of the final answer: the model's non-partial text parts of the run, in order. */
export function finalText(events: Event[]): string {
  return events
    .filter((event) => !event.partial && event.content?.role === 'model')
    .flatMap((event) => event.content?.parts ?? [])
    .flatMap((part) => (typeof part.text === 'string' && !part.thought ? [part.text] : []))
    .join('');
}

/** True when a run called tools or asked for something: a JSON client then gets its events, not only the text. */
export function usedTools(events: Event[]): boolean {
  return events.some((event) => event.content?.parts?.some((part) => part.functionCall || part.functionResponse));
}
