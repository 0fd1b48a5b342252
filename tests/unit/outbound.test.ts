import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallLog } from '../../src/features/chat/api/call-log.ts';
import { checkConsentUrl, consentContextFor, setConsentContext } from '../../src/features/chat/outbound/consent-url.ts';
import { credentialRequest } from '../../src/features/chat/outbound/credential-request.ts';
import { openConsentPopup } from '../../src/features/chat/outbound/open-popup.ts';
import { chunksFromFrame } from '../../src/features/chat/stream/agent-chunks.ts';
import { type Answer, applyChunk, EMPTY_ANSWER } from '../../src/features/chat/stream/answer.ts';

const AUTH_URI = 'https://open.feishu.example/authorize?client_id=c&scope=docx:read%20wiki:read&state=s';

function requestEvent(options: { id?: string; longRunning?: unknown; args?: unknown; snake?: boolean } = {}) {
  const id = options.id ?? 'adk-1';
  const args = options.args ?? {
    functionCallId: 'call-1',
    authConfig: {
      authScheme: { type: 'oauth2', flows: { authorizationCode: { scopes: { 'docs.read': 'Read', 'docs.list': 'List' } } } },
      exchangedAuthCredential: { authType: 'oauth2', oauth2: { authUri: AUTH_URI, state: 's' } },
    },
  };
  const key = options.snake ? 'long_running_tool_ids' : 'longRunningToolIds';
  return {
    author: 'agent',
    [key]: options.longRunning ?? [id],
    content: { role: 'user', parts: [{ functionCall: { id, name: 'adk_request_credential', args } }] },
  };
}
const toolResponse = (id: string) => ({
  author: 'agent',
  content: { role: 'user', parts: [{ functionResponse: { id, name: 'read_document', response: { ok: true } } }] },
});
const text = (value: string) => ({ author: 'agent', content: { role: 'model', parts: [{ text: value }] } });
const fold = (events: unknown[]): Answer =>
  events.flatMap((event) => chunksFromFrame(JSON.stringify(event))).reduce(applyChunk, EMPTY_ANSWER);

const CONSOLE = 'https://console.example';
/** A console whose pool or agent runs on this computer (the local stack), and one with both in the cloud. */
const LOCAL = consentContextFor({ issuer: 'http://127.0.0.1:8083', agentEndpoint: '/agent' }, 'http://127.0.0.1:8082');
const CLOUD = consentContextFor({ issuer: 'https://userpool-1.userpool.auth.id.cn-beijing.volces.com', agentEndpoint: '/agent' }, CONSOLE);

describe('the consent page address (agent output, untrusted)', () => {
  it.each([
    ['https://auth.example.com/x?y=1', 'auth.example.com'],
    ['http://127.0.0.1:8000/consent/abc', '127.0.0.1:8000'],
    ['http://localhost:9/c', 'localhost:9'],
    ['http://[::1]:8000/c', '[::1]:8000'],
    ['https://bücher.example/', 'xn--bcher-kva.example'],
  ])('opens %s, naming the host %s (local stack)', (value, host) => {
    expect(checkConsentUrl(value, LOCAL)).toMatchObject({ ok: true, host });
  });

  it.each([
    [undefined, 'missing'],
    ['  ', 'missing'],
    ['not a url', 'malformed'],
    ['/consent/relative', 'malformed'],
    [`https://a.example/${'x'.repeat(9000)}`, 'malformed'],
    ['javascript:alert(document.domain)', 'scheme'],
    ['java\tscript:alert(1)', 'scheme'],
    ['data:text/html,<script>alert(1)</script>', 'scheme'],
    ['ftp://files.example/', 'scheme'],
    ['http://auth.example.com/consent', 'insecure'],
    ['http://127.0.0.1.attacker.example/', 'insecure'],
  ])('refuses %j (%s)', (value, reason) => {
    expect(checkConsentUrl(value, LOCAL)).toMatchObject({ ok: false, reason });
  });

  it('allows plain http on loopback only when the configured pool or agent is itself on loopback', () => {
    expect(checkConsentUrl('http://127.0.0.1:8000/consent/abc', CLOUD)).toMatchObject({ ok: false, reason: 'insecure' });
    expect(checkConsentUrl('http://localhost:9/c', CLOUD)).toMatchObject({ ok: false, reason: 'insecure' });
    expect(checkConsentUrl('https://127.0.0.1:8443/c', CLOUD)).toMatchObject({ ok: true });
    const cloudPoolLocalAgent = consentContextFor({ issuer: 'https://pool.example', agentEndpoint: 'http://localhost:8000' }, CONSOLE);
    expect(checkConsentUrl('http://127.0.0.1:8000/consent/abc', cloudPoolLocalAgent)).toMatchObject({ ok: true });
    const localPoolCloudAgent = consentContextFor({ issuer: 'http://[::1]:8083', agentEndpoint: 'https://gw.example' }, CONSOLE);
    expect(checkConsentUrl('http://127.0.0.1:8000/consent/abc', localPoolCloudAgent)).toMatchObject({ ok: true });
  });

  it('follows the configuration the app sets', () => {
    setConsentContext({ issuer: 'https://pool.example', agentEndpoint: 'https://gw.example' }, CONSOLE);
    expect(checkConsentUrl('http://127.0.0.1:8000/consent/abc')).toMatchObject({ ok: false, reason: 'insecure' });
    expect(checkConsentUrl(`${CONSOLE}/agent/consent`)).toMatchObject({ ok: false, reason: 'own-origin' });
    setConsentContext({ issuer: 'http://127.0.0.1:8083', agentEndpoint: '/agent' }, 'http://127.0.0.1:8082');
    expect(checkConsentUrl('http://127.0.0.1:8000/consent/abc')).toMatchObject({ ok: true });
  });

  it.each([`${CONSOLE}/callback?code=x&state=y`, `${CONSOLE}/agent/consent/abc`, 'https://CONSOLE.example:443/debugger'])(
    'never opens the console’s own origin, where the page would run as the console: %s',
    (value) => {
      expect(checkConsentUrl(value, CLOUD)).toMatchObject({ ok: false, reason: 'own-origin', host: 'console.example' });
    },
  );

  it('refuses the local console’s own origin even where loopback http is allowed', () => {
    expect(checkConsentUrl('http://127.0.0.1:8082/callback', LOCAL)).toMatchObject({ ok: false, reason: 'own-origin' });
    expect(checkConsentUrl('http://127.0.0.1:8000/consent', LOCAL)).toMatchObject({ ok: true });
  });
});

