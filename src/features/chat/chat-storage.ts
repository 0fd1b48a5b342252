import type { ChatMessage, Conversation } from './conversation.ts';
import { newSessionId } from './conversation.ts';

/** sessionStorage keeps the draft and the conversation across redirects and reloads; never a token. */
const CONVERSATION_KEY = 'agent-console.conversation';
const DRAFT_KEY = 'agent-console.draft';

export function loadConversation(): Conversation {
  try {
    const stored = JSON.parse(sessionStorage.getItem(CONVERSATION_KEY) ?? 'null') as Conversation | null;
    if (stored && typeof stored.sessionId === 'string' && Array.isArray(stored.messages)) {
      // An answer that was arriving when the page went away will not resume: keep what came, marked as stopped.
      const messages = stored.messages.map((message: ChatMessage) =>
        message.role === 'agent' && (message.status === 'waiting' || message.status === 'streaming')
          ? { ...message, status: 'stopped' as const }
          : message,
      );
      return { sessionId: stored.sessionId, messages };
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

export function saveDraft(draft: string) {
  if (draft) sessionStorage.setItem(DRAFT_KEY, draft);
  else sessionStorage.removeItem(DRAFT_KEY);
}

export function clearChatStorage() {
  sessionStorage.removeItem(CONVERSATION_KEY);
  sessionStorage.removeItem(DRAFT_KEY);
}
