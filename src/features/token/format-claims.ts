import { t } from '../../i18n/index.ts';

/** The claims the seed's test page points at: what the custom_jwt check and the agent look at. */
export const KEY_CLAIMS = ['iss', 'aud', 'client_id', 'sub'] as const;
export const TIME_CLAIMS = new Set(['exp', 'iat', 'nbf', 'auth_time', 'updated_at']);

export function formatDuration(totalSeconds: number): string {
  const seconds = Math.floor(Math.abs(totalSeconds));
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return `${minutes} min ${rest} s`;
  return `${rest} s`;
}

export function formatRelative(epochSeconds: number, nowMs: number): string {
  const delta = epochSeconds - nowMs / 1000;
  if (Math.abs(delta) < 1) return t('time.now');
  return delta > 0 ? t('time.in', { span: formatDuration(delta) }) : t('time.ago', { span: formatDuration(delta) });
}

export function formatLocalTime(epochSeconds: number): string {
  const date = new Date(epochSeconds * 1000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

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
