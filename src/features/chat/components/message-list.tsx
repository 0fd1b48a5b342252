import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { t } from '../../../i18n/index.ts';
import type { ChatMessage } from '../conversation.ts';
import { useAnswerAnnouncement } from './answer-announcer.ts';
import { MessageBoundary } from './message-boundary.tsx';
import { type FailureActions, MessageView } from './message-view.tsx';

const STICKY_DISTANCE_PX = 48;
/** A restored conversation mounts its newest messages first, then this many older ones a task until all are in. */
const MOUNT_STEP = 24;

/**
 * How many of the oldest messages are not mounted yet. A conversation restored with hundreds of messages would be
 * one long task to mount; its newest ones (what the log shows, at its end) mount first, older ones after each
 * paint, a step at a time, above them: the log stays pinned to its end meanwhile (see useFollowBottom).
 */
function useUnmountedOlder(count: number, conversationId: string): number {
  const [unmounted, setUnmounted] = useState(() => Math.max(0, count - MOUNT_STEP));
  const [shownId, setShownId] = useState(conversationId);
  if (conversationId !== shownId) {
    // Another conversation opened into the log (a runtime's session) arrives whole, like a restored one.
    setShownId(conversationId);
    setUnmounted(Math.max(0, count - MOUNT_STEP));
  }
  useEffect(() => {
    if (unmounted === 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // After the next paint: what is mounted shows before the next step's work.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setUnmounted((older) => Math.max(0, older - MOUNT_STEP)));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [unmounted]);
  // Never hides the newest MOUNT_STEP, whatever replaced the conversation meanwhile.
  return Math.min(unmounted, Math.max(0, count - MOUNT_STEP));
}

/**
 * Keeps the log at the bottom while it is pinned there. A new message (or conversation) is scrolled to before the
 * frame is drawn, so that frame lays out what shows at the bottom, not what showed before (on the first render,
 * the top of the log); measuring then costs little, since a message just added is skipped until found in view.
 * Any other change of height (an answer growing, its markdown rendered, an off-screen message sized once it comes
 * near the view, the log resized) is followed from a ResizeObserver, after the frame's layout: a streamed delta
 * never makes the page measure in between DOM writes.
 */
function useFollowBottom(lastMessageId: string | undefined, conversationId: string) {
  const log = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  /** Where the log last put its own scroll position; only the user moves it up from there. */
  const followedTo = useRef(0);
  const follow = useCallback(() => {
    const element = log.current;
    if (!element || !stick.current) return;
    element.scrollTop = element.scrollHeight;
    followedTo.current = element.scrollTop;
  }, []);
  // Another conversation opens at its end, wherever the user had scrolled the one before.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when another conversation is shown
  useLayoutEffect(() => {
    stick.current = true;
  }, [conversationId]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a message is added or the conversation replaced
  useLayoutEffect(follow, [lastMessageId, follow]);
  useEffect(() => {
    const element = log.current;
    const inner = content.current;
    if (!element || !inner || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(follow);
    observer.observe(inner);
    observer.observe(element);
    return () => observer.disconnect();
  }, [follow]);
  // Messages off screen are sized lazily (content-visibility), so the height can change under a scroll the log
  // made itself: the user has scrolled up only when the position moved up from where the log put it.
  const onScroll = () => {
    const element = log.current;
    if (!element) return;
    if (element.scrollHeight - element.scrollTop - element.clientHeight < STICKY_DISTANCE_PX) stick.current = true;
    else if (element.scrollTop < followedTo.current - STICKY_DISTANCE_PX) stick.current = false;
  };
  return { log, content, onScroll };
}

/** The conversation log; follows a growing answer until the user scrolls up, and again once back at the bottom. */
export function MessageList({
  conversationId,
  messages,
  agentName,
  actions,
  dropped = 0,
}: {
  /** The conversation's session id: another one shown is mounted afresh, newest first. */
  conversationId: string;
  messages: ChatMessage[];
  agentName: string;
  actions: FailureActions;
  /** Older messages the saved copy of this conversation left out (storage limit). */
  dropped?: number;
}) {
  const { log, content, onScroll } = useFollowBottom(messages.at(-1)?.id, conversationId);
  const unmounted = useUnmountedOlder(messages.length, conversationId);
  const announcement = useAnswerAnnouncement(messages, agentName, content);
  // role="log" is aria-live="polite" by default, which would read every streamed delta: the log is kept quiet
  // and the status below says each finished answer once. tabIndex: the log scrolls, so keyboards must reach it.
  return (
    <>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable from the keyboard */}
      <div className="log" role="log" aria-label={t('chat.log')} aria-live="off" tabIndex={0} ref={log} onScroll={onScroll}>
        <div className="log-messages" ref={content}>
          {dropped > 0 && unmounted === 0 && <p className="meta">{t('chat.droppedOlder', { count: dropped })}</p>}
          {messages.length === 0 && dropped === 0 && <p className="meta">{t('chat.empty', { agent: agentName })}</p>}
          {(unmounted > 0 ? messages.slice(unmounted) : messages).map((message) => (
            <MessageBoundary key={message.id} message={message}>
              <MessageView message={message} actions={actions} />
            </MessageBoundary>
          ))}
        </div>
      </div>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </>
  );
}
