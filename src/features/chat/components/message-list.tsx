import { useLayoutEffect, useRef } from 'react';
import { t } from '../../../i18n/index.ts';
import type { ChatMessage } from '../conversation.ts';
import { useAnswerAnnouncement } from './answer-announcer.ts';
import { type FailureActions, MessageView } from './message-view.tsx';

const STICKY_DISTANCE_PX = 48;

/** The conversation log; follows a growing answer until the user scrolls up, and again once back at the bottom. */
export function MessageList({
  messages,
  agentName,
  actions,
  dropped = 0,
}: {
  messages: ChatMessage[];
  agentName: string;
  actions: FailureActions;
  /** Older messages the saved copy of this conversation left out (storage limit). */
  dropped?: number;
}) {
  const log = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  /** Where the log last put its own scroll position; only the user moves it up from there. */
  const followedTo = useRef(0);
  const announcement = useAnswerAnnouncement(messages, agentName, log);
  useLayoutEffect(() => {
    const element = log.current;
    if (!element || !stick.current || messages.length === 0) return;
    element.scrollTop = element.scrollHeight;
    followedTo.current = element.scrollTop;
  }, [messages]);
  // Messages off screen are sized lazily (content-visibility), so the height can change under a scroll the log
  // made itself: the user has scrolled up only when the position moved up from where the log put it.
  const onScroll = () => {
    const element = log.current;
    if (!element) return;
    if (element.scrollHeight - element.scrollTop - element.clientHeight < STICKY_DISTANCE_PX) stick.current = true;
    else if (element.scrollTop < followedTo.current - STICKY_DISTANCE_PX) stick.current = false;
  };
  // role="log" is aria-live="polite" by default, which would read every streamed delta: the log is kept quiet
  // and the status below says each finished answer once. tabIndex: the log scrolls, so keyboards must reach it.
  return (
    <>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable from the keyboard */}
      <div className="log" role="log" aria-label={t('chat.log')} aria-live="off" tabIndex={0} ref={log} onScroll={onScroll}>
        {dropped > 0 && <p className="meta">{t('chat.droppedOlder', { count: dropped })}</p>}
        {messages.length === 0 && dropped === 0 && <p className="meta">{t('chat.empty', { agent: agentName })}</p>}
        {messages.map((message) => (
          <MessageView key={message.id} message={message} actions={actions} />
        ))}
      </div>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </>
  );
}
