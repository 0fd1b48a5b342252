import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { t } from '../../../i18n/index.ts';
import { formatRelative } from '../../../lib/time.ts';
import { useNow } from '../../../lib/use-now.ts';
import { useChatSession } from '../chat-session.tsx';
import { chatKeys } from '../conversations/queries.ts';
import { entryOf } from './history-store.ts';
import '../conversations/conversation-list.css';

/**
 * For a runtime that only answers `/invoke`: "Remember conversations on this device" (opt-in, per user), then
 * the ones remembered, each to reopen (sending continues its session_id) or to forget, and "Forget all".
 */
export function LocalConversations() {
  const session = useChatSession();
  const { subject, history, conversation } = session;
  const queryClient = useQueryClient();
  const now = useNow(60_000);
  const checkbox = useId();
  const [problem, setProblem] = useState<string>();
  const [choice, setChoice] = useState<boolean>();
  const enabled = useQuery({ queryKey: chatKeys.remember(subject), queryFn: () => history.enabled(subject ?? ''), retry: false });
  const remembered = useQuery({
    queryKey: chatKeys.remembered(subject),
    queryFn: () => history.list(subject ?? ''),
    enabled: enabled.data === true,
    retry: false,
  });
  const on = choice ?? enabled.data === true;
  const forgetChoice = useQuery({
    queryKey: [...chatKeys.remember(subject), 'forget-on-sign-out'],
    queryFn: () => history.forgetOnSignOut(subject ?? ''),
    enabled: on,
    retry: false,
  });
  const [forgetOnSignOut, setForgetOnSignOut] = useState<boolean>();
  const forgetting = forgetOnSignOut ?? forgetChoice.data === true;
  const forgetCheckbox = useId();
  if (!subject || session.runtime?.kind !== 'invoke') return null;
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: chatKeys.remember(subject) }),
      queryClient.invalidateQueries({ queryKey: chatKeys.remembered(subject) }),
    ]);
  const failed = (error: unknown) => setProblem(t('history.failed', { detail: error instanceof Error ? error.message : String(error) }));
  const toggle = async (on: boolean) => {
    setProblem(undefined);
    // The box shows the choice at once; should the browser refuse it, the stored choice shows again.
    setChoice(on);
    try {
      await history.setEnabled(subject, on);
      // The conversation on screen is remembered from the moment the user asks.
      const entry = on ? entryOf(conversation, subject) : undefined;
      if (entry) await history.put(entry);
      await refresh();
    } catch (error) {
      failed(error);
      setChoice(undefined);
    }
  };
  const forget = (sessionId: string) => history.forget(subject, sessionId).then(refresh, failed);
  const forgetAll = () => {
    setChoice(false);
    return history.forgetAll(subject).then(refresh, failed);
  };
  const entries = remembered.data ?? [];
  return (
    <div className="local-history">
      <p>
        <input id={checkbox} type="checkbox" checked={on} onChange={(event) => void toggle(event.target.checked)} />{' '}
        <label htmlFor={checkbox}>{t('history.remember')}</label>
      </p>
      {problem && (
        <p className="notice warn" role="alert">
          {problem}
        </p>
      )}
      {on && (
        <nav className="conversations" aria-label={t('conversations.title')}>
          <h3>{t('conversations.title')}</h3>
          <p className="meta">{t('history.where')}</p>
          {entries.length === 0 ? (
            <p className="meta">{t('history.empty')}</p>
          ) : (
            <ul>
              {entries.map((entry) => (
                <li key={entry.sessionId}>
                  <button
                    type="button"
                    className="quiet conversation"
                    aria-current={entry.sessionId === conversation.sessionId ? 'true' : undefined}
                    onClick={() => session.show(entry.conversation)}
                  >
                    <span className="conversation-title">{entry.title}</span>
                    <span className="meta"> · {formatRelative(Math.min(entry.updatedAt, now) / 1000, now)}</span>
                  </button>
                  <button
                    type="button"
                    className="quiet"
                    aria-label={t('history.forgetOne', { title: entry.title })}
                    onClick={() => void forget(entry.sessionId)}
                  >
                    {t('history.forget')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <p>
            <input
              id={forgetCheckbox}
              type="checkbox"
              checked={forgetting}
              onChange={(event) => {
                const forget = event.target.checked;
                setForgetOnSignOut(forget);
                history.setForgetOnSignOut(subject, forget).catch(failed);
              }}
            />{' '}
            <label htmlFor={forgetCheckbox}>{t('history.forgetOnSignOut')}</label>
          </p>
          <button type="button" className="quiet" onClick={() => void forgetAll()}>
            {t('history.forgetAll')}
          </button>
        </nav>
      )}
    </div>
  );
}
