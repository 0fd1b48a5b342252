import { createHmac, createPublicKey } from 'node:crypto';
import { decodeJwt } from 'jose';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createAgentServer } from '../../dev/agent/create-agent-server.ts';
import { accessTokenClaims, base64url, signAsPool } from '../support/forge.ts';
import { loginOverHttp, type TokenSet } from '../support/http-login.ts';
import { partnerToken } from '../support/stack-helpers.ts';

const stack = inject('stack');

function invoke(token: string | undefined, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${stack.agentUrl}/invoke`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** SSE frames as their joined data lines, split only at blank lines. */
function sseFrames(text: string): string[] {
  return text
    .split(/\r?\n\r?\n/)
    .filter((block) => block.trim())
    .map((block) =>
      block
        .split(/\r?\n/)
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).replace(/^ /, ''))
        .join('\n'),
    );
}

let alice: TokenSet;

beforeAll(async () => {
  alice = await loginOverHttp({
    issuer: stack.issuer,
    clientId: stack.clientId,
    redirectUri: `${stack.consoleUrl}/callback`,
    username: 'alice',
    password: 'alice-password',
  });
});

describe('local agent: AgentKit app protocol', () => {
  it('answers a valid token of the pool with a markdown greeting of the verified user, ignoring the user_id header', async () => {
    const response = await invoke(alice.access_token, { prompt: 'hello' }, { user_id: 'mallory', session_id: 's-1' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const text = (await response.json()) as string;
    expect(text).toContain('Hello, **Alice Liddell**');
    expect(text).toContain(String(decodeJwt(alice.access_token).sub));
    expect(text).toContain('`mallory`, which is not your verified identity');
  });

  it('answers /ping and the health probes', async () => {
    expect(await (await fetch(`${stack.agentUrl}/ping`)).json()).toEqual({ status: 'pong!' });
    for (const path of ['/health', '/readiness', '/liveness']) expect((await fetch(`${stack.agentUrl}${path}`)).status).toBe(200);
  });

  it('gives the AgentKit error bodies: 400 for a body that is not JSON, 500 when the agent fails, 404 elsewhere', async () => {
    const bad = await invoke(alice.access_token, '{"prompt": ');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { message: 'Invalid JSON in request body', type: 'BadRequest' } });
    const failing = await invoke(alice.access_token, { prompt: '/fail' });
    expect(failing.status).toBe(500);
    expect(((await failing.json()) as { error: { message: string } }).error.message).toMatch(/exception/);
    expect((await fetch(`${stack.agentUrl}/nowhere`, { method: 'POST' })).status).toBe(404);
  });

  it('streams ADK events as well-formed SSE: partial deltas that add up to one final event', async () => {
    const response = await invoke(alice.access_token, { prompt: '/stream streaming works' });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const raw = await response.text();
    expect(raw.endsWith('\n\n')).toBe(true);
    const events = sseFrames(raw).map((frame) => JSON.parse(frame));
    const partials = events.filter((event) => event.partial === true);
    const finals = events.filter((event) => event.partial === false);
    expect(partials.length).toBeGreaterThan(5);
    expect(finals).toHaveLength(1);
    const joined = partials.map((event) => event.content.parts[0].text).join('');
    expect(finals[0].content.parts[0].text).toBe(joined);
    expect(joined).toContain('streaming works');
  });

  it('streams a tool call and its response before the answer, and a mid-stream failure as a last error frame', async () => {
    const weather = sseFrames(await (await invoke(alice.access_token, { prompt: '/weather Hangzhou' })).text()).map((f) => JSON.parse(f));
    expect(weather[0].content.parts[0].functionCall).toMatchObject({ name: 'get_weather', args: { city: 'Hangzhou' } });
    expect(weather[1].content.parts[0].functionResponse.response.report).toBe('light rain, 20 °C');
    const failing = sseFrames(await (await invoke(alice.access_token, { prompt: '/stream-fail' })).text());
    expect(JSON.parse(failing.at(-1) ?? '{}')).toMatchObject({ error_type: 'RuntimeError' });
  });

  it('allows the console origin through CORS, with the custom headers and WWW-Authenticate exposed', async () => {
    const preflight = await fetch(`${stack.agentUrl}/invoke`, {
      method: 'OPTIONS',
      headers: {
        origin: stack.consoleUrl,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,user_id,session_id',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(stack.consoleUrl);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('session_id');
    const refused = await invoke(undefined, { prompt: 'x' }, { origin: stack.consoleUrl });
    expect(refused.headers.get('access-control-expose-headers')).toContain('WWW-Authenticate');
    const stranger = await fetch(`${stack.agentUrl}/invoke`, { method: 'OPTIONS', headers: { origin: 'http://evil.example' } });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('writes one JSON audit line per call with time, sub, client_id, status and latency', async () => {
    const lines: string[] = [];
    const agent = await createAgentServer({
      port: 0,
      auth: { discoveryUrl: `${stack.issuer}/.well-known/openid-configuration`, allowedClients: [] },
      corsOrigins: [],
      audit: (line) => lines.push(line),
    });
    try {
      await fetch(`${agent.url}/invoke`, {
        method: 'POST',
        headers: { authorization: `Bearer ${alice.access_token}` },
        body: '{"prompt":"hi"}',
      });
      await fetch(`${agent.url}/invoke`, { method: 'POST', body: '{"prompt":"hi"}' });
    } finally {
      await agent.close();
    }
    const [ok, refused] = lines.map((line) => JSON.parse(line));
    expect(ok).toMatchObject({ sub: decodeJwt(alice.access_token).sub, client_id: stack.clientId, status: 200 });
    expect(typeof ok.latency_ms).toBe('number');
    expect(Date.parse(ok.time)).not.toBeNaN();
    expect(refused).toMatchObject({ status: 401 });
    expect(lines.join('\n')).not.toContain(alice.access_token);
  });
});

describe('local agent: inbound auth like custom_jwt', () => {
  async function expectRefused(token: string | undefined, reason: RegExp) {
    const response = await invoke(token, { prompt: 'hello' });
    expect(response.status).toBe(401);
    const challenge = response.headers.get('www-authenticate') ?? '';
    expect(challenge).toMatch(/^Bearer error="invalid_token", error_description="/);
    expect(challenge).toMatch(reason);
    const body = (await response.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe('Unauthorized');
    expect(body.error.message).toMatch(reason);
  }

  const claims = (overrides = {}) => accessTokenClaims(stack.issuer, stack.clientId, overrides);

  it('accepts a token it did not see before when it is signed by the pool (control for the cases below)', async () => {
    const token = await signAsPool(stack.signingKey, claims());
    expect((await invoke(token, { prompt: 'hi' })).status).toBe(200);
  });

  it('refuses a call without a token', () => expectRefused(undefined, /missing bearer token/));

  it('refuses alg none', async () => {
    const token = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims())}.`;
    await expectRefused(token, /alg|malformed/);
  });

  it('refuses HS256 signed with the pool public key as the secret', async () => {
    const publicPem = createPublicKey({ key: stack.signingKey, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
    const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT', kid: stack.signingKey.kid })}.${base64url(claims())}`;
    const signature = createHmac('sha256', publicPem).update(unsigned).digest('base64url');
    await expectRefused(`${unsigned}.${signature}`, /algorithm not allowed/);
  });

  it('refuses a token whose signature was changed', async () => {
    const parts = alice.access_token.split('.');
    const signature = parts[2];
    const flipped = (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
    await expectRefused(`${parts[0]}.${parts[1]}.${signature.slice(0, 10)}${flipped}`, /signature verification failed/);
  });

  it('refuses a token of another issuer', async () => {
    await expectRefused(
      await signAsPool(stack.signingKey, claims({ iss: 'https://userpool-other.example.com' })),
      /issuer mismatch \(iss\)/,
    );
  });

  it('refuses a real token of a client that is not in the allowed list', async () => {
    const partner = await partnerToken(stack);
    await expectRefused(partner.access_token, /client not allowed \(client_id partner-app\)/);
  });

  it('refuses an expired token and one not valid yet', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectRefused(
      await signAsPool(stack.signingKey, claims({ iat: now - 7200, nbf: now - 7200, exp: now - 3600 })),
      /expired \(exp\)/,
    );
    await expectRefused(await signAsPool(stack.signingKey, claims({ nbf: now + 3600, exp: now + 7200 })), /not yet valid \(nbf\)/);
  });

  it('refuses a real ID token of the pool as a bearer token, also when any client is allowed', async () => {
    const anyClient = await createAgentServer({
      port: 0,
      auth: { discoveryUrl: `${stack.issuer}/.well-known/openid-configuration`, allowedClients: [] },
      corsOrigins: [],
      audit: () => {},
    });
    try {
      for (const url of [stack.agentUrl, anyClient.url]) {
        const response = await fetch(`${url}/invoke`, {
          method: 'POST',
          headers: { authorization: `Bearer ${alice.id_token}` },
          body: '{"prompt":"hi"}',
        });
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toMatch(/error_description="an ID token is not an access token/);
      }
      // The same pool's access token still passes the permissive agent: the refusal is about the token type.
      const access = await fetch(`${anyClient.url}/invoke`, {
        method: 'POST',
        headers: { authorization: `Bearer ${alice.access_token}` },
        body: '{"prompt":"hi"}',
      });
      expect(access.status).toBe(200);
    } finally {
      await anyClient.close();
    }
  });

  it('allows 30 s of clock difference: a token expired 10 s ago passes, 60 s ago it is refused', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expiredRecently = await signAsPool(stack.signingKey, claims({ iat: now - 600, nbf: now - 600, exp: now - 10 }));
    expect((await invoke(expiredRecently, { prompt: 'hi' })).status).toBe(200);
    const notYetButAlmost = await signAsPool(stack.signingKey, claims({ iat: now + 10, nbf: now + 10, exp: now + 600 }));
    expect((await invoke(notYetButAlmost, { prompt: 'hi' })).status).toBe(200);
    await expectRefused(await signAsPool(stack.signingKey, claims({ iat: now - 600, nbf: now - 600, exp: now - 60 })), /expired \(exp\)/);
    await expectRefused(
      await signAsPool(stack.signingKey, claims({ iat: now + 120, nbf: now - 5, exp: now + 600 })),
      /issued in the future \(iat\)/,
    );
  });

  it('refuses a token signed by a key the pool does not publish, and malformed tokens', async () => {
    await expectRefused(await signAsPool({ ...stack.signingKey, kid: 'unknown-kid' }, claims()), /no key of the pool matches/);
    await expectRefused('not-a-jwt', /malformed/);
    await expectRefused(`${base64url('{')}.${base64url(claims())}.c2ln`, /malformed/);
  });
});
