import { afterEach, describe, expect, it, vi } from 'vitest';
import { type AgentAuth, invokeAgent } from '../../src/features/chat/api/agent-client.ts';
import { AgentCallError, failureFromResponse } from '../../src/features/chat/api/agent-failure.ts';
import { CallLog } from '../../src/features/chat/api/call-log.ts';
import { t } from '../../src/i18n/index.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

function auth(token: string | undefined, renewed: string | undefined = 'renewed-token'): AgentAuth & { renew: ReturnType<typeof vi.fn> } {
  let current = token;
  return {
    accessToken: () => current,
    subject: () => (current ? 'user-sub' : undefined),
    tokenExpired: () => false,
    settled: async () => {},
    renew: vi.fn(async () => {
      current = renewed;
      return renewed;
    }),
  };
}

const unauthorized = () =>
  new Response('{"error":{"message":"Unauthorized","type":"Unauthorized"}}', {
    status: 401,
    headers: { 'www-authenticate': 'Bearer error="invalid_token", error_description="token expired (exp)"' },
  });

async function run(session: AgentAuth, log = new CallLog()) {
  const chunks = [];
  for await (const chunk of invokeAgent({
    endpoint: '/agent',
    prompt: 'hi',
    sessionId: 's-1',
    auth: session,
    log,
    signal: new AbortController().signal,
  })) {
    chunks.push(chunk);
  }
  return chunks;
}

describe('invokeAgent', () => {
  it('sends the bearer token, user_id, session_id and the accept header to <endpoint>/invoke', async () => {
    const fetchMock = vi.fn(async () => Response.json('Hello'));
    vi.stubGlobal('fetch', fetchMock);
    expect(await run(auth('token-1'))).toEqual([{ type: 'json', value: 'Hello' }]);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/agent/invoke');
    expect(init.headers).toMatchObject({
      authorization: 'Bearer token-1',
      user_id: 'user-sub',
      session_id: 's-1',
      accept: 'application/json, text/event-stream',
      'content-type': 'application/json',
    });
    expect(init.body).toBe('{"prompt":"hi"}');
  });

  it('renews once and replays once after a 401, logging both calls', async () => {
    const fetchMock = vi.fn().mockResolvedValueOnce(unauthorized()).mockResolvedValueOnce(Response.json('after renewal'));
    vi.stubGlobal('fetch', fetchMock);
    const session = auth('old-token');
    const log = new CallLog();
    expect(await run(session, log)).toEqual([{ type: 'json', value: 'after renewal' }]);
    expect(session.renew).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect((fetchMock.mock.calls[1][1] as RequestInit).headers).toMatchObject({ authorization: 'Bearer renewed-token' });
    expect(log.getItems().map((record) => [record.status, record.replay, record.outcome])).toEqual([
      [401, false, 'failed'],
      [200, true, 'ok'],
    ]);
  });

  it('gives up after one replay, with the runtime reason, when the renewed token is refused too', async () => {
    const fetchMock = vi.fn(async () => unauthorized());
    vi.stubGlobal('fetch', fetchMock);
    const session = auth('old-token');
    const error = await run(session).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AgentCallError);
    expect((error as AgentCallError).failure).toMatchObject({ kind: 'rejected', status: 401, description: 'token expired (exp)' });
    expect(session.renew).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('sends no token when signed out and reports the 401 as "sign in", without renewing', async () => {
    const fetchMock = vi.fn(async () => unauthorized());
    vi.stubGlobal('fetch', fetchMock);
    const session = auth(undefined);
    const error = (await run(session).catch((caught: unknown) => caught)) as AgentCallError;
    expect(error.failure.kind).toBe('unauthorized');
    expect(t(error.failure.message, error.failure.params)).toMatch(/^401 Unauthorized: .*Sign in/);
    expect((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].headers).not.toHaveProperty('authorization');
    expect(session.renew).not.toHaveBeenCalled();
  });

  it('names a network failure', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const error = (await run(auth('t')).catch((caught: unknown) => caught)) as AgentCallError;
    expect(error.failure.kind).toBe('network');
    expect(t(error.failure.message, error.failure.params)).toContain('Could not reach the agent at /agent/invoke');
  });
});

describe('failureFromResponse', () => {
  const now = Date.UTC(2026, 0, 1);
  const explain = async (response: Response, signedIn = true) => {
    const failure = await failureFromResponse(response, { signedIn, url: 'https://agent/invoke', now });
    return { ...failure, text: t(failure.message, failure.params) };
  };
  const agentKit = (status: number, message: string, type: string, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify({ error: { message, type } }), { status, headers });

  it('maps each status the runtime sends to a message with its cause', async () => {
    expect((await explain(agentKit(400, 'Invalid JSON in request body', 'BadRequest'))).text).toBe(
      'The agent rejected the request (400 BadRequest): Invalid JSON in request body.',
    );
    expect((await explain(agentKit(403, 'Forbidden', 'Forbidden'))).kind).toBe('rejected');
    expect((await explain(new Response('', { status: 404 }))).text).toContain('No agent entrypoint at https://agent/invoke (404)');
    expect((await explain(agentKit(500, 'division by zero', 'ZeroDivisionError'))).text).toBe(
      'The agent failed (500 ZeroDivisionError): division by zero.',
    );
    expect((await explain(new Response('', { status: 502 }))).kind).toBe('proxy');
    expect((await explain(new Response('teapot', { status: 418 }))).text).toBe('The agent answered HTTP 418: teapot.');
  });

  it('honours Retry-After on 429, in seconds or as a date', async () => {
    const seconds = await explain(agentKit(429, 'slow down', 'TooManyRequests', { 'retry-after': '30' }));
    expect(seconds).toMatchObject({ kind: 'rate-limited', retryAt: now + 30_000 });
    expect(seconds.text).toContain('Try again in 30 s');
    const date = await explain(new Response('', { status: 429, headers: { 'retry-after': new Date(now + 120_000).toUTCString() } }));
    expect(date.retryAt).toBe(now + 120_000);
  });
});

describe('invokeAgent time-outs', () => {
  const hangingFetch = vi.fn(
    (_url: string, init: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      }),
  );

  it('gives up on an answer that does not come, naming the time-out', async () => {
    vi.stubGlobal('fetch', hangingFetch);
    const generator = invokeAgent({
      endpoint: '/agent',
      prompt: 'hi',
      sessionId: 's',
      auth: auth('t'),
      log: new CallLog(),
      signal: new AbortController().signal,
      jsonTimeoutMs: 30,
    });
    const error = (await generator.next().catch((caught: unknown) => caught)) as AgentCallError;
    expect(error.failure.kind).toBe('timeout');
  });

  it('stops (not a failure) when the user aborts', async () => {
    vi.stubGlobal('fetch', hangingFetch);
    const controller = new AbortController();
    const log = new CallLog();
    const generator = invokeAgent({ endpoint: '/agent', prompt: 'hi', sessionId: 's', auth: auth('t'), log, signal: controller.signal });
    const pending = generator.next().catch((caught: unknown) => caught);
    await vi.waitFor(() => expect(hangingFetch).toHaveBeenCalled());
    controller.abort();
    expect(await pending).not.toBeInstanceOf(AgentCallError);
    expect(log.getItems()[0].outcome).toBe('stopped');
  });
});
