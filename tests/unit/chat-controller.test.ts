import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AgentAuth } from '../../src/features/chat/api/agent-client.ts';
import { AgentCallError } from '../../src/features/chat/api/agent-failure.ts';
import { CallLog } from '../../src/features/chat/api/call-log.ts';
import { type ChatContext, ChatController, type ChatEnvironment } from '../../src/features/chat/chat-controller.ts';
import type { Conversation } from '../../src/features/chat/conversation.ts';
import type { AgentChunk } from '../../src/features/chat/stream/agent-chunks.ts';
import { answerText } from '../../src/features/chat/stream/answer.ts';
import type { AgentTransport } from '../../src/features/chat/transport.ts';

afterEach(() => vi.restoreAllMocks());

const auth: AgentAuth = {
  accessToken: () => 'token',
  subject: () => 'alice',
  tokenExpired: () => false,
  renew: async () => undefined,
  settled: async () => undefined,
};

/** A stream the test feeds by hand: each `push` is a chunk from the agent; `end` or `fail` finishes it. */
function manualStream() {
  const queue: Array<IteratorResult<AgentChunk> | Error> = [];
  let wake: (() => void) | undefined;
  const put = (item: IteratorResult<AgentChunk> | Error) => {
    queue.push(item);
    wake?.();
  };
  const iterable: AsyncIterable<AgentChunk> = {
    [Symbol.asyncIterator]: () => ({
      next: async () => {
        while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        const item = queue.shift() as IteratorResult<AgentChunk> | Error;
        if (item instanceof Error) throw item;
        return item;
      },
    }),
  };
  return {
    iterable,
    push: (chunk: AgentChunk) => put({ value: chunk, done: false }),
    end: () => put({ value: undefined, done: true }),
    fail: (error: Error) => put(error),
  };
}

/** A controller with everything around it in the test's hands: frames, idle saves, storage, locks, the agent. */
function setUp(options: { stored?: Conversation; lockFree?: boolean } = {}) {
  const frames: Array<() => void> = [];
  const idles: Array<() => void> = [];
  const saved: Conversation[] = [];
  const sent: Array<{ prompt: string; sessionId: string }> = [];
  let stream = manualStream();
  const transport: AgentTransport = {
    kind: 'invoke',
    send: (message) => {
      sent.push({ prompt: message.prompt, sessionId: message.sessionId });
      message.signal.addEventListener('abort', () => stream.fail(new DOMException('aborted', 'AbortError')));
      return stream.iterable;
    },
  };
  const env: Partial<ChatEnvironment> = {
    load: () => options.stored ?? { sessionId: 'session-1', messages: [] },
    save: (conversation) => saved.push(conversation),
    nextFrame: (callback) => {
      frames.push(callback);
      return () => frames.splice(frames.indexOf(callback), 1);
    },
    idle: (callback) => {
      idles.push(callback);
      return () => idles.splice(idles.indexOf(callback), 1);
    },
    // Another tab holds the stored session (when lockFree is false); a new id is free.
    claim: async (sessionId) => options.lockFree !== false || sessionId !== 'session-1',
    releaseExcept: () => undefined,
    transport: async () => transport,
  };
  const failures: string[] = [];
  const context: ChatContext = {
    endpoint: '/agent',
    auth,
    log: new CallLog(),
    subject: 'alice',
    onFailure: (prompt) => failures.push(prompt),
  };
  const controller = new ChatController(context, env);
  const renders: number[] = [];
  controller.subscribe(() => renders.push(controller.getState().conversation.messages.length));
  const runFrames = () => {
    for (const frame of frames.splice(0)) frame();
  };
  const flushAsync = () => new Promise((resolve) => setTimeout(resolve));
  return {
    controller,
    context,
    saved,
    sent,
    failures,
    renders,
    frames,
    idles,
    runFrames,
    flushAsync,
    stream: () => stream,
    newStream: () => {
      stream = manualStream();
    },
  };
}

const lastAnswer = (controller: ChatController) => {
  const message = controller.getState().conversation.messages.at(-1);
  if (message?.role !== 'agent') throw new Error('no answer');
  return message;
};

