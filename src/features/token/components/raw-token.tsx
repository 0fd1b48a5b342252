import { useState } from 'react';
import { CopyButton } from '../../../components/copy-button.tsx';
import { t } from '../../../i18n/index.ts';

/** The raw token stays hidden until asked for; copying never shows it. */
export function RawToken({ token }: { token: string }) {
  const [revealed, setRevealed] = useState(false);
  return (
    <div className="raw-token">
      <button type="button" className="quiet" aria-expanded={revealed} onClick={() => setRevealed(!revealed)}>
        {revealed ? t('token.hide') : t('token.reveal')}
      </button>{' '}
      <CopyButton text={token} label={t('token.copy')} />
      {revealed && <pre className="token-text">{token}</pre>}
    </div>
  );
}
