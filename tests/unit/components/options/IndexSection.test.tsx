// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CrawlStatus, IndexStatus } from '@/lib/model';
import { IndexSection } from '@/components/options/IndexSection';
import { fakeBackground, fakeEvents, useLocale, withOptionsServices, type FakeHandlers } from './helpers';

beforeEach(() => useLocale('en'));
afterEach(cleanup);

const STATUS: IndexStatus = { articles: 2345, tags: 410, notes: 12, trash: 1, lastUpdatedAt: Date.UTC(2026, 10, 20, 9, 30) };
const IDLE: CrawlStatus = {
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
};
const running = (patch: Partial<CrawlStatus> = {}): CrawlStatus => ({
  ...IDLE,
  state: 'running',
  mode: 'full',
  pagesFetched: 40,
  articlesIndexed: 380,
  queued: 60,
  errors: 2,
  startedAt: 1,
  updatedAt: 2,
  etaMs: 5 * 60_000,
  ...patch,
});

function setup(extra: FakeHandlers = {}) {
  let crawl = IDLE;
  let status = STATUS;
  const transition = (state: CrawlStatus['state']) => () => (crawl = state === 'running' ? running() : { ...crawl, state });
  const bg = fakeBackground({
    'ui.indexStatus': () => status,
    'ui.crawlStatus': () => crawl,
    'ui.crawlLog': () => [
      { url: 'https://www.securityvibes.fr/<script>alert(1)</script>', reason: 'HTTP 500 after 3 tries', at: 1 },
      { url: 'javascript:alert(2)', reason: 'redirect off the archive host', at: 2 },
    ],
    'ui.crawlStart': ({ mode }) => (crawl = running({ mode })),
    'ui.crawlPause': transition('paused'),
    'ui.crawlResume': transition('running'),
    'ui.crawlCancel': transition('cancelled'),
    'ui.clearIndex': () => {
      const removed = status.articles;
      status = { ...status, articles: 0, tags: 0 };
      return { removed };
    },
    ...extra,
  });
  const events = fakeEvents();
  render(withOptionsServices(<IndexSection />, { call: bg.call, events }));
  return { bg, events };
}

const figure = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;

describe('IndexSection', () => {
  it('shows the counts and the last update', async () => {
    setup();
    await screen.findByText('Articles');
    expect(figure('Articles')).toBe('2,345');
    expect(figure('Tags')).toBe('410');
    expect(figure('Notes')).toBe('12');
    expect(figure('In the trash')).toBe('1');
    expect(figure('Last update')).toMatch(/2026/);
  });

  it('builds, pauses, resumes and stops the crawl with the right calls', async () => {
    const { bg } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Build index' }));
    await screen.findByRole('button', { name: 'Pause' });
    expect(bg.callsTo('ui.crawlStart')).toEqual([{ mode: 'full' }]);
    expect(screen.queryByRole('button', { name: 'Build index' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Resume' }));
    await screen.findByRole('button', { name: 'Pause' });
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    await screen.findByRole('button', { name: 'Refresh index' });
    fireEvent.click(screen.getByRole('button', { name: 'Refresh index' }));
    await screen.findByRole('button', { name: 'Pause' });
    expect(bg.log.map((e) => e.name).filter((n) => n.startsWith('ui.crawl') && n !== 'ui.crawlStatus' && n !== 'ui.crawlLog')).toEqual([
      'ui.crawlStart',
      'ui.crawlPause',
      'ui.crawlResume',
      'ui.crawlCancel',
      'ui.crawlStart',
    ]);
    expect(bg.callsTo('ui.crawlStart').at(-1)).toEqual({ mode: 'refresh' });
  });

  it('follows live progress events: bar, figures, ETA, then the end state', async () => {
    const { events } = setup();
    await screen.findByRole('button', { name: 'Build index' });
    events.emit({ event: 'bg.crawlProgress', payload: { status: running() } });
    const bar = await screen.findByRole('progressbar', { name: 'Index building progress' });
    expect(bar.getAttribute('value')).toBe('40');
    expect(bar.getAttribute('max')).toBe('100');
    expect(bar.getAttribute('aria-valuetext')).toBe('40 of 100 pages (40%)');
    expect(figure('Articles indexed')).toBe('380');
    expect(figure('Errors')).toBe('2');
    expect(figure('Time left')).toBe('5 minutes');
    events.emit({ event: 'bg.crawlProgress', payload: { status: running({ pagesFetched: 90, queued: 10, articlesIndexed: 2000 }) } });
    await waitFor(() => expect(figure('Articles indexed')).toBe('2,000'));
    events.emit({ event: 'bg.crawlProgress', payload: { status: running({ state: 'failed', message: 'Too many server errors; paused.' }) } });
    expect((await screen.findByText(/^Stopped after repeated errors/)).textContent).toBe('Stopped after repeated errors · full build');
    expect(screen.getByText('Too many server errors; paused.')).toBeTruthy();
    expect(screen.queryByText('Time left')).toBeNull();
  });

  it('lists skipped URLs with reasons as plain text, never as links', async () => {
    setup();
    expect(await screen.findByText('https://www.securityvibes.fr/<script>alert(1)</script>')).toBeTruthy();
    expect(screen.getByText('redirect off the archive host')).toBeTruthy();
    expect(screen.getByText('javascript:alert(2)').closest('a')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
  });

  it('asks for confirmation before clearing the index, and says notes are kept', async () => {
    const { bg } = setup();
    expect(await screen.findByText(/Your notes, ratings and trash are kept/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear index…' }));
    expect(bg.callsTo('ui.clearIndex')).toHaveLength(0);
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    expect(document.activeElement).toBe(cancel);
    fireEvent.click(cancel);
    expect(bg.callsTo('ui.clearIndex')).toHaveLength(0);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Clear index…' })));

    fireEvent.click(screen.getByRole('button', { name: 'Clear index…' }));
    expect(screen.getByRole('group', { name: 'Confirm clearing the index' }).textContent).toContain('Your notes are kept');
    fireEvent.click(screen.getByRole('button', { name: 'Yes, clear the index' }));
    expect(await screen.findByText('Index cleared: 2,345 articles removed. Your notes are untouched.')).toBeTruthy();
    expect(bg.callsTo('ui.clearIndex')).toHaveLength(1);
    await waitFor(() => expect(figure('Articles')).toBe('0'));
    expect(figure('Notes')).toBe('12');
  });

  it('does not offer clearing while a crawl runs', async () => {
    const { events } = setup();
    await screen.findByRole('button', { name: 'Build index' });
    events.emit({ event: 'bg.crawlProgress', payload: { status: running() } });
    await waitFor(() => expect((screen.getByRole('button', { name: 'Clear index…' }) as HTMLButtonElement).disabled).toBe(true));
  });

  it('shows errors from the background inline', async () => {
    setup({
      'ui.indexStatus': () => ({ ok: false, error: { code: 'db-blocked', message: 'upgrade blocked' } }),
      'ui.crawlStart': () => ({ ok: false, error: { code: 'unavailable', message: 'ui.crawlStart is not available yet' } }),
    });
    expect((await screen.findByRole('alert')).textContent).toContain('upgrade blocked');
    fireEvent.click(screen.getByRole('button', { name: 'Build index' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('not available right now'));
  });
});
