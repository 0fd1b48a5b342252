/**
 * What the conversation list reads of an ADK session without loading the rest of session-messages.ts (loaded when
 * a session is opened): the user's texts, and the first one as the session's title.
 */
import { isRecord, type JsonObject as Json } from '../../../lib/json-object.ts';

/** The text of a user's event, undefined when it holds none (a function response the client sent). */
export function userText(event: Json): string | undefined {
  if (event.author !== 'user' || !isRecord(event.content) || !Array.isArray(event.content.parts)) return undefined;
  const texts = event.content.parts.filter(isRecord).flatMap((part) => (typeof part.text === 'string' ? [part.text] : []));
  return texts.length > 0 ? texts.join('\n') : undefined;
}

/** The first user text of a session: its title (ADK sessions have none), or undefined. */
export function sessionTitle(events: readonly unknown[]): string | undefined {
  for (const event of events) {
    if (!isRecord(event)) continue;
    const text = userText(event);
    if (text?.trim()) return text.trim().slice(0, 120);
  }
  return undefined;
}

export type { Json };
export { isRecord };
