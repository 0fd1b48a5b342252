import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdkError, listSessions, probeRuntime } from '../../src/features/chat/api/adk-client.ts';
import type { AgentAuth } from '../../src/features/chat/api/agent-client.ts';
import { CallLog } from '../../src/features/chat/api/call-log.ts';
import { conversationFromEvents } from '../../src/features/chat/stream/session-messages.ts';
import { sessionTitle } from '../../src/features/chat/stream/session-title.ts';
import { transportFor } from '../../src/features/chat/transport.ts';

afterEach(() => vi.unstubAllGlobals());

const auth: AgentAuth = {
  accessToken: () => 'token-1',
  subject: () => 'alice-sub',
  tokenExpired: () => false,
  renew: async () => undefined,
  settled: async () => undefined,
};

function answering(status: number, body: unknown) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return calls;
}

describe('which transport an endpoint gets', () => {
  it('an endpoint that lists its apps is an ADK runtime, asked with the bearer token', async () => {
    const calls = answering(200, ['local_agent']);
    expect(await probeRuntime('/agent', auth)).toEqual({ kind: 'adk', app: 'local_agent' });
    expect(calls[0].url).toBe('/agent/list-apps');
    expect(new Headers(calls[0].init.headers).get('authorization')).toBe('Bearer token-1');
  });

  it.each([404, 405])('one that answers %i only knows /invoke', async (status) => {
    answering(status, { error: 'Not Found' });
    expect(await probeRuntime('/agent', auth)).toEqual({ kind: 'invoke' });
  });

  it('one that refuses or fails says so (the chat then keeps /invoke)', async () => {
    answering(500, { error: 'boom' });
    await expect(probeRuntime('/agent', auth)).rejects.toThrow(AdkError);
  });
});

describe("the user's sessions", () => {
  const session = (id: string, seconds: number) => ({ id, appName: 'app', userId: 'alice-sub', lastUpdateTime: seconds, events: [] });

  it('reads the list Python serves, newest first, for the signed-in sub only', async () => {
    const calls = answering(200, [session('old', 100), session('new', 200)]);
    const sessions = await listSessions('/agent', { app: 'app' }, auth);
    expect(sessions.map((item) => [item.id, item.updatedAt])).toEqual([
      ['new', 200_000],
      ['old', 100_000],
    ]);
    expect(calls[0].url).toBe('/agent/apps/app/users/alice-sub/sessions');
  });

  it("reads JavaScript's paged answer the same way", async () => {
    answering(200, { sessions: [session('a', 5)], page: 1, limit: 20, totalItems: 1, totalPages: 1 });
    expect((await listSessions('/agent', { app: 'app' }, auth)).map((item) => item.id)).toEqual(['a']);
  });

  it("names a 403 (another user's path, in identity mode) as the runtime's refusal", async () => {
    answering(403, { error: "Forbidden: this runtime binds the ADK user to the verified token's sub" });
    await expect(listSessions('/agent', { app: 'app' }, auth)).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('binds'),
    });
  });
});

describe("a session's events as messages", () => {
  const user = (id: string, text: string) => ({ id, author: 'user', timestamp: 1, content: { role: 'user', parts: [{ text }] } });
  const model = (id: string, parts: unknown[], extra: Record<string, unknown> = {}) => ({
    id,
    author: 'agent',
    invocationId: 'e-1',
    timestamp: 2,
    content: { role: 'model', parts },
    ...extra,
  });

  it('each prompt with its answer: text once, tool lines, an error frame as the failure', () => {
    const events = [
      user('u1', 'Weather in London?'),
      model('m1', [{ functionCall: { id: 'c1', name: 'get_weather', args: { city: 'London' } } }]),
      model('m2', [{ functionResponse: { id: 'c1', name: 'get_weather', response: { report: 'rain' } } }]),
      model('m3', [{ text: 'It ' }], { partial: true }),
      model('m4', [{ text: 'It rains.' }]),
      user('u2', 'And tomorrow?'),
      { id: 'e', author: 'agent', error: 'agent execution failed' },
    ];
    const { conversation, events: raw } = conversationFromEvents('s-1', events, 'alice-sub');
    expect(conversation.owner).toBe('alice-sub');
    expect(conversation.messages.map((message) => message.role)).toEqual(['user', 'agent', 'user', 'agent']);
    const [, first, , second] = conversation.messages;
    if (first.role !== 'agent' || second.role !== 'agent') throw new Error('expected answers');
    expect(first.status).toBe('done');
    expect(first.answer.parts.map((part) => part.kind)).toEqual(['tool-call', 'tool-result', 'text']);
    expect(first.answer.parts.at(-1)).toEqual({ kind: 'text', text: 'It rains.' });
    expect(first.answer.events).toBe(3);
    expect(raw.get(first.id)).toHaveLength(3);
    expect(second.status).toBe('error');
    expect(sessionTitle(events)).toBe('Weather in London?');
  });
});

describe('the transport a message takes', () => {
  const context = { endpoint: '/agent', auth, log: new CallLog() };
  it('an ADK runtime with a signed-in user: /run_sse and its sessions', async () => {
    const transport = await transportFor({ ...context, runtime: { kind: 'adk', app: 'local_agent' } });
    expect(transport.kind).toBe('adk');
    expect(typeof transport.load).toBe('function');
  });

  it('an /invoke-only runtime, one not known yet, or no user signed in: /invoke', async () => {
    expect((await transportFor({ ...context, runtime: { kind: 'invoke' } })).kind).toBe('invoke');
    expect((await transportFor(context)).kind).toBe('invoke');
    const signedOut = { ...auth, subject: () => undefined };
    expect((await transportFor({ ...context, auth: signedOut, runtime: { kind: 'adk', app: 'a' } })).kind).toBe('invoke');
  });
});

describe('asking what the endpoint is', () => {
  it('does not renew the token when the gateway refuses /list-apps (it may not route it at all)', async () => {
    let renewals = 0;
    answering(401, { error: 'Unauthorized' });
    await expect(probeRuntime('/agent', { ...auth, renew: async () => `token-${++renewals}` })).rejects.toMatchObject({ status: 401 });
    expect(renewals).toBe(0);
  });
});
