import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdkAgentServer } from '../../dev/adk-agent/create-adk-agent-server.ts';
import { LOCAL_CLIENT_ID } from '../../dev/defaults.ts';
import { createUserPool } from '../../dev/userpool/create-user-pool.ts';
import { loginOverHttp } from '../support/http-login.ts';
import { freePort } from '../support/processes.ts';

// The local ADK runtime on its own pool, called over HTTP as the console and ADK clients call it.

const CONSOLE_ORIGIN = 'http://127.0.0.1:8082';
const APP = 'local_agent';

type Json = Record<string, unknown>;
interface AdkEvent {
  id: string;
  author: string;
  partial?: boolean;
  timestamp: number;
  longRunningToolIds?: string[];
  actions?: { requestedAuthConfigs?: Record<string, unknown> };
  content?: { role: string; parts: Json[] };
}
interface FunctionCall {
  id: string;
  name: string;
  args: Json;
}

let stop: () => Promise<void>;
let agentUrl: string;
let alice: { token: string; sub: string };
let bob: { token: string; sub: string };

async function signIn(issuer: string, username: string) {
  const tokens = await loginOverHttp({
    issuer,
    clientId: LOCAL_CLIENT_ID,
    redirectUri: `${CONSOLE_ORIGIN}/callback`,
    username,
    password: `${username}-password`,
  });
  return { token: tokens.access_token, sub: String(decodeJwt(tokens.access_token).sub) };
}

beforeAll(async () => {
  const pool = await createUserPool({ port: await freePort(), consoleOrigins: [CONSOLE_ORIGIN] });
  const agent = await createAdkAgentServer({
    port: await freePort(),
    auth: { discoveryUrl: `${pool.issuer}/.well-known/openid-configuration`, allowedClients: [LOCAL_CLIENT_ID] },
    corsOrigins: [CONSOLE_ORIGIN],
    audit: () => {},
  });
  agentUrl = agent.url;
  stop = async () => {
    await agent.close();
    await pool.close();
  };
  alice = await signIn(pool.issuer, 'alice');
  bob = await signIn(pool.issuer, 'bob');
});

afterAll(() => stop?.());

