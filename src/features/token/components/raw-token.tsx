import { useState } from 'react';
import { t } from '../../../i18n/index.ts';
import { useCopy } from '../../../lib/use-copy.ts';

const COPY_LABEL = { idle: 'token.copy', copied: 'token.copied', failed: 'token.copyFailed' } as const;

/** The raw token stays hidden until asked for; copying never shows it. */
export function RawToken({ token }: { token: string }) {
  const [revealed, setRevealed] = useState(false);
  const [copyState, copy] = useCopy();
  return (
    <div className="raw-token">
      <button type="button" className="quiet" aria-expanded={revealed} onClick={() => setRevealed(!revealed)}>
        {revealed ? t('token.hide') : t('token.reveal')}
      </button>{' '}
      <button type="button" className="quiet" onClick={() => copy(token)}>
        {t(COPY_LABEL[copyState])}
      </button>
      {revealed && <pre className="token-text">{token}</pre>}
    </div>
  );
}
