import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { isChunkLoadError } from '../../components/chunk-load-error.ts';
import { t } from '../../i18n/index.ts';
import { whenIdle } from '../../lib/when-idle.ts';
import type { Runtime } from './api/adk-client.ts';
import type { AgentAuth } from './api/agent-client.ts';
import { AgentCallError, type AgentFailure } from './api/agent-failure.ts';
import type { CallLog } from './api/call-log.ts';
import { loadConversation, saveConversation } from './chat-storage.ts';
import { type ChatMessage, type Conversation, conversationReducer, newSessionId } from './conversation.ts';
import { claimSession, releaseSessionsExcept } from './session-lock.ts';
import type { AgentChunk } from './stream/agent-chunks.ts';
import { forgetEvents, recordEvent } from './stream/event-log.ts';

function sameSettled(a: Conversation, b: Conversation): boolean {
  if (a.sessionId !== b.sessionId || a.owner !== b.owner || a.messages.length !== b.messages.length) return false;
  return a.messages.every((message, index) => message === b.messages[index]);
}

function isStreaming(message: ChatMessage): boolean {
  return message.role === 'agent' && (message.status === 'waiting' || message.status === 'streaming');
}

/** The HTTP and SSE code loads with the first message (or when the browser is idle), not with the first page. */
const loadAgentClient = () => import('./api/agent-client.ts');
const loadAdkClient = () => import('./api/adk-client.ts');

interface SendVariables {
  prompt: string;
  agentId: string;
  signal: AbortSignal;
}

export const agentMutationKey = ['agent', 'invoke'] as const;

/**
 * The conversation and the one call in flight. Chunks are applied once per animation frame, so thousands
 * of streamed events render progressively without a render per event.
 */
