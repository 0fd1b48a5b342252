import { lazy, memo, Suspense } from 'react';
import { t } from '../../../i18n/index.ts';
import { safeStringify } from '../../../lib/bounded-json.ts';
import type { AnswerStatus } from '../conversation.ts';
import { Markdown } from '../markdown/index.ts';
import { type AnswerPart, MAX_SHOWN_PARTS } from '../stream/answer.ts';

// Only answers that ask for the user's consent to a third party need it.
const AuthorizationCard = lazy(() => import('./authorization-card.tsx').then((module) => ({ default: module.AuthorizationCard })));

const SUMMARY_CHARS = 80;
/** A tool line's expanded JSON, at most: a result of megabytes is cut, with an ellipsis. */
const DETAIL_CHARS = 50_000;

/**
 * One tool call or result. Memoised on its value (parts never change once added): a stream of many tool events
 * renders each line once, and the JSON is written once, bounded, never with an exception.
 */
const ToolLine = memo(function ToolLine({ label, value }: { label: string; value: unknown }) {
  const summary = safeStringify(value, { maxChars: SUMMARY_CHARS - 1 });
  return (
    <details className="tool-line">
      <summary>
        {label} <code>{summary}</code>
      </summary>
      <pre>{safeStringify(value, { indent: 2, maxChars: DETAIL_CHARS })}</pre>
    </details>
  );
});

const JsonBlock = memo(function JsonBlock({ value }: { value: unknown }) {
  return <pre className="json-block">{safeStringify(value, { indent: 2, maxChars: DETAIL_CHARS })}</pre>;
});

/** `status` is the answer's: a consent card still waits while the answer streams, and fails when it ends without one. */
export function AnswerParts({
  parts,
  status = 'done',
  hiddenParts = 0,
}: {
  parts: AnswerPart[];
  status?: AnswerStatus;
  hiddenParts?: number;
}) {
  return (
    <>
      {parts.map((part, index) => {
        const key = `${part.kind}-${index}`;
        if (part.kind === 'text') return <Markdown key={key} text={part.text} />;
        if (part.kind === 'json') return <JsonBlock key={key} value={part.value} />;
        if (part.kind === 'authorization')
          return (
            <Suspense key={key} fallback={null}>
              <AuthorizationCard request={part.request} authorized={part.authorized} status={status} />
            </Suspense>
          );
        if (part.kind === 'tool-call') return <ToolLine key={key} label={t('chat.toolCall', { name: part.name })} value={part.args} />;
        return <ToolLine key={key} label={t('chat.toolResult', { name: part.name })} value={part.response} />;
      })}
      {hiddenParts > 0 && <p className="meta">{t('chat.moreParts', { count: hiddenParts, limit: MAX_SHOWN_PARTS })}</p>}
    </>
  );
}
