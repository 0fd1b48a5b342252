import { type RefObject, useEffect, useRef, useState } from 'react';
import { t } from '../../../i18n/index.ts';
import type { ChatMessage } from '../conversation.ts';

const MAX_SPOKEN = 2000;

/** Buttons and status lines ("Copy code", "Waiting for the agent…") are not part of what the agent said. */
const NOT_SPOKEN = 'button, .meta, [role="status"]';

/**
 * The start of the answer's text as rendered (markdown syntax is not spoken), whitespace collapsed. Reads text
 * nodes until it has enough: an answer of 300 KB costs what is spoken, not a copy of all its DOM.
 */
function spokenText(article: Element | null | undefined): string {
  if (!article) return '';
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node instanceof Element && node.matches(NOT_SPOKEN) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let text = '';
  // Until more than MAX_SPOKEN characters that are not trailing whitespace: then the answer goes on, and says so.
  for (let node = walker.nextNode(); node && text.trimEnd().length <= MAX_SPOKEN; node = walker.nextNode()) {
    if (node.nodeType !== Node.TEXT_NODE) continue;
    let piece = (node.nodeValue ?? '').replace(/\s+/g, ' ');
    // Whitespace collapses across text nodes too, and none leads.
    if ((text === '' || text.endsWith(' ')) && piece.startsWith(' ')) piece = piece.slice(1);
    text += piece;
  }
  text = text.trimEnd();
  return text.length > MAX_SPOKEN ? `${text.slice(0, MAX_SPOKEN)}…` : text;
}

/**
 * What a screen reader hears once an answer ends: the finished answer, the partial one that was stopped, or
 * the failure; once per answer, never each streamed delta (the log itself is aria-live="off").
 * Only answers that end while the page shows them: a conversation restored after a reload stays quiet.
 * `list` is the element whose children are the log's messages, the last one last.
 */
export function useAnswerAnnouncement(messages: ChatMessage[], agentName: string, list: RefObject<HTMLElement | null>): string {
  const [said, setSaid] = useState('');
  const running = useRef<string | undefined>(undefined);
  const last = messages.at(-1);
  useEffect(() => {
    if (last?.role !== 'agent') return;
    if (last.status === 'waiting' || last.status === 'streaming') {
      running.current = last.id;
      return;
    }
    if (running.current !== last.id) return;
    running.current = undefined;
    // The answer is the log's last article: read as rendered (markdown syntax is not spoken).
    const text = spokenText(list.current?.lastElementChild);
    if (last.status === 'error') {
      setSaid(t('chat.announce.failed', { agent: agentName, text: last.failure ? t(last.failure.message, last.failure.params) : text }));
    } else {
      setSaid(t(last.status === 'stopped' ? 'chat.announce.stopped' : 'chat.announce.done', { agent: agentName, text }));
    }
  }, [last, agentName, list]);
  return said;
}
