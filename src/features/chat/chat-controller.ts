import { isChunkLoadError } from '../../components/chunk-load-error.ts';
import { t } from '../../i18n/index.ts';
import { whenIdle } from '../../lib/when-idle.ts';
import type { Runtime } from './api/adk-client.ts';
import type { AgentAuth } from './api/agent-client.ts';
import { AgentCallError, type AgentFailure } from './api/agent-failure.ts';
import type { CallLog } from './api/call-log.ts';
import { loadConversation, saveConversation } from './chat-storage.ts';
import { type ChatMessage, type Conversation, type ConversationAction, conversationReducer, newSessionId } from './conversation.ts';
import { claimSession, releaseSessionsExcept } from './session-lock.ts';
import type { AgentChunk } from './stream/agent-chunks.ts';
import { forgetEvents, recordEvent } from './stream/event-log.ts';
import { type AgentTransport, transportFor } from './transport.ts';

/** What the chat shows: the conversation, and whether a message is on its way. */
export interface ChatState {
  conversation: Conversation;
  sending: boolean;
}

/** What the app tells the chat as it renders: the session, and where messages go. */
export interface ChatContext {
  endpoint: string;
  auth: AgentAuth;
  log: CallLog;
  /** The signed-in user's `sub`, undefined while signed out. */
  subject?: string;
  /** What the endpoint is (see probeRuntime); undefined until known, then /invoke is used. */
  runtime?: Runtime;
  /** A message failed: its prompt goes back to the message box. */
  onFailure?: (prompt: string, failure: AgentFailure) => void;
  /** A message ended (answered, failed or stopped): a runtime's list of conversations may have changed. */
  onSettled?: () => void;
  /** The settled conversation was saved (sessionStorage): where a copy is remembered on this device. */
  onSaved?: (conversation: Conversation) => void;
}

/** What the controller needs from its surroundings; tests give their own. */
export interface ChatEnvironment {
  load: () => Conversation;
  save: (conversation: Conversation) => void;
  /** Runs `callback` in the next animation frame; returns the cancel. */
  nextFrame: (callback: () => void) => () => void;
  /** Runs `callback` in an idle moment; returns the cancel. */
  idle: (callback: () => void) => () => void;
  claim: (sessionId: string) => Promise<boolean>;
  releaseExcept: (sessionId: string) => void;
  transport: (context: ChatContext) => Promise<AgentTransport>;
}

const browserEnvironment: ChatEnvironment = {
  load: loadConversation,
  save: saveConversation,
  nextFrame: (callback) => {
    const id = requestAnimationFrame(callback);
    return () => cancelAnimationFrame(id);
  },
  idle: whenIdle,
  claim: claimSession,
  releaseExcept: releaseSessionsExcept,
  transport: transportFor,
};

function isStreaming(message: ChatMessage): boolean {
  return message.role === 'agent' && (message.status === 'waiting' || message.status === 'streaming');
}

function settledPart(conversation: Conversation): Conversation {
  return { ...conversation, messages: conversation.messages.filter((message) => !isStreaming(message)) };
}

function sameSettled(a: Conversation, b: Conversation): boolean {
  if (a.sessionId !== b.sessionId || a.owner !== b.owner || a.messages.length !== b.messages.length) return false;
  return a.messages.every((message, index) => message === b.messages[index]);
}

function failureOf(error: unknown): AgentFailure {
  if (isChunkLoadError(error)) return { kind: 'stream', message: 'boundary.newVersion', params: { part: t('boundary.part.chat') } };
  if (error instanceof AgentCallError) return error.failure;
  return {
    kind: 'stream',
    message: 'agent.error.streamBroken',
    params: { detail: error instanceof Error ? error.message : String(error) },
  };
}

/**
 * The chat without React, the twin of the auth controller: it owns the conversation and the one message in
 * flight (send, stop, reset, open, remove), applies a stream's chunks once per animation frame, saves what
 * settled in idle moments, holds the session's lock, and keeps each conversation to the user who had it.
 * React reads it with useSyncExternalStore (subscribe/getState).
 */
