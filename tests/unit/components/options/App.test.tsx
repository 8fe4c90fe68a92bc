// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '@/entrypoints/options/App';
import { base64ToBytes, safeFilename } from '@/components/options/download';
import { formatDuration } from '@/components/options/format';
import { fakeBackground, fakeEvents, fakeStorage, useLocale, withOptionsServices } from './helpers';
import { note, notesStore } from './fake-notes';

afterEach(cleanup);

function renderApp() {
  const store = notesStore([note(1)]);
  const bg = fakeBackground({
    ...store.handlers,
    'ui.indexStatus': () => ({ articles: 0, tags: 0, notes: 1, trash: 0, lastUpdatedAt: null }),
    'ui.crawlStatus': () => ({
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
    }),
    'ui.crawlLog': () => [],
  });
  const events = fakeEvents();
  render(
    withOptionsServices(<App />, {
      call: bg.call,
      events,
      saveFile: () => undefined,
      storage: fakeStorage().storage,
      permissions: { request: async () => true, remove: async () => true, contains: async () => false },
    }),
  );
  return { bg, events };
}

describe('options App', () => {
  it('has a nav to the four sections, in English', async () => {
    useLocale('en');
    renderApp();
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    const links = within(nav)
      .getAllByRole('link')
      .map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['Index', '#index'],
      ['Notes', '#notes'],
      ['Backup', '#backup'],
      ['Settings', '#settings'],
    ]);
    for (const id of ['index', 'notes', 'backup', 'settings']) expect(document.getElementById(id)?.tagName).toBe('SECTION');
    expect(await screen.findByText('never')).toBeTruthy();
  });

  it('speaks French to French readers', async () => {
    useLocale('fr');
    renderApp();
    expect(screen.getByRole('heading', { level: 2, name: 'Index des articles' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Vos notes' })).toBeTruthy();
    expect(screen.getByRole('button', { name: "Construire l'index" })).toBeTruthy();
    expect(await screen.findByText('jamais')).toBeTruthy();
    expect(await screen.findByText('Notes 1 à 1 sur 1')).toBeTruthy();
    expect(screen.getByText(/^Créée le \d/)).toBeTruthy();
  });

  it('unsubscribes from background events when unmounted', async () => {
    useLocale('en');
    const { events } = renderApp();
    await waitFor(() => expect(events.size).toBeGreaterThan(0));
    cleanup();
    // Preact runs effect cleanups of an unmounted tree asynchronously.
    await waitFor(() => expect(events.size).toBe(0));
  });
});

describe('helpers', () => {
  it('decodes base64 and refuses garbage', () => {
    expect([...(base64ToBytes('AAEC/w==') ?? [])]).toEqual([0, 1, 2, 255]);
    expect(base64ToBytes('***')).toBeNull();
  });
  it('keeps download names plain', () => {
    expect(safeFilename('../../etc/passwd', 'x')).toBe('etc-passwd');
    expect(safeFilename('securityvibes-notes-2026-11-28.zip', 'x')).toBe('securityvibes-notes-2026-11-28.zip');
    expect(safeFilename('a\u0000b\nc.json', 'x')).toBe('a-b-c.json');
    expect(safeFilename('...', 'fallback.json')).toBe('fallback.json');
  });
  it('rounds durations to seconds, minutes or hours', () => {
    useLocale('en');
    expect(formatDuration(42_000)).toBe('42 seconds');
    expect(formatDuration(5 * 60_000)).toBe('5 minutes');
    expect(formatDuration(3 * 3_600_000)).toBe('3 hours');
  });
});
