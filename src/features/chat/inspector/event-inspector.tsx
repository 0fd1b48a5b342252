import { useState } from 'react';
import { t } from '../../../i18n/index.ts';
import { safeStringify } from '../../../lib/bounded-json.ts';
import { eventsOf, MAX_KEPT_EVENTS, receivedEvents, usageOf } from '../stream/event-log.ts';
import { summarizeEvent } from '../stream/event-summary.ts';
import '../../../components/data-table.css';
import './event-inspector.css';

/** Rows rendered at first, and added by each "Show more": 20,000 events never become 20,000 rows at once. */
const PAGE = 50;

/** Long ids (ADK invocation ids are UUIDs) shortened for the table; the JSON beside has them whole. */
function short(id: string): string {
  return id.length > 14 ? `${id.slice(0, 12)}…` : id;
}

function EventRow({ index, event }: { index: number; event: unknown }) {
  const summary = summarizeEvent(event);
  const kind = summary.kind ? t(summary.kind === 'partial' ? 'events.partial' : 'events.final') : undefined;
  const details = [
    summary.invocationId ? `invocationId ${short(summary.invocationId)}` : '',
    summary.longRunningToolIds.length ? `longRunningToolIds ${summary.longRunningToolIds.map(short).join(' ')}` : '',
    summary.actions.length ? `actions: ${summary.actions.join(', ')}` : '',
  ].filter(Boolean);
  return (
    <tr>
      <td>{index + 1}</td>
      <td>{[summary.author, kind].filter(Boolean).join(' · ') || '–'}</td>
      <td>{summary.contents.join(', ') || '–'}</td>
      <td>
        {details.length > 0 && <div>{details.join(' · ')}</div>}
        <details>
          <summary>{t('events.json')}</summary>
          <pre>{safeStringify(event, { indent: 2, maxChars: 20_000 })}</pre>
        </details>
      </td>
    </tr>
  );
}

/** An answer's raw events and the model's token usage; rendered a page at a time. */
export function EventInspector({ answerId, count }: { answerId: string; count: number }) {
  const [shown, setShown] = useState(PAGE);
  const events = eventsOf(answerId);
  if (events.length === 0) return <p className="meta">{t('events.notKept', { count })}</p>;
  const usage = usageOf(answerId);
  const rows = events.slice(0, shown);
  const notKept = receivedEvents(answerId) - events.length;
  return (
    <div className="event-inspector">
      <p className="meta">
        {usage ? t('events.usage', { prompt: usage.prompt, output: usage.output, total: usage.total }) : t('events.noUsage')}
      </p>
      <table className="data-table">
        <caption className="visually-hidden">{t('events.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('events.author')}</th>
            <th scope="col">{t('events.contents')}</th>
            <th scope="col">{t('events.details')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((event, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: events never move
            <EventRow key={index} index={index} event={event} />
          ))}
        </tbody>
      </table>
      {events.length > shown && (
        <button type="button" className="quiet" onClick={() => setShown((before) => before + PAGE)}>
          {t('events.more', { count: Math.min(PAGE, events.length - shown), left: events.length - shown })}
        </button>
      )}
      {notKept > 0 && <p className="meta">{t('events.tooMany', { kept: MAX_KEPT_EVENTS, count: notKept })}</p>}
    </div>
  );
}
