import { useState } from 'react';
import { t } from '../../../i18n/index.ts';

/** The raw token stays hidden until asked for; copying never shows it. */
export function RawToken({ token }: { token: string }) {
  const [revealed, setRevealed] = useState(false);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(token);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <div className="raw-token">
      <button type="button" className="quiet" aria-expanded={revealed} onClick={() => setRevealed(!revealed)}>
        {revealed ? t('token.hide') : t('token.reveal')}
      </button>{' '}
      <button type="button" className="quiet" onClick={() => void copy()}>
        {copied ? t('token.copied') : t('token.copy')}
      </button>
      {revealed && <pre className="token-text">{token}</pre>}
    </div>
  );
}
