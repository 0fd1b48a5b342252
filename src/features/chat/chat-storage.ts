import type { ChatMessage, Conversation } from './conversation.ts';
import { newSessionId } from './conversation.ts';
import { restoredAnswer } from './stream/answer.ts';

/** sessionStorage keeps the draft and the conversation across redirects and reloads; never a token. */
const CONVERSATION_KEY = 'agent-console.conversation';
const DRAFT_KEY = 'agent-console.draft';
/** The saved copy keeps the newest messages within this many characters (sessionStorage holds ~5 M). */
export const MAX_SAVED_CHARS = 2_000_000;

/** Each message object is immutable: its JSON is computed once, so a save costs what changed. */
const serialised = new WeakMap<ChatMessage, string>();
function messageJson(message: ChatMessage): string {
  let json = serialised.get(message);
  if (json === undefined) {
    try {
      json = JSON.stringify(message);
    } catch {
      // Answers are bounded where they come in (bounded-json.ts); should one still not serialise, it is not saved.
      json = 'null';
    }
    serialised.set(message, json);
  }
  return json;
}

/**
 * An answer that was arriving when the page went away will not resume: keep what came, marked as stopped.
 * A rate limit's wait is not restored: it was the agent's word for that moment, and a reload starts afresh.
 */
function restoredMessage(message: ChatMessage): ChatMessage {
  if (message.role !== 'agent') return message;
  const { retryAt: _, ...failure } = message.failure ?? {};
  const status = message.status === 'waiting' || message.status === 'streaming' ? 'stopped' : message.status;
  return {
    ...message,
    status,
    answer: restoredAnswer(message.answer),
    ...(message.failure ? { failure: failure as typeof message.failure } : {}),
  };
}

function isMessage(message: unknown): message is ChatMessage {
  const candidate = message as Partial<ChatMessage> | null;
  return typeof candidate?.id === 'string' && (candidate.role === 'user' || candidate.role === 'agent');
}

export function loadConversation(): Conversation {
  try {
    const stored = JSON.parse(sessionStorage.getItem(CONVERSATION_KEY) ?? 'null') as Conversation | null;
    if (stored && typeof stored.sessionId === 'string' && Array.isArray(stored.messages)) {
      const messages = stored.messages.filter(isMessage).map(restoredMessage);
      return {
        sessionId: stored.sessionId,
        messages,
        ...(typeof stored.owner === 'string' ? { owner: stored.owner } : {}),
        ...(typeof stored.dropped === 'number' && stored.dropped > 0 ? { dropped: stored.dropped } : {}),
      };
    }
  } catch {
    // A damaged entry starts a new conversation rather than a broken page.
  }
  return { sessionId: newSessionId(), messages: [] };
}

/**
 * Saves the newest messages that fit in `maxChars`, oldest dropped first; the copy says how many it left out
 * (on top of those an earlier save dropped), so a reload can say so. The conversation in memory stays whole.
 */
export function saveConversation(conversation: Conversation, maxChars = MAX_SAVED_CHARS) {
  const kept: string[] = [];
  let size = 0;
  for (let index = conversation.messages.length - 1; index >= 0; index--) {
    const json = messageJson(conversation.messages[index]);
    if (size + json.length > maxChars) break;
    kept.push(json);
    size += json.length + 1;
  }
  const dropped = (conversation.dropped ?? 0) + conversation.messages.length - kept.length;
  const head = JSON.stringify({ sessionId: conversation.sessionId, owner: conversation.owner, dropped });
  const text = `${head.slice(0, -1)},"messages":[${kept.reverse().join(',')}]}`;
  try {
    sessionStorage.setItem(CONVERSATION_KEY, text);
  } catch {
    // The quota is smaller than we allow for (other keys, another browser): try once with half the room.
    if (maxChars > 1_000) saveConversation(conversation, Math.floor(maxChars / 2));
  }
}

export function loadDraft(): string {
  return sessionStorage.getItem(DRAFT_KEY) ?? '';
}

/** False when the browser refused to store it (quota full): the draft then lives in memory only. */
export function saveDraft(draft: string): boolean {
  try {
    if (draft) sessionStorage.setItem(DRAFT_KEY, draft);
    else sessionStorage.removeItem(DRAFT_KEY);
    return true;
  } catch {
    return false;
  }
}

export function clearChatStorage() {
  sessionStorage.removeItem(CONVERSATION_KEY);
  sessionStorage.removeItem(DRAFT_KEY);
}
