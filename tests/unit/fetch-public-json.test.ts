import { afterEach, describe, expect, it, vi } from 'vitest';
import { FetchFailed, fetchPublicJson } from '../../src/features/debugger/api/fetch-json.ts';
import { getDiscovery } from '../../src/features/debugger/api/get-discovery.ts';
import { getJwks } from '../../src/features/debugger/api/get-jwks.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

function serve(body: BodyInit) {
  const fetchMock = vi.fn(
    async (_url: string, _init: RequestInit) => new Response(body, { headers: { 'content-type': 'application/json' } }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('fetching a key server document', () => {
  it('sends no cookies, follows no redirect, and always carries a deadline', async () => {
    const fetchMock = serve('{"keys":[]}');
    await fetchPublicJson('https://pool.example/keys', undefined);
    const init = fetchMock.mock.calls[0][1];
    expect(init).toMatchObject({ credentials: 'omit', redirect: 'error', cache: 'no-store' });
    expect(init.signal).toBeInstanceOf(AbortSignal);
  });

  it('stops reading a body larger than a key server would send', async () => {
    serve(`{"keys":[],"padding":"${'x'.repeat(300 * 1024)}"}`);
    await expect(fetchPublicJson('https://pool.example/keys', undefined)).rejects.toBeInstanceOf(FetchFailed);
  });

  it('keeps only string issuer and an http(s) jwks_uri from a discovery document, and only objects as keys', async () => {
    serve('{"issuer":"https://pool.example","jwks_uri":"javascript:alert(1)"}');
    expect(await getDiscovery('https://pool.example/.well-known/openid-configuration')).toEqual({
      issuer: 'https://pool.example',
      jwksUri: undefined,
    });
    serve('{"keys":[{"kty":"RSA","kid":"a"},"junk",null]}');
    expect(await getJwks('https://pool.example/keys')).toEqual({ keys: [{ kty: 'RSA', kid: 'a' }] });
  });
});
