import { describe, expect, it } from 'vitest';
import { claimRows } from '../../src/features/token/format-claims.ts';
import { formatDuration, formatRelative } from '../../src/lib/time.ts';

describe('claim formatting', () => {
  const now = Date.UTC(2026, 10, 29, 12, 0, 0);

  it('formats durations for humans', () => {
    expect(formatDuration(5)).toBe('5 sec');
    expect(formatDuration(65)).toBe('1 min 5 sec');
    expect(formatDuration(35_999)).toBe('9 hr 59 min');
    expect(formatDuration(90_000)).toBe('1 day 1 hr');
  });

  it('says times relative to now, both ways', () => {
    expect(formatRelative(now / 1000 + 36_000, now)).toBe('in 10 hr 0 min');
    expect(formatRelative(now / 1000 - 180, now)).toBe('3 min 0 sec ago');
    expect(formatRelative(now / 1000, now)).toBe('now');
  });

  it('puts iss, aud, client_id and sub first and highlighted, then every other claim', () => {
    const rows = claimRows(
      { jti: 'j', sub: 's', exp: now / 1000 + 60, iss: 'i', aud: ['c1', 'c2'], client_id: 'c1', scope: 'openid' },
      now,
    );
    expect(rows.map((row) => row.name)).toEqual(['iss', 'aud', 'client_id', 'sub', 'jti', 'exp', 'scope']);
    expect(rows.filter((row) => row.key).map((row) => row.name)).toEqual(['iss', 'aud', 'client_id', 'sub']);
    expect(rows[1].text).toBe('c1, c2');
    expect(rows.find((row) => row.name === 'exp')?.time?.relative).toBe('in 1 min 0 sec');
    expect(rows.find((row) => row.name === 'exp')?.time?.local).toMatch(/^Nov 29, 2026, \d\d:01:00$/);
  });

  it('shows non-string values as JSON', () => {
    const rows = claimRows({ exp: 'soon', cnf: { jkt: 'x' } }, now);
    expect(rows[0].text).toBe('soon');
    expect(rows[1].text).toBe('{"jkt":"x"}');
  });

  it('says "not a valid time" for time claims no Date can hold, instead of throwing', () => {
    for (const exp of [1e20, -1e20, 'NaN', 'soon', 8.64e12 + 1, null]) {
      const [row] = claimRows({ exp }, now);
      expect(row.time, String(exp)).toBeUndefined();
      expect(row.invalidTime, String(exp)).toBe(true);
    }
    const [edge] = claimRows({ exp: 8.64e12 }, now);
    expect(edge.time?.iso).toBe('+275760-09-13T00:00:00.000Z');
  });

  it('lists claims named like Object.prototype members as plain claims', () => {
    const payload = JSON.parse('{"__proto__": {"x": 1}, "constructor": "c", "toString": 5, "sub": "s"}') as Record<string, unknown>;
    const rows = claimRows(payload, now);
    expect(rows.map((row) => [row.name, row.text])).toEqual([
      ['sub', 's'],
      ['__proto__', '{"x":1}'],
      ['constructor', 'c'],
      ['toString', '5'],
    ]);
  });
});
