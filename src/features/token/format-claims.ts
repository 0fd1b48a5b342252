import { formatLocalTime, formatRelative } from '../../lib/time.ts';

/** The claims the seed's test page points at: what the custom_jwt check and the agent look at. */
export const KEY_CLAIMS = ['iss', 'aud', 'client_id', 'sub'] as const;
export const TIME_CLAIMS = new Set(['exp', 'iat', 'nbf', 'auth_time', 'updated_at']);

export interface ClaimRow {
  name: string;
  text: string;
  /** Local time and relative time, for time claims. */
  time?: { local: string; relative: string };
  key: boolean;
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(', ');
  return JSON.stringify(value);
}

/** Key claims first in their fixed order, then every other claim as the token has them. */
export function claimRows(payload: Record<string, unknown>, nowMs: number): ClaimRow[] {
  const keyNames: readonly string[] = KEY_CLAIMS;
  const names = [...KEY_CLAIMS.filter((name) => name in payload), ...Object.keys(payload).filter((name) => !keyNames.includes(name))];
  return names.map((name) => {
    const value = payload[name];
    const isTime = TIME_CLAIMS.has(name) && typeof value === 'number' && Number.isFinite(value);
    return {
      name,
      text: formatValue(value),
      key: keyNames.includes(name),
      ...(isTime ? { time: { local: formatLocalTime(value), relative: formatRelative(value, nowMs) } } : {}),
    };
  });
}
