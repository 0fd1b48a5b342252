import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { Runtime } from './api/adk-client.ts';
import type { AgentAuth } from './api/agent-client.ts';
import type { CallLog } from './api/call-log.ts';
import { clearChatStorage, loadDraft, saveDraft } from './chat-storage.ts';
import type { Conversation } from './conversation.ts';
import { chatKeys, runtimeQuery } from './conversations/queries.ts';
import { redactValue } from './export/redact.ts';
import { entryOf, type HistoryStore, indexedDbHistory } from './local-history/history-store.ts';
import { useChat } from './use-chat.ts';

export interface ChatSessionProps {
  endpoint: string;
  auth: AgentAuth;
  log: CallLog;
  /** Subscribes to sign-out (here or in another tab); returns the unsubscribe. */
  onSignOut: (listener: () => void) => () => void;
  /** The signed-in user's `sub`: a conversation is shown only to the user who had it. */
  subject?: string;
  children: ReactNode;
  /** Where conversations are remembered on this device (IndexedDB; tests give their own). */
  history?: HistoryStore;
}

/** The draft survives reloads and redirects in sessionStorage; when storage is full it stays in memory, and says so. */
function useDraft() {
  const [draft, setDraft] = useState(loadDraft);
  const [stored, setStored] = useState(true);
  useEffect(() => setStored(saveDraft(draft)), [draft]);
  return { draft, setDraft, draftStored: stored };
}

type ChatSession = ReturnType<typeof useChat> &
  ReturnType<typeof useDraft> & {
    /** The session's token in hand, for exports to redact (never shown or stored). */
    knownTokens: () => string[];
    /** What the endpoint is, once known for the signed-in user (an ADK runtime keeps the conversations). */
    runtime?: Runtime;
    history: HistoryStore;
    endpoint: string;
    auth: AgentAuth;
    subject?: string;
  };

const ChatSessionContext = createContext<ChatSession | null>(null);

/**
 * The conversation, the draft and the call in flight live above the routes: an answer keeps streaming while
 * the debugger is open, and coming back shows it where it got to. One call at a time per conversation.
 */
export function ChatSessionProvider({ endpoint, auth, log, onSignOut, subject, children, history = indexedDbHistory }: ChatSessionProps) {
  const draftState = useDraft();
  const { setDraft } = draftState;
  const restorePrompt = useCallback(
    // A failed call gives the prompt back to the box, unless the user already typed something new.
    (prompt: string) => setDraft((current) => (current.trim() ? current : prompt)),
    [setDraft],
  );
  const clearDraft = useCallback(() => setDraft(''), [setDraft]);
  const queryClient = useQueryClient();
  /** The last user signed in: a sign-out comes after the session (and its `sub`) has gone. */
  const signedIn = useRef(subject);
  if (subject) signedIn.current = subject;
  const runtime = useQuery(runtimeQuery(endpoint, auth, subject)).data;
  const onSettled = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: chatKeys.sessions(endpoint, subject) }),
    [queryClient, endpoint, subject],
  );
  // On a runtime that keeps no conversations, a user may ask this device to remember theirs (never a token).
  const local = runtime?.kind === 'invoke' && !!subject;
  const remember = useQuery({
    queryKey: chatKeys.remember(subject),
    queryFn: () => history.enabled(subject ?? ''),
    enabled: local,
    retry: false,
  }).data;
  const onSaved = useCallback(
    (conversation: Conversation) => {
      if (!local || !remember || !subject) return;
      const entry = entryOf(redactValue(conversation, [auth.accessToken() ?? '']) as Conversation, subject);
      if (!entry) return;
      history.put(entry).then(
        () => void queryClient.invalidateQueries({ queryKey: chatKeys.remembered(subject) }),
        () => undefined, // storage refused: the conversation stays in the tab, as without the choice
      );
    },
    [local, remember, subject, history, auth, queryClient],
  );
  const chat = useChat({ endpoint, auth, log, onFailure: restorePrompt, subject, onOwnerChanged: clearDraft, runtime, onSettled, onSaved });
  const { reset } = chat;

  useEffect(
    () =>
      onSignOut(() => {
        reset();
        setDraft('');
        clearChatStorage();
        // A user who asked for it: what this device remembered of them goes too.
        const leaving = signedIn.current;
        if (leaving) {
          history.forgetOnSignOut(leaving).then(
            (forget) => (forget ? history.forgetAll(leaving) : undefined),
            () => undefined,
          );
        }
        // The user's conversations, titles and runtime answer go with them.
        queryClient.removeQueries({ queryKey: chatKeys.all });
      }),
    [onSignOut, reset, setDraft, queryClient, history],
  );

  const knownTokens = useCallback(() => [auth.accessToken()].filter((token): token is string => !!token), [auth]);
  const value = useMemo(
    () => ({ ...chat, ...draftState, knownTokens, runtime, endpoint, auth, subject, history }),
    [chat, draftState, knownTokens, runtime, endpoint, auth, subject, history],
  );
  return <ChatSessionContext.Provider value={value}>{children}</ChatSessionContext.Provider>;
}

export function useChatSession(): ChatSession {
  const session = useContext(ChatSessionContext);
  if (!session) throw new Error('useChatSession must be used inside <ChatSessionProvider>');
  return session;
}
