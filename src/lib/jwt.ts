/** Decoding only: nothing here verifies a signature. Never throws, whatever the input. */
export type DecodedToken =
  | { kind: 'jwt'; header: Record<string, unknown>; payload: Record<string, unknown>; signature: string }
  | { kind: 'jwe'; header: Record<string, unknown> | undefined }
  | { kind: 'opaque' }
  | { kind: 'invalid'; reason: 'empty' | 'parts' | 'base64' | 'json' | 'not-object' | 'too-large'; part?: 'header' | 'payload' };

const MAX_TOKEN_CHARS = 64 * 1024;
const BASE64URL = /^[A-Za-z0-9_-]*={0,2}$/;

export function base64UrlEncode(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export function base64UrlDecode(segment: string): string | undefined {
  if (!BASE64URL.test(segment) || segment.length % 4 === 1) return undefined;
  try {
    const base64 = segment.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
    const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeObject(segment: string): { value: Record<string, unknown> } | { error: 'base64' | 'json' | 'not-object' } {
  const text = base64UrlDecode(segment);
  if (text === undefined) return { error: 'base64' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: 'json' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'not-object' };
  return { value: value as Record<string, unknown> };
}

/** Tolerates surrounding whitespace, quotes and a "Bearer " prefix, as pasted from logs and curl commands. */
export function normaliseToken(input: string): string {
  return input
    .trim()
    .replace(/^bearer\s+/i, '')
    .replace(/^(['"])(.*)\1$/s, '$2')
    .replace(/\s+/g, '');
}

export function decodeToken(input: string): DecodedToken {
  if (input.length > MAX_TOKEN_CHARS) return { kind: 'invalid', reason: 'too-large' };
  const token = normaliseToken(input);
  if (!token) return { kind: 'invalid', reason: 'empty' };
  const parts = token.split('.');
  if (parts.length === 1) return { kind: 'opaque' };
  if (parts.length === 5) {
    const header = decodeObject(parts[0]);
    return { kind: 'jwe', header: 'value' in header ? header.value : undefined };
  }
  if (parts.length !== 3) return { kind: 'invalid', reason: 'parts' };
  const header = decodeObject(parts[0]);
  if ('error' in header) return { kind: 'invalid', reason: header.error, part: 'header' };
  const payload = decodeObject(parts[1]);
  if ('error' in payload) return { kind: 'invalid', reason: payload.error, part: 'payload' };
  return { kind: 'jwt', header: header.value, payload: payload.value, signature: parts[2] };
}

export function claimsOf(token: string | undefined): Record<string, unknown> | undefined {
  if (!token) return undefined;
  const decoded = decodeToken(token);
  return decoded.kind === 'jwt' ? decoded.payload : undefined;
}
