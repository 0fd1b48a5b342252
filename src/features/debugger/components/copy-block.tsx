import { td } from '../../../i18n/debugger.ts';
import { useCopy } from '../../../lib/use-copy.ts';

const COPY_LABEL = { idle: 'copy', copied: 'copied', failed: 'copyFailed' } as const;

/** A block to copy; `warnings` say, above it, why these lines may not be what the reader should deploy. */
export function CopyBlock({ title, text, warnings = [] }: { title: string; text: string; warnings?: string[] }) {
  const [copyState, copy] = useCopy();
  return (
    <section className="panel" aria-label={title}>
      <div className="chat-header">
        <h2>{title}</h2>
        <button type="button" className="quiet" onClick={() => copy(text)}>
          {td(COPY_LABEL[copyState])}
        </button>
      </div>
      {warnings.map((warning) => (
        <p key={warning} className="notice warn">
          {warning}
        </p>
      ))}
      <pre>{text}</pre>
    </section>
  );
}
