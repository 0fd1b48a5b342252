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

/** The answer's chunks; its raw events (for the inspector) only when `withEvents`. */
async function run(session: AgentAuth, log = new CallLog(), withEvents = false) {
  const chunks = [];
  for await (const chunk of invokeAgent({
    endpoint: '/agent',
    prompt: 'hi',
    sessionId: 's-1',
    auth: session,
    log,
    signal: new AbortController().signal,
  })) {
    if (withEvents || chunk.type !== 'event') chunks.push(chunk);
  }
  return chunks;
}

describe('invokeAgent', () => {
  it('sends the bearer token, user_id, session_id and the accept header to <endpoint>/invoke', async () => {
    const fetchMock = vi.fn(async () => Response.json('Hello'));
    vi.stubGlobal('fetch', fetchMock);
    expect(await run(auth('token-1'))).toEqual([{ type: 'json', value: 'Hello' }]);
    // The same answer as a raw event first, for the event inspector.
    expect(await run(auth('token-1'), new CallLog(), true)).toEqual([
      { type: 'event', seq: 0, event: 'Hello' },
      { type: 'json', value: 'Hello' },
    ]);
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
    hangingFetch.mockClear(); // earlier tests called it: wait for this test's own call
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

describe('bounded work', () => {
  const encoder = new TextEncoder();
  const frame = (text: string) => encoder.encode(`data: ${JSON.stringify({ partial: true, content: { parts: [{ text }] } })}\n\n`);

  /** A body that produces `chunk` on every pull, forever, and records how much was pulled and whether it was cancelled. */
  function endless(chunk: Uint8Array) {
    const seen = { bytes: 0, cancelled: false };
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        seen.bytes += chunk.byteLength;
        controller.enqueue(chunk);
      },
      cancel() {
        seen.cancelled = true;
      },
    });
    return { body, seen };
  }

  async function collectUntilFailure(options: Partial<Parameters<typeof invokeAgent>[0]>) {
    const chunks: unknown[] = [];
    try {
      for await (const chunk of invokeAgent({
        endpoint: '/agent',
        prompt: 'hi',
        sessionId: 's',
        auth: auth('t'),
        log: new CallLog(),
        signal: new AbortController().signal,
        ...options,
      }))
        if (chunk.type !== 'event') chunks.push(chunk);
    } catch (error) {
      return { chunks, error: error as AgentCallError };
    }
    return { chunks, error: undefined };
  }

  it('cuts a streamed answer at the answer cap, keeping what came before and closing the stream', async () => {
    const { body, seen } = endless(frame('x'.repeat(100)));
    const fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
      init.signal?.addEventListener('abort', () => void body.cancel().catch(() => {}));
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    });
    vi.stubGlobal('fetch', fetchMock);
    const { chunks, error } = await collectUntilFailure({ maxAnswerBytes: 10_000 });
    expect(error?.failure.kind).toBe('too-large');
    expect(t(error?.failure.message ?? 'chat.send', error?.failure.params)).toContain('The answer was cut at');
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.length * 100).toBeLessThan(10_000);
    expect(seen.bytes).toBeLessThan(20_000);
  });

  it('says the answer was cut at 4 MiB by default', async () => {
    const { body } = endless(frame('y'.repeat(60_000)));
    vi.stubGlobal('fetch', async () => new Response(body, { headers: { 'content-type': 'text/event-stream' } }));
    const { chunks, error } = await collectUntilFailure({});
    expect(t(error?.failure.message ?? 'chat.send', error?.failure.params)).toBe(
      'The answer was cut at 4 MiB: the console stopped the call there, so the text above is partial.',
    );
    expect(chunks.length).toBeGreaterThan(60);
  });

  it('cuts a JSON answer over the cap instead of reading it all', async () => {
    const { body, seen } = endless(encoder.encode('"'.padEnd(1000, 'z')));
    vi.stubGlobal('fetch', async () => new Response(body, { headers: { 'content-type': 'application/json' } }));
    const { error } = await collectUntilFailure({ maxAnswerBytes: 10_000 });
    expect(error?.failure.kind).toBe('too-large');
    expect(seen.bytes).toBeLessThan(20_000);
    expect(seen.cancelled).toBe(true);
  });

  it('ends the call with a clear failure when one SSE event is over the event cap', async () => {
    vi.stubGlobal('fetch', async () => new Response(frame('w'.repeat(500)), { headers: { 'content-type': 'text/event-stream' } }));
    const { error } = await collectUntilFailure({ maxEventChars: 200 });
    expect(error?.failure.kind).toBe('too-large');
    expect(t(error?.failure.message ?? 'chat.send', error?.failure.params)).toMatch(/one event was larger than .* MiB/);
  });

  it('sends /invoke with redirect: "error", and names a redirect without replaying the prompt or the token', async () => {
    const calls: RequestInit[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        calls.push(init);
        if (init.redirect === 'error') throw new TypeError('Failed to fetch');
        return { type: 'opaqueredirect', status: 0, body: null } as unknown as Response;
      }),
    );
    const { error } = await collectUntilFailure({});
    expect(calls[0]).toMatchObject({ redirect: 'error', body: '{"prompt":"hi"}' });
    expect(error?.failure.kind).toBe('redirect');
    expect(t(error?.failure.message ?? 'chat.send', error?.failure.params)).toContain(
      'answered with a redirect; the console does not follow redirects for /invoke, so your prompt and token are not sent elsewhere',
    );
    // The probe that saw the redirect carried nothing of the user's.
    expect(calls[1]).toMatchObject({ redirect: 'manual', credentials: 'omit' });
    expect(calls[1].body).toBeUndefined();
    expect(calls[1].headers).toBeUndefined();
  });
});

