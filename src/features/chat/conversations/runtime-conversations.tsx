import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { t } from '../../../i18n/index.ts';
import { useChatSession } from '../chat-session.tsx';
import { ConversationList } from './conversation-list.tsx';
import { chatKeys } from './queries.ts';

/** The current conversation's name, as the list shows it: its first prompt. */
function currentTitle(messages: ReturnType<typeof useChatSession>['conversation']['messages']): string {
  const first = messages.find((message) => message.role === 'user');
  return first?.role === 'user' ? first.text.trim().slice(0, 120) : t('conversations.untitled', { time: '' }).trim();
}

/** Whether the conversations live on the runtime for this user (an ADK runtime, signed in). */
export function useRuntimeConversations() {
  const session = useChatSession();
  const adk = session.runtime?.kind === 'adk' && session.subject ? session.runtime : undefined;
  return { session, adk };
}

/** Opening and deleting runtime conversations, and what went wrong doing it (said in the chat). */
export function useConversationActions() {
  const { session } = useRuntimeConversations();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string>();
  // The list as the list component last read it (a second observer of the query would replace its options):
  // a restored conversation that the runtime lists can be deleted too.
  const listed = queryClient.getQueryData<Array<{ id: string }>>(chatKeys.sessions(session.endpoint, session.subject));
  const deletable =
    session.runtime?.kind === 'adk' &&
    (session.isOnRuntime(session.conversation.sessionId) || !!listed?.some((item) => item.id === session.conversation.sessionId));
  const refresh = () => queryClient.invalidateQueries({ queryKey: chatKeys.sessions(session.endpoint, session.subject) });
  const open = (id: string) => {
    setProblem(undefined);
    session
      .open(id)
      .catch((error: unknown) => setProblem(t('conversations.openFailed', { detail: String((error as Error)?.message ?? error) })));
  };
  const remove = () => {
    const title = currentTitle(session.conversation.messages);
    if (!window.confirm(t('conversations.confirmDelete', { title }))) return;
    setProblem(undefined);
    session
      .remove(session.conversation.sessionId)
      .then(refresh, (error: unknown) =>
        setProblem(t('conversations.deleteFailed', { detail: String((error as Error)?.message ?? error) })),
      );
  };
  return { open, remove, problem, deletable };
}

export function RuntimeConversationList({ onOpen }: { onOpen: (id: string) => void }) {
  const { session, adk } = useRuntimeConversations();
  if (!adk || !session.subject) return null;
  return (
    <ConversationList
      // A new user's list starts empty: nothing of the previous one shows, not for a frame.
      key={session.subject}
      endpoint={session.endpoint}
      runtime={adk}
      auth={session.auth}
      subject={session.subject}
      currentId={session.conversation.sessionId}
      onOpen={onOpen}
    />
  );
}
