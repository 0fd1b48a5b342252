import type { ChatMessage, Conversation } from './conversation.ts';
import { newSessionId } from './conversation.ts';

/** sessionStorage keeps the draft and the conversation across redirects and reloads; never a token. */
const CONVERSATION_KEY = 'agent-console.conversation';
const DRAFT_KEY = 'agent-console.draft';

/**
 * An answer that was arriving when the page went away will not resume: keep what came, marked as stopped.
 * A rate limit's wait is not restored: it was the agent's word for that moment, and a reload starts afresh.
 */
function restoredMessage(message: ChatMessage): ChatMessage {
  if (message.role !== 'agent') return message;
  const { retryAt: _, ...failure } = message.failure ?? {};
  const status = message.status === 'waiting' || message.status === 'streaming' ? 'stopped' : message.status;
  return { ...message, status, ...(message.failure ? { failure: failure as typeof message.failure } : {}) };
}

export function loadConversation(): Conversation {
  try {
    const stored = JSON.parse(sessionStorage.getItem(CONVERSATION_KEY) ?? 'null') as Conversation | null;
    if (stored && typeof stored.sessionId === 'string' && Array.isArray(stored.messages)) {
      const messages = stored.messages.map(restoredMessage);
      return { sessionId: stored.sessionId, messages, ...(typeof stored.owner === 'string' ? { owner: stored.owner } : {}) };
    }
  } catch {
    // A damaged entry starts a new conversation rather than a broken page.
  }
  return { sessionId: newSessionId(), messages: [] };
}

export function saveConversation(conversation: Conversation) {
  try {
    sessionStorage.setItem(CONVERSATION_KEY, JSON.stringify(conversation));
  } catch {
    // Quota exceeded: the conversation still lives in memory.
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
