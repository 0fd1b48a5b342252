import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';

/**
 * A tiny real issuer for the debugger: a discovery document and a JWKS whose key the test can rotate,
 * with open CORS like a public key server. It records every path asked for.
 */
export async function startKeyServer() {
  let generation = 0;
  let current = await newKey();
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://key-server').pathname;
    requests.push(path);
    response.setHeader('access-control-allow-origin', '*');
    response.setHeader('content-type', 'application/json');
    if (path === '/.well-known/openid-configuration') {
      response.end(JSON.stringify({ issuer: origin, jwks_uri: `${origin}/keys` }));
    } else if (path === '/keys') {
      response.end(JSON.stringify({ keys: [current.publicJwk] }));
    } else {
      response.statusCode = 404;
      response.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function newKey() {
    generation += 1;
    const kid = `rotating-key-${generation}`;
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
  }

  return {
    origin,
    discoveryUrl: `${origin}/.well-known/openid-configuration`,
    requests,
    kid: () => current.kid,
    /** Replaces the published key: tokens of the old key no longer verify, as after a pool's rotation. */
    rotate: async () => {
      current = await newKey();
    },
    sign: (payload: JWTPayload) =>
      new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: current.kid }).sign(current.privateKey),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
