import { dateOfClaim, formatLocalTime, formatRelative } from '../../lib/time.ts';

/** The claims the seed's test page points at: what the custom_jwt check and the agent look at. */
export const KEY_CLAIMS = ['iss', 'aud', 'client_id', 'sub'] as const;
export const TIME_CLAIMS = new Set(['exp', 'iat', 'nbf', 'auth_time', 'updated_at']);

export interface ClaimRow {
  name: string;
  text: string;
  /** Local, relative and ISO time, for time claims that hold a moment. */
  time?: { local: string; relative: string; iso: string };
  /** A time claim whose value is no moment (a string, 1e20): said plainly instead of guessed at. */
  invalidTime?: true;
  key: boolean;
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(', ');
  return JSON.stringify(value) ?? String(value);
}

function timeOf(name: string, value: unknown, nowMs: number): Pick<ClaimRow, 'time' | 'invalidTime'> {
  if (!TIME_CLAIMS.has(name)) return {};
  const date = dateOfClaim(value);
  if (!date) return { invalidTime: true };
  const seconds = value as number;
  return { time: { local: formatLocalTime(seconds), relative: formatRelative(seconds, nowMs), iso: date.toISOString() } };
}

/** Key claims first in their fixed order, then every other claim as the token has them. */
export function claimRows(payload: Record<string, unknown>, nowMs: number): ClaimRow[] {
  const keyNames: readonly string[] = KEY_CLAIMS;
  const names = [
    ...KEY_CLAIMS.filter((name) => Object.hasOwn(payload, name)),
    ...Object.keys(payload).filter((name) => !keyNames.includes(name)),
  ];
  return names.map((name) => {
    const value = payload[name];
    return { name, text: formatValue(value), key: keyNames.includes(name), ...timeOf(name, value, nowMs) };
  });
}
