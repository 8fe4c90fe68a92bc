import { browser } from 'wxt/browser';

/** Looks a message up by key with positional substitutions ($1…$9 in the locale files). */
export type MessageSource = (key: string, substitutions?: string[]) => string;

// wxt types getMessage with the literal keys of our catalogue; keys here are checked by the locale test instead.
type UntypedI18n = { getMessage(key: string, substitutions?: string[]): string };
let source: MessageSource = (key, substitutions) => (browser.i18n as unknown as UntypedI18n).getMessage(key, substitutions);
let locale: string | null = null;

type Substitution = string | number;

/**
 * Every visible string goes through here; a missing key shows the key, so a gap is noticed, not blank.
 * Substitutions may be passed as arguments or as one array: t('k', a, b) ≡ t('k', [a, b]).
 */
export function t(key: string, ...substitutions: (Substitution | readonly Substitution[])[]): string {
  const text = source(key, substitutions.flat().map(String));
  return text || key;
}

/** Tests (and the bench) replace the browser's catalogue with a fake one. */
export function setMessageSource(next: MessageSource, nextLocale = 'en'): void {
  source = next;
  locale = nextLocale;
  dateFormat = null;
  plurals = null;
}

/** The reader's UI language, e.g. "fr" or "en-US". */
export function uiLocale(): string {
  if (locale === null) {
    try {
      locale = browser.i18n.getUILanguage() || 'en';
    } catch {
      locale = 'en';
    }
  }
  return locale;
}

let dateFormat: Intl.DateTimeFormat | null = null;

/**
 * Formats an article date as it was published (the calendar date written in the ISO string, not shifted
 * to the reader's time zone), in the reader's locale. Returns "" for null or unreadable values.
 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const day = /^(\d{4}-\d{2}-\d{2})/.exec(iso)?.[1];
  if (!day) return '';
  const date = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return '';
  dateFormat ??= new Intl.DateTimeFormat(uiLocale(), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return dateFormat.format(date);
}

/** Formats a record timestamp (epoch ms) as a short local date. */
export function formatTimestamp(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '';
  return new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium' }).format(new Date(ms));
}

/** Formats a count in the reader's locale ("12 345" in French). */
export function formatCount(value: number): string {
  return new Intl.NumberFormat(uiLocale()).format(value);
}

let plurals: Intl.PluralRules | null = null;

/**
 * t() for a message about `count` things, `count` formatted as $1: the `<key>_one` message where the
 * reader's language uses the singular (1 in English; 0 and 1 in French), else `<key>`. The browsers'
 * i18n API has no plural forms, so each such message has both keys.
 */
export function tCount(key: string, count: number, ...more: Substitution[]): string {
  plurals ??= new Intl.PluralRules(uiLocale());
  return t(plurals.select(count) === 'one' ? `${key}_one` : key, formatCount(count), ...more);
}
