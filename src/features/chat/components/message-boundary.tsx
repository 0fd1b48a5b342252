import { Component, type ReactNode } from 'react';
import { t } from '../../../i18n/index.ts';
import { safeStringify } from '../../../lib/bounded-json.ts';
import type { ChatMessage } from '../conversation.ts';

const MAX_RAW_CHARS = 200_000;
const MAX_ERROR_CHARS = 300;

/** The message as text, whatever broke its rendering: its text parts as sent, other parts as bounded JSON. */
export function rawMessageText(message: ChatMessage): string {
  try {
    if (message.role === 'user') return message.text.slice(0, MAX_RAW_CHARS);
    const text = message.answer.parts
      .map((part) => (part.kind === 'text' ? part.text : safeStringify(part, { indent: 2, maxChars: 20_000 })))
      .join('\n\n');
    return text.length > MAX_RAW_CHARS ? `${text.slice(0, MAX_RAW_CHARS)}…` : text;
  } catch {
    return '';
  }
}

function errorText(error: unknown): string {
  try {
    const text = error instanceof Error ? error.message : String(error);
    return text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS)}…` : text;
  } catch {
    return 'unknown error';
  }
}

interface Props {
  message: ChatMessage;
  children: ReactNode;
}

/**
 * One message that fails to render is replaced by a note and its raw text; the rest of the conversation, the
 * message box and "New conversation" keep working (and do again after a reload of the same conversation).
 */
export class MessageBoundary extends Component<Props, { error?: { value: unknown } }> {
  state: { error?: { value: unknown } } = {};

  static getDerivedStateFromError(value: unknown) {
    return { error: { value } };
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <article className="message agent error" data-status="unshown">
        <p role="alert">{t('chat.messageFailed', { message: errorText(error.value) })}</p>
        <details>
          <summary>{t('chat.messageRaw')}</summary>
          <pre className="json-block">{rawMessageText(this.props.message)}</pre>
        </details>
      </article>
    );
  }
}
