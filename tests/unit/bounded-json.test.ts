import { describe, expect, it } from 'vitest';
import { boundValue, DEEPER_MARKER, MORE_MARKER, safeStringify } from '../../src/lib/bounded-json.ts';

/** Valid JSON an agent can send: `levels` nested objects (JSON.parse takes it; JSON.stringify overflows). */
const deep = (levels: number) => JSON.parse(`${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`) as unknown;

describe('untrusted JSON values', () => {
  it('a value nested 6,000 levels deep is shown cut at 32 levels, where JSON.stringify throws', () => {
    const value = deep(6_000);
    expect(() => JSON.stringify(value)).toThrow(RangeError);
    const text = safeStringify(value);
    expect(text.startsWith('{"a":{"a":')).toBe(true);
    expect(text).toContain(DEEPER_MARKER);
    expect(text.match(/"a":/g)).toHaveLength(32);
  });

  it('keeps an ordinary value as it is', () => {
    const value = { city: 'Beijing', days: [1, 2, { rain: true, note: null }], __proto__x: 'kept' };
    expect(boundValue(value)).toEqual(value);
    expect(safeStringify(value, { indent: 2 })).toBe(JSON.stringify(value, null, 2));
  });

  it('leaves out entries past 5,000 values and cuts long strings, saying so in the value', () => {
    const list = Array.from({ length: 100_000 }, (_, index) => index);
    const bounded = boundValue(list) as unknown[];
    expect(bounded.length).toBeLessThan(5_002);
    expect(bounded.at(-1)).toBe(MORE_MARKER);
    expect((boundValue('x'.repeat(200_000)) as string).length).toBe(100_001);
  });

  it('never throws: a getter that throws, a value that is not JSON, a text past its length', () => {
    const hostile = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    expect(() => safeStringify(hostile)).not.toThrow();
    expect(safeStringify({ big: 10n as unknown, fn: () => 1, nan: Number.NaN })).toBe('{"big":null,"fn":null,"nan":null}');
    expect(safeStringify({ text: 'y'.repeat(1_000) }, { maxChars: 20 })).toBe(`${'{"text":"yyyyyyyyyyy'}…`);
  });

  it('keeps a "__proto__" key a plain key, as JSON.parse made it', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    const bounded = boundValue(value) as Record<string, unknown>;
    expect(Object.hasOwn(bounded, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
