// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowseList } from '@/components/BrowseList';
import { IndexStatusCard } from '@/components/IndexStatusCard';
import { RecentNotes } from '@/components/RecentNotes';
import { SearchBox } from '@/components/SearchBox';
import type { ArticleRecord, CrawlStatus } from '@/lib/model';
import { ARTICLE_URL, fakeBackground, note, useLocale, withServices } from './helpers';

const crawl = (patch: Partial<CrawlStatus> = {}): CrawlStatus => ({
  state: 'idle',
  mode: null,
  pagesFetched: 0,
  articlesIndexed: 0,
  queued: 0,
  errors: 0,
  startedAt: null,
  updatedAt: null,
  etaMs: null,
  message: null,
  ...patch,
});
const record = (i: number): ArticleRecord => ({
  url: `https://www.securityvibes.fr/menaces/a-${i}/`,
  postId: i,
  title: `Titre ${i}`,
  author: null,
  category: null,
  tags: [],
  publishedAt: '2010-03-24T10:20:00+01:00',
  excerpt: '',
  tagsComplete: true,
  detail: 'article',
  firstSeenAt: 1,
  updatedAt: 1,
});

describe('popup dashboard components', () => {
  beforeEach(() => useLocale('en'));
  afterEach(cleanup);

  it('SearchBox queries notes and index as one types and lists hits as safe links', async () => {
    const fake = fakeBackground({
      'ui.search': ({ query }) => [
        { kind: 'note', url: ARTICLE_URL, title: `Hit for ${query}`, snippet: 'snip', score: 1, rating: 2, publishedAt: null },
        { kind: 'article', url: 'javascript:alert(1)', title: 'bad', snippet: '', score: 0.5, rating: null, publishedAt: null },
      ],
    });
    render(withServices(fake.services, <SearchBox />));
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search notes and index' }), { target: { value: ' phishing ' } });
    await waitFor(() => expect(screen.getByRole('list', { name: 'Search results' })).toBeTruthy());
    expect(fake.call).toHaveBeenCalledWith('ui.search', { query: 'phishing', limit: 20 });
    expect(screen.getByRole('link', { name: 'Hit for phishing' }).getAttribute('href')).toBe(ARTICLE_URL);
    expect(screen.queryByRole('link', { name: 'bad' })).toBeNull();
  });

  it('RecentNotes lists notes and reloads on bg.noteChanged', async () => {
    let notes = [{ ...note({ text: 'premier', rating: 4 }), title: 'Conficker', category: null, tags: [], hasNote: true, highlights: [] }];
    const fake = fakeBackground({ 'ui.recentNotes': () => notes });
    render(withServices(fake.services, <RecentNotes />));
    await waitFor(() => expect(screen.getByRole('link', { name: 'Conficker' })).toBeTruthy());
    notes = [];
    fake.emit({ event: 'bg.noteChanged', payload: { url: ARTICLE_URL, note: null } });
    await waitFor(() => expect(screen.getByText(/No notes yet/)).toBeTruthy());
  });

  it('IndexStatusCard shows the count, starts a full build and follows progress', async () => {
    const fake = fakeBackground({
      'ui.indexStatus': () => ({ articles: 1234, tags: 50, notes: 3, trash: 0, lastUpdatedAt: null }),
      'ui.crawlStatus': () => crawl(),
      'ui.crawlStart': ({ mode }) => crawl({ state: 'running', mode }),
    });
    render(withServices(fake.services, <IndexStatusCard />));
    await waitFor(() => expect(screen.getByText('1,234 articles indexed · 3 notes')).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Build index' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Build index' })).toBeNull());
    expect(fake.call).toHaveBeenCalledWith('ui.crawlStart', { mode: 'full' });
    fake.emit({ event: 'bg.crawlProgress', payload: { status: crawl({ state: 'running', pagesFetched: 12, articlesIndexed: 80, queued: 5 }) } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('12 pages fetched, 80 articles indexed, 5 queued'));
    fake.emit({ event: 'bg.indexChanged', payload: { articles: 1300 } });
    await waitFor(() => expect(screen.getByText('1,300 articles indexed · 3 notes')).toBeTruthy());
  });

  it('BrowseList pages through a tag', async () => {
    const all = Array.from({ length: 25 }, (_, i) => record(i + 1));
    const fake = fakeBackground({
      'ui.browse': ({ offset = 0, limit = 20 }) => ({ subject: { slug: 'ver', name: 'Ver' }, items: all.slice(offset, offset + limit), total: all.length }),
    });
    render(withServices(fake.services, <BrowseList by="tag" slug="ver" name="ver" />));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(20));
    expect(screen.getByRole('heading', { name: 'Tag: Ver' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(25));
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    expect(fake.call).toHaveBeenLastCalledWith('ui.browse', { by: 'tag', slug: 'ver', offset: 20, limit: 20 });
  });
});
