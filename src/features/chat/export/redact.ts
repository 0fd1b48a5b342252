/**
 * An export must never carry a token or an `Authorization` value, even one an agent echoed back inside an
 * answer: anything token-shaped is replaced wherever it appears (text, tool arguments, events).
 */

export const REDACTED = '[redacted]';

/** A JWT (three base64url parts, the first a JSON header: `eyJ`), however it is embedded. */
const JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
/** The value of an Authorization header or a bearer credential written out. */
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi;
/** Keys whose value is a credential, whatever it looks like. */
const SECRET_KEYS =
  /^(authorization|access_token|accessToken|refresh_token|refreshToken|id_token|idToken|client_secret|clientSecret|password|token)$/i;

/** `text` with every token-shaped part, and each of `known` (the session's own tokens), replaced. */
export function redactText(text: string, known: readonly string[] = []): string {
  let out = text;
  for (const token of known) if (token.length >= 16) out = out.split(token).join(REDACTED);
  return out.replace(JWT, REDACTED).replace(BEARER, (_match, scheme: string) => `${scheme} ${REDACTED}`);
}

/** A copy of a JSON value with every string redacted and credential-named keys' values replaced. */
export function redactValue(value: unknown, known: readonly string[] = [], depth = 0): unknown {
  if (typeof value === 'string') return redactText(value, known);
  if (typeof value !== 'object' || value === null) return value;
  if (depth > 64) return REDACTED; // values are bounded where they come in; this only keeps the walk finite
  if (Array.isArray(value)) return value.map((item) => redactValue(item, known, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const safeKey = redactText(key, known);
    const safeValue = SECRET_KEYS.test(key) && item !== null && item !== '' ? REDACTED : redactValue(item, known, depth + 1);
    Object.defineProperty(out, safeKey, { value: safeValue, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
