import { t } from '../i18n/index.ts';
import { useCopy } from '../lib/use-copy.ts';

/**
 * The one copy button: says "Copied" or "Could not copy" for a moment, and tells a screen reader the
 * same through a polite status (a label change on the focused button alone is not reliably read).
 */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, copy] = useCopy();
  const outcome = state === 'copied' ? t('copy.copied') : state === 'failed' ? t('copy.failed') : '';
  return (
    <>
      <button type="button" className="quiet" onClick={() => copy(text)}>
        {outcome || label}
      </button>
      <span role="status" className="visually-hidden">
        {outcome}
      </span>
    </>
  );
}
