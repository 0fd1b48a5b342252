import { useCallback, useEffect, useState } from 'react';
import { t } from '../../../i18n/index.ts';
import { useSecondsUntil } from '../../../lib/use-now.ts';
import type { AgentAuth } from '../api/agent-client.ts';
import type { CallLog } from '../api/call-log.ts';
import { clearChatStorage, loadDraft, saveDraft } from '../chat-storage.ts';
import { useChat } from '../use-chat.ts';
import { Composer } from './composer.tsx';
import { loadRenderer } from './markdown.tsx';
import { MessageList } from './message-list.tsx';

export interface ChatPanelProps {
  endpoint: string;
  agentName: string;
  auth: AgentAuth;
  log: CallLog;
  signIn: () => void;
  /** Subscribes to sign-out (here or in another tab); returns the unsubscribe. */
  onSignOut: (listener: () => void) => () => void;
  /** Where the debugger shows why the runtime refused the current token, given the runtime's reason. */
  debuggerHref?: (reason: string | undefined) => string;
  /** The signed-in user's `sub`: a conversation is shown only to the user who had it. */
  subject?: string;
}

/** The draft survives reloads and redirects in sessionStorage; when storage is full it stays in memory, and says so. */
function useDraft() {
  const [draft, setDraft] = useState(loadDraft);
  const [stored, setStored] = useState(true);
  useEffect(() => setStored(saveDraft(draft)), [draft]);
  return [draft, setDraft, stored] as const;
}

export function ChatPanel({ endpoint, agentName, auth, log, signIn, onSignOut, debuggerHref, subject }: ChatPanelProps) {
  const [draft, setDraft, draftStored] = useDraft();
  const restorePrompt = useCallback(
    // A failed call gives the prompt back to the box, unless the user already typed something new.
    (prompt: string) => setDraft((current) => (current.trim() ? current : prompt)),
    [setDraft],
  );
  const clearDraft = useCallback(() => setDraft(''), [setDraft]);
  const { conversation, send, stop, reset, sending } = useChat({
    endpoint,
    auth,
    log,
    onFailure: restorePrompt,
    subject,
    onOwnerChanged: clearDraft,
  });

  useEffect(
    () =>
      onSignOut(() => {
        reset();
        setDraft('');
        clearChatStorage();
      }),
    [onSignOut, reset, setDraft],
  );

  const last = conversation.messages.at(-1);
  const retryAt = last?.role === 'agent' ? last.failure?.retryAt : undefined;
  const refused = conversation.messages.findLast((message) => message.role === 'agent' && message.failure?.kind === 'rejected');
  const refusal = refused?.role === 'agent' ? refused.failure?.description : undefined;
  // Ticks only while rate-limited, so the conversation is not re-rendered every second for nothing.
  const waitSeconds = useSecondsUntil(retryAt);
  const blockedNote = waitSeconds > 0 ? t('chat.retryIn', { seconds: waitSeconds }) : undefined;

  return (
    <section className="panel chat" aria-labelledby="chat-title">
      <div className="chat-header">
        <h2 id="chat-title">{t('chat.title', { agent: agentName })}</h2>
        <span className="meta">{t('chat.session', { id: conversation.sessionId.slice(0, 8) })}</span>
        <button type="button" className="quiet" onClick={reset}>
          {t('chat.newConversation')}
        </button>
      </div>
      <MessageList messages={conversation.messages} agentName={agentName} actions={{ signIn, debuggerHref: debuggerHref?.(refusal) }} />
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
      />
      {!draftStored && (
        <p className="notice warn" role="status">
          {t('chat.draftNotStored')}
        </p>
      )}
    </section>
  );
}
