import { useQueries, useQuery } from '@tanstack/react-query';
import { t } from '../../../i18n/index.ts';
import { formatRelative } from '../../../lib/time.ts';
import { useNow } from '../../../lib/use-now.ts';
import type { Runtime, SessionSummary } from '../api/adk-client.ts';
import type { AgentAuth } from '../api/agent-client.ts';
import { sessionTitle } from '../stream/session-title.ts';
import { chatKeys } from './queries.ts';
import './conversation-list.css';

/** Sessions whose first prompt is read to name them; older ones are named by their time. */
const TITLED = 30;

const adk = () => import('../api/adk-client.ts');

export interface ConversationListProps {
  endpoint: string;
  runtime: Extract<Runtime, { kind: 'adk' }>;
  auth: AgentAuth;
  subject: string;
  currentId: string;
  onOpen: (id: string) => void;
}

function errorDetail(error: unknown): { status?: number; detail: string } {
  const status = (error as { status?: unknown })?.status;
  return { status: typeof status === 'number' ? status : undefined, detail: error instanceof Error ? error.message : String(error) };
}

/** The title of each session: the first prompt, read from the list when it carries events, else from the session. */
function useTitles(props: ConversationListProps, sessions: SessionSummary[]): Map<string, string | undefined> {
  const { endpoint, runtime, auth, subject } = props;
  const results = useQueries({
    queries: sessions.slice(0, TITLED).map((session) => ({
      queryKey: chatKeys.title(endpoint, subject, session.id, session.updatedAt),
      queryFn: async ({ signal }: { signal: AbortSignal }) =>
        sessionTitle(session.events ?? (await (await adk()).getSession(endpoint, runtime, auth, session.id, signal)).events) ?? null,
      staleTime: Number.POSITIVE_INFINITY,
      retry: false,
    })),
  });
  return new Map(sessions.slice(0, TITLED).map((session, index) => [session.id, results[index]?.data ?? undefined]));
}

/** "Conversations": the signed-in user's sessions on the runtime, newest first, each named by its first prompt. */
export function ConversationList(props: ConversationListProps) {
  const { endpoint, runtime, auth, subject, currentId, onOpen } = props;
  const now = useNow(60_000);
  const list = useQuery({
    queryKey: chatKeys.sessions(endpoint, subject),
    queryFn: async ({ signal }) => (await adk()).listSessions(endpoint, runtime, auth, signal),
    retry: false,
  });
  const sessions = list.data ?? [];
  const titles = useTitles(props, sessions);
  let body: React.ReactNode;
  if (list.isPending) body = <p className="meta">{t('conversations.loading')}</p>;
  else if (list.isError) {
    const { status, detail } = errorDetail(list.error);
    body = (
      <p className="notice warn" role="alert">
        {status === 403 ? t('conversations.forbidden', { detail }) : t('conversations.failed', { detail })}
      </p>
    );
  } else if (sessions.length === 0) body = <p className="meta">{t('conversations.empty')}</p>;
  else
    body = (
      <ul>
        {sessions.map((session) => {
          // A runtime's clock a little ahead of this one says "in 1 sec": never later than now.
          const time = session.updatedAt ? formatRelative(Math.min(session.updatedAt, now) / 1000, now) : '';
          const title = titles.get(session.id) ?? t('conversations.untitled', { time });
          return (
            <li key={session.id}>
              <button
                type="button"
                className="quiet conversation"
                aria-current={session.id === currentId ? 'true' : undefined}
                onClick={() => onOpen(session.id)}
              >
                <span className="conversation-title">{title}</span>
                {time && <span className="meta"> · {time}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    );
  return (
    <nav className="conversations" aria-label={t('conversations.title')}>
      <h3>{t('conversations.title')}</h3>
      <p className="meta">{t('conversations.where')}</p>
      {body}
    </nav>
  );
}
