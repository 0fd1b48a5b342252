import { describe, expect, it } from 'vitest';
import { decodeToken } from '../../src/lib/jwt.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
const jwt = `${b64({ alg: 'RS256', kid: 'k' })}.${b64({ sub: 'ü-user', exp: 1 })}.c2ln`;

describe('decodeToken', () => {
  it('decodes header and claims, including UTF-8, and tolerates "Bearer ", quotes and whitespace', () => {
    expect(decodeToken(jwt)).toMatchObject({ kind: 'jwt', header: { alg: 'RS256' }, payload: { sub: 'ü-user' } });
    expect(decodeToken(`  Bearer "${jwt}"\n`)).toMatchObject({ kind: 'jwt' });
  });

  it('tells opaque tokens, JWEs and malformed input apart without throwing', () => {
    expect(decodeToken('opaque-refresh-token')).toEqual({ kind: 'opaque' });
    expect(decodeToken('a.b.c.d.e').kind).toBe('jwe');
    expect(decodeToken('')).toEqual({ kind: 'invalid', reason: 'empty' });
    expect(decodeToken('a.b')).toEqual({ kind: 'invalid', reason: 'parts' });
    expect(decodeToken('%%%.e30.x')).toEqual({ kind: 'invalid', reason: 'base64', part: 'header' });
    expect(decodeToken(`${b64({ alg: 'none' })}.${btoa('{oops')}.x`)).toEqual({ kind: 'invalid', reason: 'json', part: 'payload' });
    expect(decodeToken(`${b64({ alg: 'none' })}.${b64([1, 2])}.x`)).toEqual({ kind: 'invalid', reason: 'not-object', part: 'payload' });
    expect(decodeToken('x'.repeat(1_000_000))).toEqual({ kind: 'invalid', reason: 'too-large' });
  });
});
