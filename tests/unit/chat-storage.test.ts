import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConversation, loadDraft, saveConversation, saveDraft } from '../../src/features/chat/chat-storage.ts';
import { conversationReducer } from '../../src/features/chat/conversation.ts';

afterEach(() => {
  vi.restoreAllMocks();
  sessionStorage.clear();
});

describe('the saved conversation', () => {
  it('keeps its owner, and does not bring back a rate limit after a reload', () => {
    const sent = conversationReducer(
      { sessionId: 's', messages: [], owner: 'alice-sub' },
      { type: 'sent', prompt: 'hi', userId: 'u', agentId: 'a', at: 0 },
    );
    const limited = conversationReducer(sent, {
      type: 'failed',
      id: 'a',
      failure: {
        kind: 'rate-limited',
        status: 429,
        message: 'agent.error.rateLimited',
        params: { seconds: 300 },
        retryAt: Date.now() + 300_000,
      },
    });
    saveConversation(limited);
    const restored = loadConversation();
    expect(restored.owner).toBe('alice-sub');
    const answer = restored.messages[1];
    expect(answer.role === 'agent' && answer.failure?.kind).toBe('rate-limited');
    expect(answer.role === 'agent' && answer.failure?.retryAt).toBeUndefined();
  });

  it('starts afresh, owned by nobody, when another user takes over', () => {
    const owned = conversationReducer({ sessionId: 's', messages: [] }, { type: 'owned', owner: 'alice-sub' });
    expect(owned.owner).toBe('alice-sub');
    const next = conversationReducer(owned, { type: 'reset', sessionId: 't', owner: 'bob-sub' });
    expect(next).toEqual({ sessionId: 't', messages: [], owner: 'bob-sub' });
  });
});

describe('the draft', () => {
  it('says so when storage is full, instead of throwing', () => {
    vi.stubGlobal('sessionStorage', {
      ...sessionStorage,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    });
    expect(saveDraft('a long draft')).toBe(false);
    vi.unstubAllGlobals();
    expect(saveDraft('short')).toBe(true);
    expect(loadDraft()).toBe('short');
  });
});

describe('saving a long conversation', () => {
  it('keeps the newest messages within the limit, drops the oldest first and says how many', () => {
    let conversation = { sessionId: 's', messages: [] as never[] } as ReturnType<typeof loadConversation>;
    for (let index = 0; index < 10; index++) {
      conversation = conversationReducer(conversation, {
        type: 'sent',
        prompt: `question ${index} ${'x'.repeat(400)}`,
        userId: `u${index}`,
        agentId: `a${index}`,
        at: index,
      });
      conversation = conversationReducer(conversation, { type: 'finished', id: `a${index}` });
    }
    saveConversation(conversation, 3_000);
    const restored = loadConversation();
    expect(restored.messages.length).toBeGreaterThan(0);
    expect(restored.messages.length).toBeLessThan(20);
    expect(restored.dropped).toBe(20 - restored.messages.length);
    expect(restored.messages.at(-1)?.id).toBe('a9');
    // Saving the restored copy again keeps counting what was left out before.
    saveConversation(restored, 3_000);
    expect(loadConversation().dropped).toBe(restored.dropped);
  });
});