export class ChatController {
  private state: ChatState;
  private readonly listeners = new Set<() => void>();
  private readonly env: ChatEnvironment;
  private context: ChatContext;
  private abort: AbortController | undefined;
  private readonly pending = new Map<string, AgentChunk[]>();
  private cancelFrame: (() => void) | undefined;
  private lastSaved: Conversation | undefined;
  private cancelSave: (() => void) | undefined;
  private lockedSession: string | undefined;
  private lockRefused = false;
  private started = 0;
  /** A conversation of another user was replaced during a render: listeners are told after it (afterRender). */
  private replacedInRender = false;
  /** Sessions that exist on the runtime (created by a message of this tab, or read from it). */
  private readonly known = new Set<string>();

  constructor(context: ChatContext, env: Partial<ChatEnvironment> = {}) {
    this.env = { ...browserEnvironment, ...env };
    this.context = context;
    this.state = { conversation: this.env.load(), sending: false };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): ChatState => this.state;

  /**
   * The app's latest context, given as it renders. A conversation of another user is replaced here, before
   * anything reads the state: the next user never sees the previous one's words, not for one frame. Returns
   * whether it was (the draft goes too). Listeners are told after the render (see `afterRender`).
   */
  update(context: ChatContext): boolean {
    this.context = context;
    const { subject } = context;
    const { owner } = this.state.conversation;
    if (!subject || owner === undefined || owner === subject) return false;
    this.abort?.abort(); // the previous user's call ends with their conversation
    this.pending.clear();
    forgetEvents();
    this.state = { conversation: { sessionId: newSessionId(), messages: [], owner: subject }, sending: false };
    this.replacedInRender = true;
    return true;
  }

  /** After a commit: a conversation started signed out goes to whoever signed in; a replacement is announced. */
  afterRender() {
    const { subject } = this.context;
    if (subject && this.state.conversation.owner === undefined) this.dispatch({ type: 'owned', owner: subject });
    if (this.replacedInRender) {
      this.replacedInRender = false;
      this.onChange();
    }
  }

  /** Starts what lives with the page: the save on leaving, the session lock. Returns the stop (StrictMode-safe). */
  start(): () => void {
    this.started++;
    const onPageHide = () => this.env.save(this.state.conversation);
    window.addEventListener('pagehide', onPageHide);
    this.lock();
    // What the tab had (or a new conversation) is saved at once, claimed with its lock.
    this.persist();
    return () => {
      this.started--;
      window.removeEventListener('pagehide', onPageHide);
    };
  }

  send(prompt: string): boolean {
    if (this.state.sending || !prompt.trim()) return false;
    const controller = new AbortController();
    this.abort = controller;
    const agentId = crypto.randomUUID();
    this.state = { ...this.state, sending: true };
    this.dispatch({ type: 'sent', prompt, userId: crypto.randomUUID(), agentId, at: Date.now() });
    void this.run(prompt, agentId, controller.signal);
    return true;
  }

  stop() {
    this.abort?.abort();
  }

  reset() {
    this.abort?.abort();
    forgetEvents();
    this.dispatch({ type: 'reset', sessionId: newSessionId(), owner: this.state.conversation.owner });
  }

  /**
   * Shows session `id` of the runtime: its events read back and rendered like live answers; sending continues
   * it. Throws (for the caller to say) when the runtime cannot give it; the conversation shown stays.
   */
  async open(id: string) {
    const transport = await this.env.transport(this.context);
    const loaded = await transport.load?.(id);
    if (!loaded) return;
    this.abort?.abort();
    forgetEvents();
    this.known.add(id);
    for (const [answerId, events] of loaded.events) {
      events.forEach((event, seq) => {
        recordEvent(answerId, seq, event);
      });
    }
    this.dispatch({ type: 'load', conversation: { ...loaded.conversation, owner: this.context.subject } });
  }

  /** Shows a conversation remembered on this device; sending continues it with its `session_id`. */
  show(conversation: Conversation) {
    this.abort?.abort();
    forgetEvents();
    this.dispatch({ type: 'load', conversation: { ...conversation, owner: this.context.subject } });
  }