function call(path: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  return fetch(`${agentUrl}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

const sessionsOf = (sub: string) => `/apps/${APP}/users/${encodeURIComponent(sub)}/sessions`;

/** The stream's frames as they arrive, each `data:` payload parsed as JSON (frames end at a blank line). */
async function* frames(response: Response): AsyncGenerator<Json> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffered += decoder.decode(value, { stream: true });
    for (let end = buffered.indexOf('\n\n'); end >= 0; end = buffered.indexOf('\n\n')) {
      const data = buffered
        .slice(0, end)
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).replace(/^ /, ''))
        .join('\n');
      buffered = buffered.slice(end + 2);
      if (data) yield JSON.parse(data) as Json;
    }
  }
}

async function allFrames(response: Response): Promise<AdkEvent[]> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const events: AdkEvent[] = [];
  for await (const frame of frames(response)) events.push(frame as unknown as AdkEvent);
  return events;
}

function runSse(token: string, sessionId: string, text: string, extra: Json = {}) {
  return call('/run_sse', {
    token,
    body: { appName: APP, userId: alice.sub, sessionId, newMessage: { role: 'user', parts: [{ text }] }, streaming: true, ...extra },
  });
}

const authUriOf = (request: FunctionCall) =>
  (request.args.auth_config as { exchangedAuthCredential: { oauth2: { authUri: string } } }).exchangedAuthCredential.oauth2.authUri;

/** Answers the consent page the way a user does: Approve or Deny. */
async function decide(request: FunctionCall, decision: 'approve' | 'deny') {
  const page = await fetch(authUriOf(request), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `decision=${decision}`,
  });
  expect(page.status).toBe(200);
}

const textOf = (event: AdkEvent) => (event.content?.parts ?? []).map((part) => (typeof part.text === 'string' ? part.text : '')).join('');
const finalAnswer = (events: AdkEvent[]) => textOf(events.filter((event) => event.content?.role === 'model' && !event.partial).at(-1)!);
const callsIn = (events: AdkEvent[]) =>
  events.flatMap((event) => (event.content?.parts ?? []).flatMap((part) => (part.functionCall ? [part.functionCall as FunctionCall] : [])));
const responsesIn = (events: AdkEvent[]) =>
  events.flatMap((event) => (event.content?.parts ?? []).flatMap((part) => (part.functionResponse ? [part.functionResponse as Json] : [])));

describe('local ADK runtime: custom_jwt in front of every route', () => {
  it('refuses calls without a token with 401 and a Bearer challenge, on ADK routes and /invoke alike', async () => {
    for (const response of [
      await call('/list-apps'),
      await call(sessionsOf(alice.sub)),
      await call('/run_sse', { body: { appName: APP, userId: alice.sub, sessionId: 's', newMessage: { parts: [{ text: 'hi' }] } } }),
      await call('/invoke', { body: { prompt: 'hi' } }),
    ]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    }
  });

  it('binds the ADK user to the token’s sub: a path or body naming another user gets 403 with the rule', async () => {
    const refusals = [
      await call(sessionsOf(bob.sub), { token: alice.token }),
      await call(`${sessionsOf(bob.sub)}/mine-now`, { token: alice.token, body: {} }),
      await call(`${sessionsOf(bob.sub)}/any`, { token: alice.token, method: 'DELETE' }),
      await call('/run_sse', {
        token: alice.token,
        body: { appName: APP, userId: bob.sub, sessionId: 's', newMessage: { parts: [{ text: 'hi' }] } },
      }),
    ];
    for (const response of refusals) {
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: string }).error).toMatch(/ADK user .*verified token’s sub/);
    }
    // Bob's own sessions are untouched by Alice's attempt.
    expect(await (await call(sessionsOf(bob.sub), { token: bob.token })).json()).toEqual([]);
  });

  it('answers a browser preflight from the console’s origin for DELETE and the headers the console sends', async () => {
    const preflight = await fetch(`${agentUrl}${sessionsOf(alice.sub)}/s`, {
      method: 'OPTIONS',
      headers: { origin: CONSOLE_ORIGIN, 'access-control-request-method': 'DELETE', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(CONSOLE_ORIGIN);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('DELETE');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization.*session_id|session_id.*authorization/);
    const elsewhere = await fetch(`${agentUrl}/list-apps`, { method: 'OPTIONS', headers: { origin: 'https://attacker.example' } });
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('local ADK runtime: ADK REST routes', () => {
  it('lists its one app', async () => {
    expect(await (await call('/list-apps', { token: alice.token })).json()).toEqual([APP]);
  });

  it('creates, lists, reads and deletes a session of the caller', async () => {
    const created = await call(`${sessionsOf(alice.sub)}/crud-1`, { token: alice.token, body: { state: { topic: 'plans' } } });
    expect(created.status).toBe(200);
    const session = (await created.json()) as Json;
    expect(session).toMatchObject({ id: 'crud-1', appName: APP, userId: alice.sub, state: { topic: 'plans' }, events: [] });
    // Seconds since the epoch, as AgentKit's Python server sends them (not milliseconds).
    expect(session.lastUpdateTime).toBeGreaterThan(1.6e9);
    expect(session.lastUpdateTime).toBeLessThan(1e11);

    const generated = (await (await call(sessionsOf(alice.sub), { token: alice.token, body: {} })).json()) as Json;
    expect(generated.id).toEqual(expect.any(String));
    expect((await call(`${sessionsOf(alice.sub)}/crud-1`, { token: alice.token, body: {} })).status).toBe(409);

    const listed = (await (await call(sessionsOf(alice.sub), { token: alice.token })).json()) as Json[];
    expect(listed.map((item) => item.id)).toEqual(expect.arrayContaining(['crud-1', generated.id]));
    expect(listed.find((item) => item.id === 'crud-1')).toMatchObject({ appName: APP, userId: alice.sub });

    const read = (await (await call(`${sessionsOf(alice.sub)}/crud-1`, { token: alice.token })).json()) as Json;
    expect(read).toMatchObject({ id: 'crud-1', state: { topic: 'plans' }, events: [] });

    expect((await call(`${sessionsOf(alice.sub)}/crud-1`, { token: alice.token, method: 'DELETE' })).status).toBe(204);
    expect((await call(`${sessionsOf(alice.sub)}/crud-1`, { token: alice.token })).status).toBe(404);
    const after = (await (await call(sessionsOf(alice.sub), { token: alice.token })).json()) as Json[];
    expect(after.map((item) => item.id)).not.toContain('crud-1');
  });

  it('run_sse needs an existing session: 404 “Session not found”', async () => {
    const response = await runSse(alice.token, 'never-created', 'hello');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'Session not found' });
  });

  it('run_sse streams partial deltas, then one final event that holds the whole answer, and keeps it in the session', async () => {
    await call(`${sessionsOf(alice.sub)}/talk-1`, { token: alice.token, body: {} });
    const events = await allFrames(await runSse(alice.token, 'talk-1', 'My favourite colour is teal'));
    const partials = events.filter((event) => event.partial);
    expect(partials.length).toBeGreaterThan(3);
    const final = events.at(-1)!;
    expect(final.partial).toBe(false);
    expect(final.author).toBe(APP);
    expect(textOf(final)).toBe(partials.map(textOf).join(''));
    expect(textOf(final)).toContain('My favourite colour is teal');
    expect(textOf(final)).toContain(alice.sub);

    const session = (await (await call(`${sessionsOf(alice.sub)}/talk-1`, { token: alice.token })).json()) as { events: AdkEvent[] };
    // The user's message and the final answer; partial events are streamed, not stored.
    expect(session.events.map((event) => [event.author, textOf(event)])).toEqual([
      ['user', 'My favourite colour is teal'],
      [APP, textOf(final)],
    ]);
    expect(session.events[0].timestamp).toBeLessThan(1e11);
  });

  it('remembers the session: a later run answers “what did I say first?” with the first prompt', async () => {
    await call(`${sessionsOf(alice.sub)}/memory-1`, { token: alice.token, body: {} });
    await allFrames(await runSse(alice.token, 'memory-1', 'The launch code is pelican'));
    await allFrames(await runSse(alice.token, 'memory-1', 'Something else entirely'));
    const events = await allFrames(await runSse(alice.token, 'memory-1', 'What did I say first?'));
    expect(finalAnswer(events)).toContain('The launch code is pelican');
    // Another session of the same user does not share it.
    await call(`${sessionsOf(alice.sub)}/memory-2`, { token: alice.token, body: {} });
    const other = await allFrames(await runSse(alice.token, 'memory-2', '/recall'));
    expect(finalAnswer(other)).not.toContain('pelican');
  });

  it('/weather calls the get_weather tool: a functionCall, its functionResponse, then the answer', async () => {
    await call(`${sessionsOf(alice.sub)}/weather-1`, { token: alice.token, body: {} });
    const events = await allFrames(await runSse(alice.token, 'weather-1', '/weather London'));
    const [weatherCall] = callsIn(events);
    expect(weatherCall).toMatchObject({ name: 'get_weather', args: { city: 'London' } });
    expect(responsesIn(events)).toEqual([
      { id: weatherCall.id, name: 'get_weather', response: { status: 'success', city: 'London', report: 'drizzle, 14 °C' } },
    ]);
    expect(finalAnswer(events)).toBe('The weather in **London**: drizzle, 14 °C.');
  });

  it('/docs asks for consent with adk_request_credential, its id among longRunningToolIds, then the run ends', async () => {
    await call(`${sessionsOf(alice.sub)}/docs-1`, { token: alice.token, body: {} });
    const events = await allFrames(await runSse(alice.token, 'docs-1', '/docs Roadmap'));
    const [readCall, request] = callsIn(events);
    expect(readCall).toMatchObject({ name: 'read_document', args: { name: 'Roadmap' } });
    expect(request.name).toBe('adk_request_credential');
    const requestEvent = events.find((event) => callsIn([event]).some((candidate) => candidate.id === request.id))!;
    expect(requestEvent.longRunningToolIds).toContain(request.id);
    expect(request.args.function_call_id).toBe(readCall.id);
    const authUri = authUriOf(request);
    expect(new URL(authUri).origin).toBe(agentUrl);
    const page = await fetch(authUri);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Roadmap');
    // The waiting tool's own response is a placeholder whose event still names the open request.
    const pending = events.find((event) => responsesIn([event]).length > 0)!;
    expect(Object.keys(pending.actions?.requestedAuthConfigs ?? {})).toEqual([readCall.id]);
    expect(responsesIn([pending])[0]).toMatchObject({ id: readCall.id, response: { status: 'pending' } });
  });
});

describe('local ADK runtime: AgentKit’s /invoke shim', () => {
  it('creates the session named by session_id, lists it, and remembers across calls', async () => {
    const headers = { session_id: 'invoke-1', accept: 'text/event-stream', user_id: 'mallory' };
    const first = await allFrames(await call('/invoke', { token: alice.token, body: { prompt: 'Remember the word marmalade' }, headers }));
    expect(finalAnswer(first)).toContain(alice.sub);
    // Alice's session, whatever the user_id header says.
    const listed = (await (await call(sessionsOf(alice.sub), { token: alice.token })).json()) as Json[];
    expect(listed.find((item) => item.id === 'invoke-1')).toMatchObject({ userId: alice.sub });
    const recalled = await allFrames(await call('/invoke', { token: alice.token, body: { prompt: 'what did I say first?' }, headers }));
    expect(finalAnswer(recalled)).toContain('Remember the word marmalade');
  });

  it('answers JSON to a client that does not accept event streams: the text, or the events when tools ran', async () => {
    const greeting = await call('/invoke', { token: alice.token, body: { prompt: 'hello there' }, headers: { session_id: 'invoke-json' } });
    expect(greeting.headers.get('content-type')).toContain('application/json');
    const text = (await greeting.json()) as string;
    expect(text).toContain('hello there');
    expect(text).toContain(alice.sub);
    const weather = await call('/invoke', {
      token: alice.token,
      body: { prompt: '/weather Beijing' },
      headers: { session_id: 'invoke-json' },
    });
    const events = (await weather.json()) as AdkEvent[];
    expect(callsIn(events).map((item) => item.name)).toEqual(['get_weather']);
    expect(finalAnswer(events)).toContain('sunny');
  });

  it('/docs over /invoke waits for the consent page, then the same stream goes on with the document', async () => {
    const response = await call('/invoke', {
      token: bob.token,
      body: { prompt: '/docs Budget' },
      headers: { session_id: 'invoke-docs', accept: 'text/event-stream' },
    });
    expect(response.status).toBe(200);
    const events: AdkEvent[] = [];
    for await (const frame of frames(response)) {
      const event = frame as unknown as AdkEvent;
      events.push(event);
      const request = callsIn([event]).find((item) => item.name === 'adk_request_credential');
      if (request) await decide(request, 'approve');
    }
    const readCall = callsIn(events).find((item) => item.name === 'read_document')!;
    const answers = responsesIn(events).filter((item) => item.id === readCall.id);
    expect(answers.map((item) => (item.response as Json).status)).toEqual(['pending', 'success']);
    expect(finalAnswer(events)).toContain('**Budget**');

    // The grant stays: the next /docs reads at once, without asking again.
    const again = await call('/invoke', {
      token: bob.token,
      body: { prompt: '/docs Budget' },
      headers: { session_id: 'invoke-docs', accept: 'text/event-stream' },
    });
    const later = await allFrames(again);
    expect(callsIn(later).map((item) => item.name)).toEqual(['read_document']);
    expect(finalAnswer(later)).toContain('**Budget**');
  });

  it('/docs over /invoke ends with “Access denied” when the consent page is refused', async () => {
    const response = await call('/invoke', {
      token: alice.token,
      body: { prompt: '/docs Salaries' },
      headers: { session_id: 'invoke-denied', accept: 'text/event-stream' },
    });
    const events: AdkEvent[] = [];
    for await (const frame of frames(response)) {
      events.push(frame as unknown as AdkEvent);
      const request = callsIn([frame as unknown as AdkEvent]).find((item) => item.name === 'adk_request_credential');
      if (request) await decide(request, 'deny');
    }
    expect(finalAnswer(events)).toMatch(/^Access denied/);
    expect(responsesIn(events).map((item) => (item.response as Json).status)).toEqual(['pending', 'denied']);
  });

  it('hands the plain agent’s scripted shapes to it: hostile markup, failures and error frames still work', async () => {
    const hostile = await call('/invoke', { token: alice.token, body: { prompt: '/hostile' }, headers: { session_id: 'shapes' } });
    expect(await hostile.json()).toContain('<script>');
    const failing = await call('/invoke', { token: alice.token, body: { prompt: '/fail' }, headers: { session_id: 'shapes' } });
    expect(failing.status).toBe(500);
    expect(((await failing.json()) as { error: { type: string } }).error.type).toBe('RuntimeError');
    const frames = await allFrames(
      await call('/invoke', { token: alice.token, body: { prompt: '/stream-fail' }, headers: { session_id: 'shapes' } }),
    );
    expect(frames.at(-1)).toMatchObject({ error_type: 'RuntimeError' });
    // None of them became part of the ADK session.
    expect((await call(`${sessionsOf(alice.sub)}/shapes`, { token: alice.token })).status).toBe(404);
  });
});