describe('the chat controller, without React', () => {
  it('sends, applies a stream once per frame, and settles the answer', async () => {
    const { controller, sent, runFrames, flushAsync, stream, renders, saved, idles } = setUp();
    expect(controller.send('Hello?')).toBe(true);
    expect(controller.getState().sending).toBe(true);
    expect(controller.send('again')).toBe(false); // one message at a time
    await flushAsync();
    expect(sent).toEqual([{ prompt: 'Hello?', sessionId: 'session-1' }]);

    for (const text of ['He', 'll', 'o']) stream().push({ type: 'text-delta', text });
    await flushAsync();
    const before = renders.length;
    runFrames();
    expect(renders.length).toBe(before + 1); // three deltas, one change
    expect(answerText(lastAnswer(controller).answer)).toBe('Hello');

    stream().push({ type: 'text-final', text: 'Hello!' });
    stream().end();
    await flushAsync();
    expect(lastAnswer(controller).status).toBe('done');
    expect(answerText(lastAnswer(controller).answer)).toBe('Hello!');
    expect(controller.getState().sending).toBe(false);
    // Saved when the message was sent (a new session: at once), and once settled (in an idle moment).
    expect(saved.length).toBeGreaterThan(0);
    for (const idle of idles.splice(0)) idle();
    expect(saved.at(-1)?.messages.map((message) => message.role)).toEqual(['user', 'agent']);
  });

  it('"Stop" keeps the partial answer, marked stopped', async () => {
    const { controller, flushAsync, stream } = setUp();
    controller.send('tell me a long story');
    await flushAsync();
    stream().push({ type: 'text-delta', text: 'Once upon' });
    await flushAsync();
    controller.stop();
    await flushAsync();
    expect(lastAnswer(controller).status).toBe('stopped');
    expect(answerText(lastAnswer(controller).answer)).toBe('Once upon');
    expect(controller.getState().sending).toBe(false);
  });

  it('a failed call gives the prompt back and says why', async () => {
    const { controller, flushAsync, stream, failures } = setUp();
    controller.send('will fail');
    await flushAsync();
    stream().fail(new AgentCallError({ kind: 'server', status: 500, message: 'agent.error.server', params: { status: 500, type: 'X' } }));
    await flushAsync();
    expect(lastAnswer(controller).status).toBe('error');
    expect(lastAnswer(controller).failure?.kind).toBe('server');
    expect(failures).toEqual(['will fail']);
  });

  it("replaces another user's conversation as the new user is given, before anything reads it", () => {
    const stored: Conversation = {
      sessionId: 'alice-session',
      owner: 'alice',
      messages: [{ id: 'm', role: 'user', text: 'secret', at: 1 }],
    };
    const { controller, context, saved } = setUp({ stored });
    expect(controller.update({ ...context, subject: 'bob' })).toBe(true);
    const { conversation } = controller.getState();
    expect(conversation.owner).toBe('bob');
    expect(conversation.sessionId).not.toBe('alice-session');
    expect(conversation.messages).toEqual([]);
    controller.afterRender();
    expect(JSON.stringify(saved.at(-1))).not.toContain('secret');
    expect(controller.update({ ...context, subject: 'bob' })).toBe(false);
  });

  it('gives a conversation started signed out to whoever signs in', () => {
    const { controller, context } = setUp();
    controller.update({ ...context, subject: undefined });
    controller.afterRender();
    expect(controller.getState().conversation.owner).toBeUndefined();
    controller.update(context);
    controller.afterRender();
    expect(controller.getState().conversation.owner).toBe('alice');
  });

  it('a copy of the tab (its session held by another tab) starts a session of its own', async () => {
    const { controller, flushAsync } = setUp({ lockFree: false });
    const stop = controller.start();
    await flushAsync();
    const own = controller.getState().conversation.sessionId;
    expect(own).not.toBe('session-1');
    await flushAsync();
    expect(controller.getState().conversation.sessionId).toBe(own);
    stop();
  });
});
