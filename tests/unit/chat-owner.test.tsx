import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { useLayoutEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgentAuth } from '../../src/features/chat/api/agent-client.ts';
import { CallLog } from '../../src/features/chat/api/call-log.ts';
import { ChatSessionProvider, useChatSession } from '../../src/features/chat/chat-session.tsx';
import { saveConversation, saveDraft } from '../../src/features/chat/chat-storage.ts';

const auth: AgentAuth = {
  accessToken: () => undefined,
  subject: () => undefined,
  tokenExpired: () => false,
  renew: async () => undefined,
  settled: async () => undefined,
};

interface Shown {
  sessionId: string;
  words: string;
  draft: string;
}

/** What every commit put on screen: what a user could have seen, even for one frame. */
function Probe({ shown }: { shown: Shown[] }) {
  const { conversation, draft } = useChatSession();
  useLayoutEffect(() => {
    shown.push({ sessionId: conversation.sessionId, words: JSON.stringify(conversation.messages), draft });
  });
  return null;
}

function renderSession(subject: string | undefined, shown: Shown[]) {
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <ChatSessionProvider endpoint="/agent" auth={auth} log={new CallLog()} onSignOut={() => () => undefined} subject={subject}>
        <Probe shown={shown} />
      </ChatSessionProvider>
    </QueryClientProvider>,
  );
}

const ALICE_SESSION = 'alice-session-0001';

afterEach(() => sessionStorage.clear());

/** Alice's conversation and half-typed draft, left in the tab's storage. */
beforeEach(() => {
  saveConversation({
    sessionId: ALICE_SESSION,
    owner: 'alice',
    messages: [{ id: 'm1', role: 'user', text: 'alice private question', at: 1 }],
  });
  saveDraft('alice half-typed secret');
});

describe('a conversation left in the tab by another user', () => {
  it('is never shown to the next user who signs in, not even in the first frame; nor is the draft', () => {
    const shown: Shown[] = [];
    renderSession('bob', shown);

    expect(shown.length).toBeGreaterThan(0);
    for (const frame of shown) {
      expect(frame.sessionId).not.toBe(ALICE_SESSION);
      expect(frame.words).not.toContain('alice');
      expect(frame.draft).toBe('');
    }
    expect(JSON.stringify(sessionStorage)).not.toContain('alice private question');
    expect(JSON.stringify(sessionStorage)).not.toContain('alice half-typed secret');
  });

  it('is shown to the same user again, draft included', () => {
    const shown: Shown[] = [];
    renderSession('alice', shown);
    expect(shown[0]).toEqual({
      sessionId: ALICE_SESSION,
      words: expect.stringContaining('alice private question'),
      draft: 'alice half-typed secret',
    });
  });
});
