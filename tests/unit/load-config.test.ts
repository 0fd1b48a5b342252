import { describe, expect, it } from 'vitest';
import { earlyConfigRead, loadConfig } from '../../src/config/load-config.ts';

const BUILD = {
  OAUTH2_ISSUER_URI: 'http://127.0.0.1:8083',
  OAUTH2_CLIENT_ID: 'agent-console',
  AGENT_ENDPOINT: '/agent',
  AGENT_NAME: 'Built',
};
const ORIGIN = 'http://127.0.0.1:8082';

function serve(body: string, init: ResponseInit = {}): typeof fetch {
  return async () => new Response(body, init);
}

function load(fetchImpl: typeof fetch, buildConfig: Record<string, string> = BUILD) {
  return loadConfig({ buildConfig, configUrl: '/config.json', origin: ORIGIN, fetchImpl });
}

describe('loadConfig', () => {
  it('uses the build-time values when config.json is absent (404)', async () => {
    const { result } = await load(serve('not found', { status: 404 }));
    expect(result).toMatchObject({ ok: true, config: { agentName: 'Built' } });
  });

  it('treats an SPA fallback answering index.html as "no config.json"', async () => {
    const { result } = await load(serve('<!doctype html><html></html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    expect(result).toMatchObject({ ok: true, config: { agentName: 'Built' } });
  });

  it('lets config.json override build-time values', async () => {
    const { result } = await load(serve(JSON.stringify({ AGENT_NAME: 'Runtime', AGENT_ENDPOINT: 'https://agent.example.com' })));
    expect(result).toMatchObject({ ok: true, config: { agentName: 'Runtime', agentEndpoint: 'https://agent.example.com' } });
  });

  it('reports malformed, non-object, failing and unreachable config.json', async () => {
    const messages = async (fetchImpl: typeof fetch) => {
      const { result } = await load(fetchImpl);
      return result.ok ? [] : result.problems.map((problem) => problem.message);
    };
    expect(await messages(serve('{"AGENT_NAME": '))).toEqual(['config.fileMalformed']);
    expect(await messages(serve('["a"]'))).toEqual(['config.fileNotObject']);
    expect(await messages(serve('oops', { status: 500 }))).toEqual(['config.fileStatus']);
    expect(
      await messages(async () => {
        throw new TypeError('Failed to fetch');
      }),
    ).toEqual(['config.fileUnreachable']);
  });

  it('gives up on a host that never answers, naming the deadline', async () => {
    const stalled: typeof fetch = () => new Promise<Response>(() => {}); // ignores even the abort signal
    const { result } = await loadConfig({
      buildConfig: BUILD,
      configUrl: '/config.json',
      origin: ORIGIN,
      fetchImpl: stalled,
      deadlineMs: 20,
    });
    expect(result).toEqual({ ok: false, problems: [{ key: 'config.json', message: 'config.fileTimeout', params: { seconds: 0.02 } }] });
  });

  it('gives up on a body that stalls after the headers', async () => {
    const stalledBody: typeof fetch = async () =>
      new Response(new ReadableStream({ start: (controller) => controller.enqueue(new TextEncoder().encode('{')) }));
    const { result } = await loadConfig({
      buildConfig: BUILD,
      configUrl: '/config.json',
      origin: ORIGIN,
      fetchImpl: stalledBody,
      deadlineMs: 20,
    });
    expect(result.ok || result.problems.map((problem) => problem.message)).toEqual(['config.fileTimeout']);
  });

  it('ignores a client secret in config.json with a warning, and never exposes it', async () => {
    const loaded = await load(serve(JSON.stringify({ OAUTH2_CLIENT_SECRET: 'shh' })));
    expect(loaded.warnings.map((warning) => warning.message)).toEqual(['config.secretIgnored']);
    expect(JSON.stringify(loaded)).not.toContain('shh');
  });
});

describe('config.json read by public/config-read.js while the bundle loads', () => {
  const never: typeof fetch = () => Promise.reject(new Error('fetched again'));
  const loadEarly = (early: unknown) =>
    loadConfig({ buildConfig: BUILD, configUrl: '/config.json', origin: ORIGIN, fetchImpl: never, early: earlyConfigRead(early) });

  it('is taken over instead of fetching config.json a second time', async () => {
    const { result } = await loadEarly(Promise.resolve({ status: 200, contentType: 'application/json', text: '{"AGENT_NAME":"Early"}' }));
    expect(result).toMatchObject({ ok: true, config: { agentName: 'Early' } });
  });

  it('keeps every check: an HTTP error, an SPA fallback, a failed read, the deadline', async () => {
    const status = await loadEarly(Promise.resolve({ status: 500, contentType: 'text/plain', text: 'oops' }));
    expect(status.result).toMatchObject({ ok: false, problems: [{ message: 'config.fileStatus', params: { status: 500 } }] });
    const html = await loadEarly(Promise.resolve({ status: 200, contentType: 'text/html', text: '<!doctype html>' }));
    expect(html.result).toMatchObject({ ok: true, config: { agentName: 'Built' } });
    const failed = await loadEarly(Promise.reject(new TypeError('Failed to fetch')));
    expect(failed.result).toMatchObject({ ok: false, problems: [{ message: 'config.fileUnreachable' }] });
    const hung = await loadConfig({
      buildConfig: BUILD,
      configUrl: '/config.json',
      origin: ORIGIN,
      early: new Promise(() => {}),
      deadlineMs: 20,
    });
    expect(hung.result).toMatchObject({ ok: false, problems: [{ message: 'config.fileTimeout' }] });
  });

  it('is fetched when the script did not run (nothing, or not a promise, on window)', async () => {
    const fetched: string[] = [];
    const fetchImpl: typeof fetch = async (input) => {
      fetched.push(String(input));
      return new Response('{"AGENT_NAME":"Fetched"}', { status: 200 });
    };
    for (const early of [undefined, 'forged', { status: 200 }]) {
      const { result } = await loadConfig({
        buildConfig: BUILD,
        configUrl: '/config.json',
        origin: ORIGIN,
        fetchImpl,
        early: earlyConfigRead(early),
      });
      expect(result).toMatchObject({ ok: true, config: { agentName: 'Fetched' } });
    }
    expect(fetched).toEqual(['/config.json', '/config.json', '/config.json']);
  });
});
