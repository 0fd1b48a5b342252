import { type KeyboardEvent, useEffect, useRef } from 'react';
import { t } from '../../../i18n/index.ts';
import { focusIsAdrift } from '../../../lib/focus.ts';

interface ComposerProps {
  draft: string;
  onDraftChange: (draft: string) => void;
  onSend: () => void;
  onStop: () => void;
  sending: boolean;
  agentName: string;
  blockedNote?: string;
  /** Who is signed in: when someone signs in, the message box takes focus unless the user is elsewhere. */
  signedInAs?: string;
}

/**
 * Focus lands in the message box after sign-in and after an answer ends (Stop turns back into a disabled
 * Send, which would otherwise drop focus on the page); never when the user has moved on to something else.
 */
function useComposerFocus(sending: boolean, signedInAs: string | undefined) {
  const form = useRef<HTMLFormElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const wasSending = useRef(sending);
  const focusIfIdle = () => {
    if (focusIsAdrift() || form.current?.contains(document.activeElement)) input.current?.focus();
  };
  useEffect(() => {
    if (wasSending.current && !sending) focusIfIdle();
    wasSending.current = sending;
  });
  useEffect(() => {
    if (signedInAs && focusIsAdrift()) input.current?.focus();
  }, [signedInAs]);
  return { form, input };
}

export function Composer({ draft, onDraftChange, onSend, onStop, sending, agentName, blockedNote, signedInAs }: ComposerProps) {
  const { form, input } = useComposerFocus(sending, signedInAs);
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter sends; Shift+Enter is a new line; Enter that confirms an IME composition never sends.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    if (!sending && !blockedNote) onSend();
  };
  return (
    <form
      ref={form}
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
        ref={input}
        rows={2}
        value={draft}
        placeholder={t('chat.placeholder', { agent: agentName })}
        onChange={(event) => onDraftChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {/* Two elements, never one changing its type: a Stop whose answer ends within the click (the state changes
          before the click's default action) must not turn into a Send that submits the form. */}
      {sending ? (
        <button key="stop" type="button" className="secondary" onClick={onStop}>
          {t('chat.stop')}
        </button>
      ) : (
        <button key="send" type="submit" disabled={!draft.trim() || !!blockedNote}>
          {t('chat.send')}
        </button>
      )}
      {blockedNote && <p className="meta composer-note">{blockedNote}</p>}
    </form>
  );
}
