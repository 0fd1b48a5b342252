import { lazy, Suspense, useId, useState } from 'react';
import { t } from '../../../i18n/index.ts';

// Only opened answers need it: the inspector loads with the first click.
const EventInspector = lazy(() => import('./event-inspector.tsx').then((module) => ({ default: module.EventInspector })));

/** "Events (N)" under an answer: shows its raw events (and token usage) when opened. */
export function EventsControl({ answerId, count }: { answerId: string; count: number }) {
  const [open, setOpen] = useState(false);
  const panel = useId();
  return (
    <div className="events-control">
      <button type="button" className="quiet" aria-expanded={open} aria-controls={panel} onClick={() => setOpen((was) => !was)}>
        {t('chat.events', { count })}
      </button>
      <div id={panel} hidden={!open}>
        {open && (
          <Suspense fallback={<p className="meta">{t('events.loading')}</p>}>
            <EventInspector answerId={answerId} count={count} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