describe('the consent popup', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('opens with noopener, so it gets no reference to the console and no copy of its sessionStorage', () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    // With noopener the browser never hands back the window: the caller cannot tell a blocked popup from an open one.
    expect(openConsentPopup('https://consent.example/ask')).toBe(false);
    const features = String(open.mock.calls[0][2]).split(',');
    expect(features).toContain('noopener');
    expect(features).toContain('popup=yes');
  });
});

describe('an adk_request_credential event', () => {
  it('becomes an authorization request naming the tool that waits, its address and its scopes', () => {
    expect(chunksFromFrame(JSON.stringify(requestEvent()))).toEqual([
      { type: 'auth-request', request: { id: 'adk-1', toolCallId: 'call-1', authUri: AUTH_URI, scopes: ['docs.read', 'docs.list'] } },
    ]);
  });

  it('reads snake_case too, and scopes from an OpenID scheme or from the address', () => {
    const args = {
      function_call_id: 'call-9',
      auth_config: {
        provider_name: 'feishu',
        auth_scheme: { type: 'openIdConnect', scopes: ['openid', 'docs'] },
        exchanged_auth_credential: { auth_type: 'oauth2', oauth2: { auth_uri: AUTH_URI } },
      },
    };
    expect(chunksFromFrame(JSON.stringify(requestEvent({ args, snake: true })))).toEqual([
      {
        type: 'auth-request',
        request: { id: 'adk-1', toolCallId: 'call-9', authUri: AUTH_URI, provider: 'feishu', scopes: ['openid', 'docs'] },
      },
    ]);
    const fromUrl = credentialRequest('x', { authConfig: { exchangedAuthCredential: { oauth2: { authUri: AUTH_URI } } } });
    expect(fromUrl.scopes).toEqual(['docx:read', 'wiki:read']);
  });

  it('keeps a missing or odd address for the card to refuse, and never reads inherited properties', () => {
    expect(credentialRequest('x', {}).authUri).toBeUndefined();
    expect(credentialRequest('x', { authConfig: { exchangedAuthCredential: { oauth2: { authUri: 42 } } } }).authUri).toBe('42');
    const inherited = JSON.parse(
      '{"__proto__": {"authConfig": {"exchangedAuthCredential": {"oauth2": {"authUri": "https://evil.example"}}}}}',
    );
    expect(credentialRequest('x', inherited).authUri).toBeUndefined();
  });

  it('stays a plain tool call when its id is not among the long-running ones', () => {
    const [chunk] = chunksFromFrame(JSON.stringify(requestEvent({ longRunning: ['other'] })));
    expect(chunk).toMatchObject({ type: 'tool-call', name: 'adk_request_credential' });
  });
});