describe('error bodies and Retry-After are bounded', () => {
  const now = Date.UTC(2026, 0, 1);

  it('reads at most 64 KiB of an endless error body and still names the status', async () => {
    let pulled = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 16_384;
        controller.enqueue(new TextEncoder().encode('e'.repeat(16_384)));
      },
      cancel() {
        cancelled = true;
      },
    });
    const failure = await failureFromResponse(new Response(body, { status: 500 }), { signedIn: true, url: 'u', now });
    expect(failure).toMatchObject({ kind: 'proxy', status: 500 });
    expect(pulled).toBeLessThanOrEqual(64 * 1024 + 3 * 16_384);
    expect(cancelled).toBe(true);
  });

  it('shows the error of a 500 whose body never ends, once the body deadline passes', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"error": {"message": "never finished'));
      },
    });
    const failure = await failureFromResponse(new Response(body, { status: 500 }), { signedIn: true, url: 'u', now, bodyTimeoutMs: 50 });
    expect(failure).toMatchObject({ kind: 'proxy', status: 500 });
    expect(t(failure.message, failure.params)).toContain('HTTP 500');
  });

  it('caps Retry-After at 300 s, in seconds or as a date', async () => {
    const inSeconds = await failureFromResponse(new Response('', { status: 429, headers: { 'retry-after': '86400' } }), {
      signedIn: true,
      url: 'u',
      now,
    });
    expect(inSeconds.retryAt).toBe(now + 300_000);
    expect(inSeconds.params.seconds).toBe(300);
    const asDate = await failureFromResponse(
      new Response('', { status: 429, headers: { 'retry-after': new Date(now + 7 * 86_400_000).toUTCString() } }),
      { signedIn: true, url: 'u', now },
    );
    expect(asDate.retryAt).toBe(now + 300_000);
  });
});

describe('invokeAgent while the session is busy', () => {
  it('"Stop" ends the wait for a renewal that hangs, without a call to the agent', async () => {
    const fetchMock = vi.fn(async () => Response.json('never'));
    vi.stubGlobal('fetch', fetchMock);
    const hanging: AgentAuth = { ...auth('old'), tokenExpired: () => true, renew: () => new Promise(() => {}) };
    const stop = new AbortController();
    const call = invokeAgent({ endpoint: '/agent', prompt: 'hi', sessionId: 's', auth: hanging, log: new CallLog(), signal: stop.signal });
    const next = call.next();
    stop.abort(new DOMException('stopped', 'AbortError'));
    await expect(next).rejects.toThrow('stopped');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('does not replay with the same token when the renewal hands it back', async () => {
    const fetchMock = vi.fn(async () => unauthorized());
    vi.stubGlobal('fetch', fetchMock);
    const error = await run(auth('same', 'same')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AgentCallError);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('replays with the renewed token while a refusal body is still arriving', async () => {
    let endRefusal = () => {};
    const hangingRefusal = new ReadableStream<Uint8Array>({
      start(controller) {
        endRefusal = () => controller.close();
      },
    });
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(new Response(hangingRefusal, { status: 401 }))
      .mockResolvedValueOnce(Response.json('Hello again'));
    vi.stubGlobal('fetch', fetchMock);
    const answer = run(auth('old'));
    // The replay does not wait for the refusal's body, which has not ended yet.
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    endRefusal();
    expect(await answer).toEqual([{ type: 'json', value: 'Hello again' }]);
  });

  it('reports what the runtime said in the refusal body when the renewal brings no new token', async () => {
    // A gateway that explains in its body only, without a WWW-Authenticate challenge.
    const refusal = () => Response.json({ error: { message: 'audience mismatch: urn:other', type: 'Unauthorized' } }, { status: 401 });
    for (const renewed of ['same', undefined]) {
      vi.stubGlobal(
        'fetch',
        vi.fn(async () => refusal()),
      );
      const error = await run(auth('same', renewed)).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AgentCallError);
      expect((error as AgentCallError).failure).toMatchObject({
        kind: 'rejected',
        status: 401,
        description: 'audience mismatch: urn:other',
      });
    }
  });
});
