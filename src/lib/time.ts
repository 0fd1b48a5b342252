import { t } from '../i18n/index.ts';

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
