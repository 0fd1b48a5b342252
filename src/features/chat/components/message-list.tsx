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
  const announcement = useAnswerAnnouncement(messages, agentName, log);
  useLayoutEffect(() => {
    const element = log.current;
    if (element && stick.current && messages.length > 0) element.scrollTop = element.scrollHeight;
  }, [messages]);
  const onScroll = () => {
    const element = log.current;
    if (element) stick.current = element.scrollHeight - element.scrollTop - element.clientHeight < STICKY_DISTANCE_PX;
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