describe('the authorization card in an answer', () => {
  it('waits, then says authorized when the waiting tool responds', () => {
    const waiting = fold([requestEvent()]);
    expect(waiting.parts).toMatchObject([{ kind: 'authorization', authorized: false }]);
    const other = fold([requestEvent(), toolResponse('call-unrelated')]);
    expect(other.parts[0]).toMatchObject({ kind: 'authorization', authorized: false });
    const answered = fold([requestEvent(), toolResponse('call-1'), text('Done.')]);
    expect(answered.parts.map((part) => part.kind)).toEqual(['authorization', 'tool-result', 'text']);
    expect(answered.parts[0]).toMatchObject({ authorized: true });
  });

  it('also counts a response to the credential request itself', () => {
    expect(fold([requestEvent(), toolResponse('adk-1')]).parts[0]).toMatchObject({ authorized: true });
  });

  it('appears in a JSON answer that is a list of events', () => {
    const answer = applyChunk(EMPTY_ANSWER, { type: 'json', value: [requestEvent(), toolResponse('call-1'), text('The summary.')] });
    expect(answer.parts).toMatchObject([
      { kind: 'authorization', authorized: true },
      { kind: 'tool-result' },
      { kind: 'text', text: 'The summary.' },
    ]);
    expect(applyChunk(EMPTY_ANSWER, { type: 'json', value: [1, 2] }).parts).toEqual([{ kind: 'json', value: [1, 2] }]);
  });
});

describe('the call log', () => {
  const chunks = (event: unknown) => chunksFromFrame(JSON.stringify(event));

  it('marks a call that waited for authorization, with how long', () => {
    const log = new CallLog();
    const id = log.start({ replay: false });
    for (const chunk of chunks(requestEvent())) log.observe(chunk, 1_000);
    expect(log.getItems()[0].authorization).toMatchObject({ since: 1_000, authorized: false });
    expect(log.getItems()[0].authorization?.waitedMs).toBeUndefined();
    for (const chunk of chunks(toolResponse('call-1'))) log.observe(chunk, 4_500);
    log.update(id, { outcome: 'ok' });
    expect(log.getItems()[0].authorization).toMatchObject({ waitedMs: 3_500, authorized: true });
  });

  it('closes the wait when the call ends without the consent', () => {
    const log = new CallLog();
    const id = log.start({ replay: false });
    for (const chunk of chunks(requestEvent())) log.observe(chunk, Date.now() - 2_000);
    log.update(id, { outcome: 'failed' });
    const { authorization } = log.getItems()[0];
    expect(authorization?.authorized).toBe(false);
    expect(authorization?.waitedMs).toBeGreaterThanOrEqual(2_000);
  });

  it('leaves calls without a consent request unmarked', () => {
    const log = new CallLog();
    const id = log.start({ replay: false });
    for (const chunk of chunks(text('hello'))) log.observe(chunk);
    log.update(id, { outcome: 'ok' });
    expect(log.getItems()[0].authorization).toBeUndefined();
  });
});

describe("ADK's own credential request (requestCredential)", () => {
  /** What ADK streams: the request (outer keys snake_case), then the waiting tool's placeholder naming it in actions. */
  const adkRequest = {
    author: 'local_agent',
    longRunningToolIds: ['adk-9'],
    content: {
      role: 'user',
      parts: [
        {
          functionCall: {
            id: 'adk-9',
            name: 'adk_request_credential',
            args: { function_call_id: 'tool-9', auth_config: { exchangedAuthCredential: { oauth2: { authUri: AUTH_URI } } } },
          },
        },
      ],
    },
  };
  const placeholder = {
    author: 'local_agent',
    content: { role: 'user', parts: [{ functionResponse: { id: 'tool-9', name: 'read_document', response: { status: 'pending' } } }] },
    actions: { requestedAuthConfigs: { 'tool-9': { exchangedAuthCredential: {} } } },
  };

  it('the placeholder response is no grant: the card still waits, and then says to authorize and ask again', () => {
    const answer = fold([adkRequest, placeholder]);
    const card = answer.parts.find((part) => part.kind === 'authorization');
    expect(card).toMatchObject({ kind: 'authorization', authorized: false, request: { toolCallId: 'tool-9', authUri: AUTH_URI } });
  });

  it('the tool answering once the credential came is the grant', () => {
    const answer = fold([adkRequest, placeholder, toolResponse('tool-9'), text('The document says…')]);
    expect(answer.parts.find((part) => part.kind === 'authorization')).toMatchObject({ authorized: true });
  });
});
