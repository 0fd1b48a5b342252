import { useState } from 'react';
import { td } from '../../../i18n/debugger.ts';

export function CopyBlock({ title, text }: { title: string; text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <section className="panel" aria-label={title}>
      <div className="chat-header">
        <h2>{title}</h2>
        <button
          type="button"
          className="quiet"
          onClick={() =>
            void navigator.clipboard.writeText(text).then(() => {
              setCopied(true);
              setTimeout(() => setCopied(false), 1500);
            })
          }
        >
          {copied ? td('copied') : td('copy')}
        </button>
      </div>
      <pre>{text}</pre>
    </section>
  );
}
