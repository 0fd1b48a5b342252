import { describe, expect, it } from 'vitest';
import { decodeToken, normaliseToken } from '../../src/lib/jwt.ts';

/** A small deterministic PRNG, so a failure names an input that can be replayed. */
function prng(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ "\'{}[]:,\n\t\u00e9\u4e16\ud83d\ude00\u0000';
const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const SEED_TOKEN = `${b64({ alg: 'RS256', typ: 'at+jwt', kid: 'k1' })}.${b64({ iss: 'https://pool', sub: 'u', exp: 2_000_000_000, aud: ['c'] })}.${b64('signature-bytes')}`;

function mutate(token: string, random: () => number): string {
  const chars = [...token];
  const edits = 1 + Math.floor(random() * 6);
  for (let edit = 0; edit < edits; edit++) {
    const at = Math.floor(random() * (chars.length + 1));
    const char = ALPHABET[Math.floor(random() * ALPHABET.length)];
    const kind = random();
    if (kind < 0.33) chars.splice(at, 1);
    else if (kind < 0.66) chars.splice(at, 0, char);
    else chars[at] = char;
  }
  return chars.join('');
}

function randomText(random: () => number): string {
  const length = Math.floor(random() * 300);
  return Array.from({ length }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('');
}

describe('decodeToken against 10,000 random and mutated inputs', () => {
  it('never throws and always says what it found', () => {
    const random = prng(20261129);
    const kinds = new Map<string, number>();
    for (let round = 0; round < 10_000; round++) {
      const input =
        round % 4 === 0
          ? randomText(random)
          : round % 4 === 1
            ? mutate(SEED_TOKEN, random)
            : round % 4 === 2
              ? `Bearer ${mutate(SEED_TOKEN, random)}`
              : `${b64(randomText(random))}.${b64(randomText(random))}.${randomText(random)}`;
      let decoded: ReturnType<typeof decodeToken>;
      try {
        decoded = decodeToken(input);
      } catch (error) {
        throw new Error(`decodeToken threw on round ${round}: ${JSON.stringify(input)}: ${String(error)}`);
      }
      expect(['jwt', 'jwe', 'opaque', 'invalid']).toContain(decoded.kind);
      if (decoded.kind === 'jwt') {
        expect(typeof decoded.header).toBe('object');
        expect(typeof decoded.payload).toBe('object');
      }
      kinds.set(decoded.kind, (kinds.get(decoded.kind) ?? 0) + 1);
    }
    // the generator really reaches every outcome
    expect([...kinds.keys()].sort()).toEqual(['invalid', 'jwe', 'jwt', 'opaque'].filter((kind) => kinds.has(kind)).sort());
    expect(kinds.get('jwt')).toBeGreaterThan(100);
    expect(kinds.get('invalid')).toBeGreaterThan(100);
    // 10,000 inputs: room for a machine busy with the end-to-end suite (this is not a timing assertion).
  }, 60_000);

  it('decodes a token pasted with whitespace inside, as from a wrapped terminal', () => {
    const wrapped = `${SEED_TOKEN.slice(0, 30)}\n  ${SEED_TOKEN.slice(30)}`;
    expect(normaliseToken(wrapped)).toBe(SEED_TOKEN);
    expect(decodeToken(wrapped).kind).toBe('jwt');
  });
});
