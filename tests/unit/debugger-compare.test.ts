import { describe, expect, it } from 'vitest';
import { compareTokens, MAX_COMPARED_ROWS } from '../../src/features/debugger/compare-claims.ts';

describe('two tokens compared', () => {
  it('puts the fields that differ first, absent ones included, header fields named as such', () => {
    const { rows, differing, more } = compareTokens(
      { header: { alg: 'RS256', kid: 'k1' }, payload: { sub: 'alice', exp: 100, aud: ['a'], scope: 'openid' } },
      { header: { alg: 'RS256', kid: 'k2' }, payload: { sub: 'alice', exp: 200, aud: ['a'], act: { sub: 'agent' } } },
    );
    expect(rows).toEqual([
      { name: 'exp', first: '100', second: '200', differs: true },
      { name: 'scope', first: 'openid', differs: true },
      { name: 'act', second: '{"sub":"agent"}', differs: true },
      { name: 'header.kid', first: 'k1', second: 'k2', differs: true },
      { name: 'sub', first: 'alice', second: 'alice', differs: false },
      { name: 'aud', first: '["a"]', second: '["a"]', differs: false },
      { name: 'header.alg', first: 'RS256', second: 'RS256', differs: false },
    ]);
    expect(differing).toBe(4);
    expect(more).toBe(0);
  });

  it('bounds what a hostile token can make it show', () => {
    const many = Object.fromEntries(Array.from({ length: 5_000 }, (_, index) => [`c${index}`, index]));
    const compared = compareTokens({ header: {}, payload: many }, { header: {}, payload: {} });
    expect(compared.rows).toHaveLength(MAX_COMPARED_ROWS);
    expect(compared.more).toBe(5_000 - MAX_COMPARED_ROWS);
    const long = compareTokens({ header: {}, payload: { big: 'x'.repeat(100_000) } }, { header: {}, payload: {} });
    expect(long.rows[0].first?.length).toBe(2_000);
    const proto = compareTokens({ header: {}, payload: JSON.parse('{"__proto__": 1}') }, { header: {}, payload: {} });
    expect(proto.rows).toEqual([{ name: '__proto__', first: '1', differs: true }]);
  });
});
