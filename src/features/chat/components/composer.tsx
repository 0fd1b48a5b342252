import type { KeyboardEvent } from 'react';
import { t } from '../../../i18n/index.ts';

interface ComposerProps {
  draft: string;
  onDraftChange: (draft: string) => void;
  onSend: () => void;
  onStop: () => void;
  sending: boolean;
  agentName: string;
  blockedNote?: string;
}

export function Composer({ draft, onDraftChange, onSend, onStop, sending, agentName, blockedNote }: ComposerProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter sends; Shift+Enter is a new line; Enter that confirms an IME composition never sends.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    if (!sending && !blockedNote) onSend();
  };
  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        if (!sending && !blockedNote) onSend();
      }}
    >
      <label htmlFor="chat-message" className="visually-hidden">
        {t('chat.message')}
      </label>
      <textarea
        id="chat-message"
        rows={2}
        value={draft}
        placeholder={t('chat.placeholder', { agent: agentName })}
        onChange={(event) => onDraftChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {sending ? (
        <button type="button" className="secondary" onClick={onStop}>
          {t('chat.stop')}
        </button>
      ) : (
        <button type="submit" disabled={!draft.trim() || !!blockedNote}>
          {t('chat.send')}
        </button>
      )}
      {blockedNote && <p className="meta composer-note">{blockedNote}</p>}
    </form>
  );
}