  /** Deletes session `id` on the runtime; the conversation shown, if it was that one, starts afresh. */
  async remove(id: string) {
    const transport = await this.env.transport(this.context);
    await transport.remove?.(id);
    this.known.delete(id);
    if (this.state.conversation.sessionId === id) this.reset();
  }

  /** Whether the current conversation exists on the runtime (created by a message or read from it). */
  onRuntime(id: string): boolean {
    return this.known.has(id);
  }

  private async run(prompt: string, agentId: string, signal: AbortSignal) {
    const { sessionId } = this.state.conversation;
    try {
      const transport = await this.env.transport(this.context);
      for await (const chunk of transport.send({ prompt, sessionId, signal, known: this.known })) {
        if (chunk.type === 'event') recordEvent(agentId, chunk.seq, chunk.event);
        this.context.log.observe(chunk); // notes a wait for the user's consent in the call log
        this.queue(agentId, chunk);
      }
      this.flush();
      this.dispatch({ type: 'finished', id: agentId });
    } catch (error) {
      this.flush();
      if (signal.aborted && !(error instanceof AgentCallError)) this.dispatch({ type: 'stopped', id: agentId });
      else {
        const failure = failureOf(error);
        this.dispatch({ type: 'failed', id: agentId, failure });
        this.context.onFailure?.(prompt, failure);
      }
    } finally {
      if (this.abort?.signal === signal) this.abort = undefined;
      this.state = { ...this.state, sending: false };
      this.onChange();
      this.context.onSettled?.();
    }
  }

  private queue(id: string, chunk: AgentChunk) {
    const list = this.pending.get(id) ?? [];
    list.push(chunk);
    this.pending.set(id, list);
    this.cancelFrame ??= this.env.nextFrame(() => this.flush());
  }

  private flush() {
    this.cancelFrame?.();
    this.cancelFrame = undefined;
    if (this.pending.size === 0) return;
    let { conversation } = this.state;
    for (const [id, chunks] of this.pending) conversation = conversationReducer(conversation, { type: 'chunks', id, chunks });
    this.pending.clear();
    this.state = { ...this.state, conversation };
    // Chunks change only the answer on its way, which is neither saved nor another session: a frame's work
    // stays with that answer, whatever the conversation's length.
    this.notify();
  }

  private dispatch(action: ConversationAction) {
    const conversation = conversationReducer(this.state.conversation, action);
    if (conversation === this.state.conversation) return;
    this.state = { ...this.state, conversation };
    this.onChange();
  }

  private onChange() {
    this.persist();
    this.lock();
    this.notify();
  }

  private notify() {
    for (const listener of this.listeners) listener();
  }

  /**
   * Saved when a message settles (sent, finished, failed, stopped), in an idle moment: never every frame of a
   * stream, never the growing answer (the pagehide save keeps what came of it if the page goes away). Another
   * session or owner replaces the saved copy at once: the previous user's words must not linger.
   */
  private persist() {
    const settled = settledPart(this.state.conversation);
    const previous = this.lastSaved;
    if (previous && sameSettled(previous, settled)) return;
    this.lastSaved = settled;
    this.cancelSave?.();
    const save = () => {
      this.env.save(settled);
      if (settled.messages.length > 0) this.context.onSaved?.(settled);
    };
    if (!previous || previous.sessionId !== settled.sessionId || previous.owner !== settled.owner) {
      this.cancelSave = undefined;
      save();
    } else {
      this.cancelSave = this.env.idle(save);
    }
  }

  /** One live tab per session: a copy of this tab (sessionStorage duplicated) starts its own session. */
  private lock() {
    if (this.started === 0) return;
    const { sessionId } = this.state.conversation;
    if (this.lockedSession === sessionId) return;
    this.lockedSession = sessionId;
    this.env.releaseExcept(sessionId);
    void this.env.claim(sessionId).then((mine) => {
      // A fresh id is nobody's: should it be refused too (locks that fail), the tab keeps it rather than loop.
      if (mine || this.state.conversation.sessionId !== sessionId || this.lockRefused) return;
      this.lockRefused = true;
      this.dispatch({ type: 'reset', sessionId: newSessionId(), owner: this.state.conversation.owner });
    });
  }
}