export function useChat(options: {
  endpoint: string;
  auth: AgentAuth;
  log: CallLog;
  onFailure: (prompt: string, failure: AgentFailure) => void;
  /** The signed-in user's `sub`, undefined while signed out. */
  subject?: string;
  /**
   * Another user signed in: their predecessor's conversation is gone, and so must the draft be. Called while
   * rendering: it may only update the state of the component that uses this hook.
   */
  onOwnerChanged?: () => void;
  /** What the endpoint is (see probeRuntime): an ADK runtime keeps the conversations, sent to with /run_sse. */
  runtime?: Runtime;
  /** A message ended (answered, failed or stopped): the runtime's list of conversations may have changed. */
  onSettled?: () => void;
}) {
  const [conversation, dispatch] = useReducer(conversationReducer, undefined, loadConversation);
  const pending = useRef(new Map<string, AgentChunk[]>());
  const frame = useRef<number | undefined>(undefined);
  const abort = useRef<AbortController | undefined>(undefined);
  const latest = useRef(options);
  latest.current = options;

  const saved = useRef(conversation);
  saved.current = conversation;
  // Saved when a message settles (sent, finished, failed, stopped), in an idle moment: never every frame of a
  // stream, never the growing answer (the pagehide save below keeps what came of it if the page goes away).
  const lastSaved = useRef<Conversation | undefined>(undefined);
  useEffect(() => {
    const settled = { ...conversation, messages: conversation.messages.filter((message) => !isStreaming(message)) };
    const previous = lastSaved.current;
    if (previous && sameSettled(previous, settled)) return;
    lastSaved.current = settled;
    // Another session or owner replaces the saved copy at once: the previous user's words must not linger.
    if (!previous || previous.sessionId !== settled.sessionId || previous.owner !== settled.owner) return saveConversation(settled);
    return whenIdle(() => saveConversation(settled));
  }, [conversation]);
  useEffect(() => {
    const onPageHide = () => saveConversation(saved.current);
    window.addEventListener('pagehide', onPageHide);
    return () => window.removeEventListener('pagehide', onPageHide);
  }, []);

  // The conversation belongs to the user who had it; one started signed out goes to whoever signs in next.
  const { subject } = options;
  const ownerReplaced = useRef(false);
  if (subject && conversation.owner !== undefined && conversation.owner !== subject) {
    // Replaced while rendering, not in an effect: the next user never sees the previous one's words, not even
    // for the frame before an effect would run. (React renders again at once with the new state.)
    dispatch({ type: 'reset', sessionId: newSessionId(), owner: subject });
    options.onOwnerChanged?.();
    ownerReplaced.current = true;
  }
  useEffect(() => {
    if (subject && conversation.owner === undefined) dispatch({ type: 'owned', owner: subject });
  }, [subject, conversation.owner]);
  useEffect(() => {
    // The previous user's call, if one was in flight, ends with their conversation.
    if (!ownerReplaced.current) return;
    ownerReplaced.current = false;
    abort.current?.abort();
  });

  const { sessionId } = conversation;
  useEffect(() => {
    releaseSessionsExcept(sessionId);
    let current = true;
    void claimSession(sessionId).then((mine) => {
      if (current && !mine) dispatch({ type: 'reset', sessionId: newSessionId(), owner: saved.current.owner });
    });
    return () => {
      current = false;
    };
  }, [sessionId]);

  const flush = useCallback(() => {
    if (frame.current !== undefined) cancelAnimationFrame(frame.current);
    frame.current = undefined;
    for (const [id, chunks] of pending.current) dispatch({ type: 'chunks', id, chunks });
    pending.current.clear();
  }, []);

  const queue = useCallback(
    (id: string, chunk: AgentChunk) => {
      const list = pending.current.get(id) ?? [];
      list.push(chunk);
      pending.current.set(id, list);
      frame.current ??= requestAnimationFrame(flush);
    },
    [flush],
  );

  // Fetched once the first screen is up, so the first message does not wait for it.
  useEffect(() => whenIdle(() => void loadAgentClient().catch(() => undefined)), []);

  /** Sessions this tab knows exist on the runtime (created here or read from it): run_sse needs one first. */
  const onRuntime = useRef(new Set<string>());

  const mutation = useMutation({
    mutationKey: agentMutationKey,
    // Offline, TanStack Query would pause the call silently; the HTTP module reports "offline" itself.
    networkMode: 'always',
    mutationFn: async ({ prompt, agentId, signal }: SendVariables) => {
      const { endpoint, auth, log, runtime } = latest.current;
      const { sessionId } = conversation;
      const call = { endpoint, prompt, sessionId, auth, log, signal };
      let answer: AsyncIterable<AgentChunk>;
      if (runtime?.kind === 'adk' && auth.subject()) {
        const adk = await loadAdkClient();
        if (!onRuntime.current.has(sessionId)) {
          await adk.createSession(endpoint, runtime, auth, sessionId, signal).catch((error: unknown) => {
            throw new AgentCallError({
              kind: 'stream',
              message: 'conversations.createFailed',
              params: { detail: error instanceof Error ? error.message : String(error) },
            });
          });
          onRuntime.current.add(sessionId);
        }
        answer = adk.runSse({ ...call, runtime });
      } else {
        answer = (await loadAgentClient()).invokeAgent(call);
      }
      try {
        for await (const chunk of answer) {
          if (chunk.type === 'event') recordEvent(agentId, chunk.seq, chunk.event);
          log.observe(chunk); // notes a wait for the user's consent in the call log
          queue(agentId, chunk);
        }
      } finally {
        flush();
      }
    },
    onSuccess: (_, { agentId }) => dispatch({ type: 'finished', id: agentId }),
    onError: (error, { agentId, prompt, signal }) => {
      if (signal.aborted && !(error instanceof AgentCallError)) return dispatch({ type: 'stopped', id: agentId });
      const failure: AgentFailure = isChunkLoadError(error)
        ? { kind: 'stream', message: 'boundary.newVersion', params: { part: t('boundary.part.chat') } }
        : error instanceof AgentCallError
          ? error.failure
          : {
              kind: 'stream',
              message: 'agent.error.streamBroken',
              params: { detail: error instanceof Error ? error.message : String(error) },
            };
      dispatch({ type: 'failed', id: agentId, failure });
      latest.current.onFailure(prompt, failure);
    },
    onSettled: () => latest.current.onSettled?.(),
  });

  const send = useCallback(
    (prompt: string) => {
      if (mutation.isPending || !prompt.trim()) return false;
      const controller = new AbortController();
      abort.current = controller;
      const agentId = crypto.randomUUID();
      dispatch({ type: 'sent', prompt, userId: crypto.randomUUID(), agentId, at: Date.now() });
      mutation.mutate({ prompt, agentId, signal: controller.signal });
      return true;
    },
    [mutation],
  );

  const stop = useCallback(() => abort.current?.abort(), []);

  const reset = useCallback(() => {
    abort.current?.abort();
    forgetEvents();
    dispatch({ type: 'reset', sessionId: newSessionId() });
  }, []);

  /**
   * Shows session `id` of the runtime: its events read back and rendered like live answers; sending continues
   * it. Throws (for the caller to say) when the runtime cannot give it; the conversation shown stays.
   */
  const open = useCallback(async (id: string) => {
    const { endpoint, auth, runtime, subject: owner } = latest.current;
    if (runtime?.kind !== 'adk') return;
    const adk = await loadAdkClient();
    const session = await adk.getSession(endpoint, runtime, auth, id);
    const { conversationFromEvents } = await import('./stream/session-messages.ts');
    const loaded = conversationFromEvents(id, session.events, owner);
    abort.current?.abort();
    forgetEvents();
    for (const [answerId, events] of loaded.events) {
      events.forEach((event, seq) => {
        recordEvent(answerId, seq, event);
      });
    }
    onRuntime.current.add(id);
    dispatch({ type: 'load', conversation: loaded.conversation });
  }, []);

  /** Deletes session `id` on the runtime; the conversation shown, if it was that one, starts afresh. */
  const remove = useCallback(async (id: string) => {
    const { endpoint, auth, runtime } = latest.current;
    if (runtime?.kind !== 'adk') return;
    const adk = await loadAdkClient();
    await adk.deleteSession(endpoint, runtime, auth, id);
    onRuntime.current.delete(id);
    if (saved.current.sessionId === id) {
      abort.current?.abort();
      forgetEvents();
      dispatch({ type: 'reset', sessionId: newSessionId(), owner: saved.current.owner });
    }
  }, []);

  return { conversation, send, stop, reset, open, remove, sending: mutation.isPending, onRuntime: onRuntime.current };
}
