import { uiLocale } from '../i18n';

// Record timestamps and durations in the reader's locale (the one browser.i18n picked the catalogue for).

function valid(value: number | null): Date | null {
  if (value === null) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Epoch milliseconds as a local date and time; '' for null or an invalid value. */
export function formatDateTime(value: number | null): string {
  const date = valid(value);
  return date ? new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date) : '';
}

/** Epoch milliseconds as a long local date ("24 mars 2026"); '' for null or an invalid value. */
export function formatDay(value: number | null): string {
  const date = valid(value);
  return date ? new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'long' }).format(date) : '';
}

/** A remaining duration, rounded to what a person cares about: seconds, minutes or hours. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const [value, unit] = seconds < 90 ? [seconds, 'second'] : seconds < 90 * 60 ? [Math.round(seconds / 60), 'minute'] : [Math.round(seconds / 3600), 'hour'];
  return new Intl.NumberFormat(uiLocale(), { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** A size in bytes in the reader's locale: "850 kB", "12.4 MB", "77 GB" (powers of 1,000, as browsers show them). */
export function formatBytes(bytes: number): string {
  const [value, unit] = bytes < 1e6 ? [bytes / 1e3, 'kilobyte'] : bytes < 1e9 ? [bytes / 1e6, 'megabyte'] : [bytes / 1e9, 'gigabyte'];
  return new Intl.NumberFormat(uiLocale(), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}
