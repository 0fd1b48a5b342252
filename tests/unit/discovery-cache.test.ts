import { afterEach, describe, expect, it } from 'vitest';
import { DISCOVERY_CACHE_KEY, DISCOVERY_MAX_AGE_MS, readCachedDiscovery, saveDiscovery } from '../../src/features/auth/discovery-cache.ts';

const ISSUER = 'https://pool.example';
const DOCUMENT = {
  issuer: ISSUER,
  authorization_endpoint: `${ISSUER}/authorize`,
  token_endpoint: `${ISSUER}/oauth/token`,
  jwks_uri: `${ISSUER}/keys`,
};
const NOW = 1_800_000_000_000;

afterEach(() => sessionStorage.clear());

describe('the discovery document kept for the sign-in callback', () => {
  it('is read back for the same issuer moments after the sign-in fetched it', () => {
    saveDiscovery(sessionStorage, ISSUER, DOCUMENT, NOW);
    expect(readCachedDiscovery(sessionStorage, ISSUER, NOW + 30_000)).toEqual(DOCUMENT);
    expect(readCachedDiscovery(sessionStorage, `${ISSUER}/`, NOW + 30_000)).toEqual(DOCUMENT);
  });

  it('is not used once stale, nor with a clock that went backwards', () => {
    saveDiscovery(sessionStorage, ISSUER, DOCUMENT, NOW);
    expect(readCachedDiscovery(sessionStorage, ISSUER, NOW + DISCOVERY_MAX_AGE_MS)).toBeUndefined();
    expect(readCachedDiscovery(sessionStorage, ISSUER, NOW - 1)).toBeUndefined();
  });

  it('is not used for another pool (config.json changed meanwhile)', () => {
    saveDiscovery(sessionStorage, ISSUER, DOCUMENT, NOW);
    expect(readCachedDiscovery(sessionStorage, 'https://other-pool.example', NOW)).toBeUndefined();
  });

  it('is never saved when it names another issuer than the configured one', () => {
    saveDiscovery(sessionStorage, ISSUER, { ...DOCUMENT, issuer: 'https://attacker.example' }, NOW);
    expect(sessionStorage.getItem(DISCOVERY_CACHE_KEY)).toBeNull();
  });

  it('refuses an entry whose endpoints are not http(s) URLs, and one that is not JSON', () => {
    const hostile = { savedAt: NOW, document: { ...DOCUMENT, token_endpoint: 'javascript:alert(1)' } };
    sessionStorage.setItem(DISCOVERY_CACHE_KEY, JSON.stringify(hostile));
    expect(readCachedDiscovery(sessionStorage, ISSUER, NOW)).toBeUndefined();
    sessionStorage.setItem(
      DISCOVERY_CACHE_KEY,
      JSON.stringify({ savedAt: NOW, document: { ...DOCUMENT, end_session_endpoint: 'data:,x' } }),
    );
    expect(readCachedDiscovery(sessionStorage, ISSUER, NOW)).toBeUndefined();
    sessionStorage.setItem(DISCOVERY_CACHE_KEY, '{not json');
    expect(readCachedDiscovery(sessionStorage, ISSUER, NOW)).toBeUndefined();
  });
});
