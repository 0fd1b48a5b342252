import { t } from '../i18n/index.ts';

/** The Date range (±8.64e15 ms): a claim like exp 1e20 is a number, but no moment a Date can hold. */
const MAX_DATE_MS = 8.64e15;

/** The moment a NumericDate claim (seconds) names, or undefined when the value is no time at all. */
export function dateOfClaim(value: unknown): Date | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value * 1000) > MAX_DATE_MS) return undefined;
  return new Date(value * 1000);
}

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

/** Callers pass a value dateOfClaim accepted; anything else reads as "Invalid Date" rather than throwing. */
export function formatLocalTime(epochSeconds: number): string {
  const date = dateOfClaim(epochSeconds);
  if (!date) return 'Invalid Date';
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
