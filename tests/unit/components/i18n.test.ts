import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { formatDate, setMessageSource, t, tCount } from '@/components/i18n';
import { useLocale } from './helpers';

describe('i18n', () => {
  afterEach(() => useLocale('en'));

  it('substitutes arguments given one by one or as an array', () => {
    useLocale('en');
    expect(t('ratingStars', 3)).toBe('3 stars');
    expect(t('listingIndexed', 1, 2)).toBe('1 of the 2 articles on this page are in the index.');
    expect(t('listingIndexed', [1, 2])).toBe('1 of the 2 articles on this page are in the index.');
  });

  it("counts take the singular where the reader's language does (1 in English; 0 and 1 in French)", () => {
    useLocale('en');
    expect([0, 1, 2, 1234].map((n) => tCount('indexCountNotes', n))).toEqual(['0 notes', '1 note', '2 notes', '1,234 notes']);
    expect(tCount('crawlErrors', 1)).toBe('1 error');
    expect(tCount('crawlPagesFetched', 1)).toBe('1 page fetched');
    useLocale('fr');
    expect([0, 1, 2].map((n) => tCount('indexCountArticles', n))).toEqual(['0 article indexé', '1 article indexé', '2 articles indexés']);
    expect(tCount('browseCount', 12345)).toBe('12\u202f345 articles dans l’index');
  });

  it('every count message has its singular form in both locales', () => {
    const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, unknown>;
    for (const key of ['indexCountArticles', 'indexCountNotes', 'browseCount', 'crawlErrors', 'crawlPagesFetched', 'optionsClearIndexDone']) {
      expect(en[key], key).toBeDefined();
      expect(en[`${key}_one`], `${key}_one`).toBeDefined();
    }
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
