import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { formatDate, setMessageSource, t } from '@/components/i18n';
import { useLocale } from './helpers';

describe('i18n', () => {
  afterEach(() => useLocale('en'));

  it('substitutes arguments given one by one or as an array', () => {
    useLocale('en');
    expect(t('ratingStars', 3)).toBe('3 stars');
    expect(t('crawlCounts', [1, 2, 3])).toBe('1 pages fetched, 2 articles indexed, 3 queued');
  });

  it('shows the key when a message is missing, never an empty string', () => {
    setMessageSource(() => '');
    expect(t('noSuchKey')).toBe('noSuchKey');
  });

  it('formats article dates as published, in the reader locale', () => {
    useLocale('fr');
    expect(formatDate('2009-01-31T23:30:00-05:00')).toBe('31 janvier 2009');
    useLocale('en');
    expect(formatDate('2009-01-31T23:30:00+01:00')).toBe('January 31, 2009');
    expect(formatDate(null)).toBe('');
    expect(formatDate('garbage')).toBe('');
  });

  it('every key used by the UI exists in both locales with the same placeholders', () => {
    const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;
    const fr = JSON.parse(readFileSync('public/_locales/fr/messages.json', 'utf8')) as Record<string, { message: string }>;
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      const placeholders = (text: string) => (text.match(/\$[1-9]/g) ?? []).sort().join();
      expect(placeholders(fr[key]!.message), key).toBe(placeholders(en[key]!.message));
    }
  });
});
