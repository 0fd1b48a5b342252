import { useEffect, useMemo } from 'react';
import { ErrorBoundary } from '../../../components/error-boundary.tsx';
import { t } from '../../../i18n/index.ts';
import type { InAppLink } from '../../../lib/navigation.ts';
import { useSecondsUntil } from '../../../lib/use-now.ts';
import { whenIdle } from '../../../lib/when-idle.ts';
import { useChatSession } from '../chat-session.tsx';
import { RuntimeConversationList, useConversationActions, useRuntimeConversations } from '../conversations/runtime-conversations.tsx';
import { ExportMenu } from '../export/export-menu.tsx';
import { LocalConversations } from '../local-history/local-conversations.tsx';
import { loadRenderer } from '../markdown/index.ts';
import { Composer } from './composer.tsx';
import { MessageList } from './message-list.tsx';
import './chat.css';

export interface ChatPanelProps {
  agentName: string;
  signIn: () => void;
  /** Where the debugger shows why the runtime refused the current token, given the runtime's reason. */
  debuggerLink?: (reason: string | undefined) => InAppLink;
  /** The signed-in user's `sub`: a sign-in puts focus in the message box. */
  signedInAs?: string;
}

export function ChatPanel({ agentName, signIn, debuggerLink, signedInAs }: ChatPanelProps) {
  const { conversation, send, stop, reset, sending, draft, setDraft, draftStored, knownTokens } = useChatSession();
  const { adk, session } = useRuntimeConversations();
  // A runtime that only answers /invoke, with a user signed in: conversations may be remembered on this device.
  const local = session.runtime?.kind === 'invoke' && !!session.subject;
  const conversations = useConversationActions();
  const last = conversation.messages.at(-1);
  const retryAt = last?.role === 'agent' ? last.failure?.retryAt : undefined;
  const refused = conversation.messages.findLast((message) => message.role === 'agent' && message.failure?.kind === 'rejected');
  const refusal = refused?.role === 'agent' ? refused.failure?.description : undefined;
  // Ticks only while rate-limited, so the conversation is not re-rendered every second for nothing.
  const waitSeconds = useSecondsUntil(retryAt);
  const actions = useMemo(() => ({ signIn, debuggerLink: debuggerLink?.(refusal) }), [signIn, debuggerLink, refusal]);
  const blockedNote = waitSeconds > 0 ? t('chat.retryIn', { seconds: waitSeconds }) : undefined;
  useEffect(() => {
    // marked and DOMPurify are fetched, run and warmed up while the user reads or types, each step in an idle
    // moment of its own: the first answer then streams without those long tasks in between its frames.
    let live = true;
    let cancel = whenIdle(() => {
      loadRenderer().then(
        (renderer) => {
          if (live) cancel = whenIdle(renderer.warmUp, 5_000);
        },
        () => undefined, // the first answer tries again, and says so if it fails
      );
    }, 5_000);
    return () => {
      live = false;
      cancel();
    };
  }, []);

  return (
    <section className="panel chat" aria-labelledby="chat-title">
      <div className="panel-header chat-header">
        <h2 id="chat-title">{t('chat.title', { agent: agentName })}</h2>
        <span className="meta">{t('chat.session', { id: conversation.sessionId.slice(0, 8) })}</span>
        <button type="button" className="quiet" onClick={reset}>
          {t('chat.newConversation')}
        </button>
        {adk && conversations.deletable && (
          <button type="button" className="quiet" onClick={conversations.remove} disabled={sending}>
            {t('conversations.delete')}
          </button>
        )}
        <ExportMenu conversation={conversation} agentName={agentName} knownTokens={knownTokens} />
      </div>
      <div className={adk || local ? 'chat-body with-list' : 'chat-body'}>
        {adk ? <RuntimeConversationList onOpen={conversations.open} /> : local && <LocalConversations />}
        <div className="chat-main">
          {conversations.problem && (
            <p className="notice error" role="alert">
              {conversations.problem}
            </p>
          )}
          {/* Each message fails alone (MessageBoundary); this catches the log itself. The header's "New conversation"
          and the composer are outside it, and a new conversation clears it. */}
          <ErrorBoundary part="log" resetKey={conversation.sessionId}>
            <MessageList
              conversationId={conversation.sessionId}
              messages={conversation.messages}
              dropped={conversation.dropped}
              agentName={agentName}
              actions={actions}
            />
          </ErrorBoundary>
          <Composer
            draft={draft}
            onDraftChange={setDraft}
            onSend={() => {
              void loadRenderer();
              if (send(draft)) setDraft('');
            }}
            onStop={stop}
            sending={sending}
            agentName={agentName}
            blockedNote={blockedNote}
            signedInAs={signedInAs}
          />
          {!draftStored && (
            <p className="notice warn" role="status">
              {t('chat.draftNotStored')}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
