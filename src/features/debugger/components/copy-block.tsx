import { CopyButton } from '../../../components/copy-button.tsx';
import { td } from '../../../i18n/debugger.ts';

/** A block to copy; `warnings` say, above it, why these lines may not be what the reader should deploy. */
export function CopyBlock({ title, text, warnings = [] }: { title: string; text: string; warnings?: string[] }) {
  return (
    <section className="panel" aria-label={title}>
      <div className="panel-header">
        <h2>{title}</h2>
        <CopyButton text={text} label={td('copy')} />
      </div>
      {warnings.map((warning) => (
        <p key={warning} className="notice warn">
          {warning}
        </p>
      ))}
      {/* Long lines scroll sideways: the block takes keyboard focus so it can be scrolled without a mouse. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable from the keyboard */}
      <pre tabIndex={0}>{text}</pre>
    </section>
  );
}
