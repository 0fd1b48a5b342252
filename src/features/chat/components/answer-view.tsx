import { lazy, Suspense } from 'react';
import { t } from '../../../i18n/index.ts';
import type { AnswerStatus } from '../conversation.ts';
import type { AnswerPart } from '../stream/answer.ts';
import { Markdown } from './markdown.tsx';

// Only answers that ask for the user's consent to a third party need it.
const AuthorizationCard = lazy(() => import('./authorization-card.tsx').then((module) => ({ default: module.AuthorizationCard })));

function compact(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function ToolLine({ label, value }: { label: string; value: unknown }) {
  return (
    <details className="tool-line">
      <summary>
        {label} <code>{compact(value)}</code>
      </summary>
      <pre>{JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}

/** `status` is the answer's: a consent card still waits while the answer streams, and fails when it ends without one. */
export function AnswerParts({ parts, status = 'done' }: { parts: AnswerPart[]; status?: AnswerStatus }) {
  return (
    <>
      {parts.map((part, index) => {
        const key = `${part.kind}-${index}`;
        if (part.kind === 'text') return <Markdown key={key} text={part.text} />;
        if (part.kind === 'json') {
          return (
            <pre key={key} className="json-block">
              {JSON.stringify(part.value, null, 2)}
            </pre>
          );
        }
        if (part.kind === 'authorization')
          return (
            <Suspense key={key} fallback={null}>
              <AuthorizationCard request={part.request} authorized={part.authorized} status={status} />
            </Suspense>
          );
        if (part.kind === 'tool-call') return <ToolLine key={key} label={t('chat.toolCall', { name: part.name })} value={part.args} />;
        return <ToolLine key={key} label={t('chat.toolResult', { name: part.name })} value={part.response} />;
      })}
    </>
  );
}
