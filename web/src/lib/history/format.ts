// Formatting for the history: dates, clock times, durations, byte sizes, statuses and download file names. Pure.
import { assertNever } from '../common/index.ts';
import type { InterviewStatus } from '../storage/index.ts';

/** Options for dates and times; tests pin the time zone. */
export interface TimeOptions {
  /** An IANA time zone; the browser's own when absent. */
  timeZone?: string;
}

function parts(epochMs: number, options: TimeOptions): Record<string, string> {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: options.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return Object.fromEntries(format.formatToParts(new Date(epochMs)).map((part) => [part.type, part.value]));
}

/** "2025-03-04 14:05" (a sortable, unambiguous date and time). */
export function formatDateTime(epochMs: number, options: TimeOptions = {}): string {
  const p = parts(epochMs, options);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** "2025-03-04". */
export function formatDay(epochMs: number, options: TimeOptions = {}): string {
  const p = parts(epochMs, options);
  return `${p.year}-${p.month}-${p.day}`;
}

/** "14:05:09". */
export function formatTime(epochMs: number, options: TimeOptions = {}): string {
  const p = parts(epochMs, options);
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** "12 min", "1 h 5 min", "40 s" for a duration in milliseconds. */
export function formatLength(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** "1.5 MB" for a byte count. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 || value >= 10 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** A safe download name: "xquizit-senior-backend-engineer-acme-pay-2025-03-04.md". */
export function exportFileName(title: string, epochMs: number, extension: 'md' | 'json', options: TimeOptions = {}): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `xquizit-${slug ? `${slug}-` : ''}${formatDay(epochMs, options)}.${extension}`;
}

/** An interview's status in words. */
export function statusLabel(status: InterviewStatus): string {
  switch (status) {
    case 'in-progress':
      return 'In progress';
    case 'concluded':
      return 'Concluded';
    case 'failed':
      return 'Stopped by an error';
    default:
      return assertNever(status, 'status');
  }
}

/** Whether an interview can be continued from the history. */
export function canContinue(status: InterviewStatus): boolean {
  return status !== 'concluded';
}
