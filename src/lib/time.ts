import { getLanguage, t } from '../i18n/index.ts';

/** The Date range (±8.64e15 ms): a claim like exp 1e20 is a number, but no moment a Date can hold. */
const MAX_DATE_MS = 8.64e15;

/** The moment a NumericDate claim (seconds) names, or undefined when the value is no time at all. */
export function dateOfClaim(value: unknown): Date | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value * 1000) > MAX_DATE_MS) return undefined;
  return new Date(value * 1000);
}

type Unit = 'day' | 'hour' | 'minute' | 'second';

/** Building an Intl formatter costs far more than using one: each is made once per language and options. */
const formatters = new Map<string, unknown>();
function formatter<T>(kind: string, options: object, make: (language: string) => T): T {
  const key = `${kind}|${getLanguage()}|${JSON.stringify(options)}`;
  let made = formatters.get(key) as T | undefined;
  if (made === undefined) {
    made = make(getLanguage());
    formatters.set(key, made);
  }
  return made;
}

/** Numbers written the active language's way (never the browser's locale when the reader chose another). */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  return formatter('number', options, (language) => new Intl.NumberFormat(language, options)).format(value);
}

function amount(value: number, unit: Unit): string {
  return formatNumber(value, { style: 'unit', unit, unitDisplay: 'short' });
}

/** A span in its two largest units, "9 hr 59 min" / "9小时59分钟", as Intl writes it in the active language. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.floor(Math.abs(totalSeconds));
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const pair = (first: string, second: string) =>
    formatter('list', {}, (language) => new Intl.ListFormat(language, { type: 'unit', style: 'narrow' })).format([first, second]);
  if (days > 0) return pair(amount(days, 'day'), amount(hours, 'hour'));
  if (hours > 0) return pair(amount(hours, 'hour'), amount(minutes, 'minute'));
  if (minutes > 0) return pair(amount(minutes, 'minute'), amount(rest, 'second'));
  return amount(rest, 'second');
}

/** "in 9 hr 59 min" / "9小时59分钟后"; Intl.RelativeTimeFormat takes one unit only, so the sentence comes from the catalogue. */
export function formatRelative(epochSeconds: number, nowMs: number): string {
  const delta = epochSeconds - nowMs / 1000;
  if (Math.abs(delta) < 1) {
    return formatter('relative', {}, (language) => new Intl.RelativeTimeFormat(language, { numeric: 'auto' })).format(0, 'second');
  }
  return delta > 0 ? t('time.in', { span: formatDuration(delta) }) : t('time.ago', { span: formatDuration(delta) });
}

/** A moment in the browser's time zone, written the active language's way ("Nov 29, 2026, 14:05:09" / "2026年11月29日 14:05:09"). */
export function formatLocalTime(epochSeconds: number): string {
  const date = dateOfClaim(epochSeconds);
  if (!date) return t('token.invalidTime');
  const options = { dateStyle: 'medium', timeStyle: 'medium', hourCycle: 'h23' } as const;
  return formatter('date', options, (language) => new Intl.DateTimeFormat(language, options)).format(date);
}

/**
 * A time of day, for the call log and the sign-in flow ("14:05:09"), in the browser's time zone. Both languages
 * write it the same way (24-hour, two digits each), so no Intl formatter is built for it: the first one a page
 * builds costs 50-200 ms on a slow machine, and the call log is drawn as the first answer streams.
 */
export function formatTimeOfDay(epochMs: number): string {
  const date = new Date(epochMs);
  if (Number.isNaN(date.getTime())) return '--:--:--';
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':');
}
