import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { verifySignature } from '../../src/features/debugger/verify-signature.ts';
import { decodeToken } from '../../src/lib/jwt.ts';

async function signed(alg: string) {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const token = await new SignJWT({ sub: 'u' }).setProtectedHeader({ alg, kid: `${alg}-key` }).sign(privateKey);
  return { token, jwk: { ...(await exportJWK(publicKey)), kid: `${alg}-key`, alg } };
}

function header(token: string) {
  const decoded = decodeToken(token);
  if (decoded.kind !== 'jwt') throw new Error('not a jwt');
  return decoded.header;
}

describe('verifySignature with a pasted key', () => {
  for (const alg of ['RS256', 'PS256', 'ES256', 'EdDSA']) {
    it(`verifies ${alg} and refuses the same token with one changed signature character`, async () => {
      const { token, jwk } = await signed(alg);
      const source = { kind: 'pasted' as const, text: JSON.stringify({ keys: [jwk] }) };
      expect(await verifySignature(token, header(token), source)).toMatchObject({ status: 'verified', alg, kid: `${alg}-key` });
      const [h, p, s] = token.split('.');
      const tampered = `${h}.${p}.${s[0] === 'A' ? 'B' : 'A'}${s.slice(1)}`;
      expect((await verifySignature(tampered, header(tampered), source)).status).toBe('invalid');
    });
  }

  it('says which problem it is: no key with the kid, alg none, a symmetric alg, an unusable key', async () => {
    const { token, jwk } = await signed('RS256');
    const other = await signed('RS256');
    expect(
      (await verifySignature(token, header(token), { kind: 'pasted', text: JSON.stringify({ keys: [{ ...other.jwk, kid: 'other' }] }) }))
        .status,
    ).toBe('no-key');
    expect((await verifySignature(token, { alg: 'none' }, { kind: 'pasted', text: JSON.stringify(jwk) })).status).toBe('alg-none');
    expect(await verifySignature(token, { alg: 'HS256' }, { kind: 'pasted', text: JSON.stringify(jwk) })).toEqual({
      status: 'unsupported',
      alg: 'HS256',
    });
    expect((await verifySignature(token, header(token), { kind: 'pasted', text: 'not a key' })).status).toBe('bad-key');
  });

  it('verifies against a fetched JWKS, and says "no-key" for a kid the set lacks', async () => {
    const { token, jwk } = await signed('RS256');
    const url = 'https://pool.example/keys';
    expect(await verifySignature(token, header(token), { kind: 'jwks', jwks: { keys: [jwk] }, url })).toMatchObject({
      status: 'verified',
      source: url,
    });
    const other = await signed('ES256');
    expect(await verifySignature(token, header(token), { kind: 'jwks', jwks: { keys: [other.jwk] }, url })).toMatchObject({
      status: 'no-key',
      kid: 'RS256-key',
    });
  });
});
