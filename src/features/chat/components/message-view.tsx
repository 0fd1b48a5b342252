import { memo, useContext } from 'react';
import { FailureExplanation } from '../../../components/failure-explanation.tsx';
import { ConfigContext } from '../../../config/config-context.ts';
import { t } from '../../../i18n/index.ts';
import { useLanguage } from '../../../i18n/use-language.ts';
import { explainFailure } from '../../../lib/agentkit-errors.ts';
import { followLink, type InAppLink } from '../../../lib/navigation.ts';
import { regionOf } from '../../../lib/pool-address.ts';
import { failureEvidence } from '../api/agent-failure.ts';
import type { ChatMessage } from '../conversation.ts';
import { EventsControl } from '../inspector/events-control.tsx';
import { eventsOf } from '../stream/event-log.ts';
import { AnswerParts } from './answer-view.tsx';

type AgentMessage = Extract<ChatMessage, { role: 'agent' }>;

export interface FailureActions {
  signIn: () => void;
  /** Where the debugger shows why the runtime refused the token, when there is one. */
  debuggerLink?: InAppLink;
}

function DebuggerLink({ link }: { link: InAppLink }) {
  return (
    <a href={link.href} onClick={(event) => followLink(event, link.href, link.state)}>
      {t('chat.openDebugger')}
    </a>
  );
}

function FailureView({ message, actions }: { message: AgentMessage; actions: FailureActions }) {
  const failure = message.failure;
  const issuer = useContext(ConfigContext)?.issuer;
  if (!failure) return null;
  const needsSignIn = failure.kind === 'unauthorized' || failure.kind === 'rejected';
  // A shape the table knows gets its cause and fix; any other stays as the agent sent it.
  const explanation = explainFailure(failureEvidence(failure, eventsOf(message.id).at(-1)));
  return (
    <div className="failure">
      <p>{t(failure.message, failure.params)}</p>
      {explanation && <FailureExplanation explanation={explanation} region={issuer && regionOf(issuer)} />}
      {needsSignIn && (
        <p>
          <button type="button" onClick={actions.signIn}>
            {t('auth.signIn')}
          </button>{' '}
          {failure.kind === 'rejected' && actions.debuggerLink && <DebuggerLink link={actions.debuggerLink} />}
        </p>
      )}
    </div>
  );
}

/**
 * Memoised: while one answer streams, the other messages (unchanged objects) do not render again. A language
 * switch renders them all again: every word in them (notes, failures, tool lines, cards) is in the new language.
 */
export const MessageView = memo(function MessageView({ message, actions }: { message: ChatMessage; actions: FailureActions }) {
  useLanguage();
  if (message.role === 'user') {
    return (
      <article className="message user" aria-label={t('chat.you')}>
        {message.text}
      </article>
    );
  }
  const busy = message.status === 'waiting' || message.status === 'streaming';
  return (
    <article className={`message agent${message.status === 'error' ? ' error' : ''}`} aria-busy={busy} data-status={message.status}>
      <AnswerParts parts={message.answer.parts} status={message.status} hiddenParts={message.answer.hiddenParts} />
      {!busy && !!message.answer.events && <EventsControl answerId={message.id} count={message.answer.events} />}
      {message.status === 'waiting' && <p className="meta">{t('chat.thinking')}</p>}
      {message.status === 'stopped' && <p className="meta">{t('chat.stopped')}</p>}
      {message.status === 'error' && <FailureView message={message} actions={actions} />}
    </article>
  );
});
