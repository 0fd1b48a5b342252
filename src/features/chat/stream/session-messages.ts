import { isRecord, type JsonObject as Json } from '../../../lib/json-object.ts';
import { type Conversation, conversationReducer } from '../conversation.ts';
import { type AgentChunk, chunksFromEvent } from './agent-chunks.ts';
import { userText } from './session-title.ts';

/**
 * An ADK session's events as the console's messages, folded by the same reducer as a live answer (markdown
 * rendered once, tool lines, consent cards in their final state, failures): each user text starts a message
 * and the answer after it, every other event goes to that answer.
 */

function millis(event: Json, fallback: number): number {
  return typeof event.timestamp === 'number' && Number.isFinite(event.timestamp) ? event.timestamp * 1000 : fallback;
}

export interface LoadedConversation {
  conversation: Conversation;
  /** Each answer's raw events, by answer id, for the inspector. */
  events: Map<string, unknown[]>;
}

export function conversationFromEvents(sessionId: string, events: readonly unknown[], owner?: string): LoadedConversation {
  let conversation: Conversation = { sessionId, messages: [], ...(owner ? { owner } : {}) };
  const raw = new Map<string, unknown[]>();
  let answerId: string | undefined;
  let pending: AgentChunk[] = [];
  const flush = () => {
    if (!answerId) return;
    if (pending.length > 0) conversation = conversationReducer(conversation, { type: 'chunks', id: answerId, chunks: pending });
    conversation = conversationReducer(conversation, { type: 'finished', id: answerId });
    pending = [];
  };
  events.forEach((event, index) => {
    // Partial events repeat in the final one; a session stores finals only, but a runtime may keep both.
    if (!isRecord(event) || event.partial === true) return;
    const id = typeof event.id === 'string' ? event.id : String(index);
    const text = userText(event);
    if (text !== undefined) {
      flush();
      answerId = `${sessionId}:${id}:answer`;
      raw.set(answerId, []);
      conversation = conversationReducer(conversation, {
        type: 'sent',
        prompt: text,
        userId: `${sessionId}:${id}`,
        agentId: answerId,
        at: millis(event, 0),
      });
      return;
    }
    if (!answerId) return; // events before the first prompt (state set up by the app) belong to no answer
    const kept = raw.get(answerId) ?? [];
    pending.push({ type: 'event', seq: kept.length, event }, ...chunksFromEvent(event));
    kept.push(event);
  });
  flush();
  return { conversation, events: raw };
}
