// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotesSection } from '@/components/options/NotesSection';
import { NOTES_PAGE_SIZE } from '@/components/options/NotesLibrary';
import { fakeBackground, fakeEvents, useLocale, withOptionsServices } from './helpers';
import { note, notesStore } from './fake-notes';

beforeEach(() => useLocale('en'));
afterEach(cleanup);

function setup(initial = [note(1), note(2), note(3)]) {
  const store = notesStore(initial);
  const bg = fakeBackground(store.handlers);
  const events = fakeEvents();
  render(withOptionsServices(<NotesSection />, { call: bg.call, events }));
  return { store, bg, events };
}

const noteList = () => screen.getByRole('list', { name: 'Notes' });
const titles = () =>
  within(noteList())
    .getAllByRole('heading', { level: 3 })
    .map((h) => h.textContent);

describe('NotesSection', () => {
  it('lists notes with title link, rubrique, tags, rating and dates', async () => {
    setup([note(1, { rating: 4, text: 'Très bon article sur le phishing' })]);
    const link = await screen.findByRole('link', { name: 'Article 1' });
    expect(link.getAttribute('href')).toBe('https://www.securityvibes.fr/actualites/article-1/');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(screen.getByText('Actualités')).toBeTruthy();
    expect(within(noteList()).getByText('4 stars')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Tags' })).getByText('Phishing')).toBeTruthy();
    expect(screen.getByText('Très bon article sur le phishing')).toBeTruthy();
    expect(screen.getByText(/^Created /)).toBeTruthy();
    expect(screen.getByText('Notes 1–1 of 1')).toBeTruthy();
  });

  it('renders hostile titles and texts as text, and never links a non-archive or javascript: URL', async () => {
    setup([
      note(1, { title: '<img src=x onerror=alert(1)>', text: '<script>alert(2)</script>', url: 'https://evil.example/page' }),
      note(2, { title: 'javascript:alert(3)', url: 'http://magazine.qualys.fr/x/' }),
    ]);
    await screen.findByText('<img src=x onerror=alert(1)>');
    expect(screen.getByText('<script>alert(2)</script>')).toBeTruthy();
    expect(document.querySelector('img, script')).toBeNull();
    const hrefs = [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'));
    expect(hrefs.every((href) => href === 'http://magazine.qualys.fr/x/' || href?.startsWith('#'))).toBe(true);
    expect(hrefs).toContain('http://magazine.qualys.fr/x/');
  });

  it('filters by rating, tag and rubrique and sorts, sending each to ui.listNotes', async () => {
    const { bg } = setup([
      note(1, { rating: 5, tags: [{ slug: 'malware', name: 'Malware' }] }),
      note(2, { rating: 3, category: { slug: 'dossiers', name: 'Dossiers' } }),
      note(3, { rating: 5, createdAt: 1, updatedAt: 2 }),
    ]);
    await waitFor(() => expect(titles()).toEqual(['Article 2', 'Article 1', 'Article 3']));
    fireEvent.change(screen.getByRole('combobox', { name: 'Rating' }), { target: { value: '5' } });
    await waitFor(() => expect(titles()).toEqual(['Article 1', 'Article 3']));
    expect(bg.callsTo('ui.listNotes').at(-1)).toMatchObject({ rating: 5, offset: 0 });

    fireEvent.change(screen.getByRole('combobox', { name: 'Sort by' }), { target: { value: 'created' } });
    await waitFor(() => expect(bg.callsTo('ui.listNotes').at(-1)).toMatchObject({ rating: 5, sort: 'created' }));

    fireEvent.change(screen.getByRole('combobox', { name: 'Rating' }), { target: { value: '' } });
    const tagSelect = screen.getByRole('combobox', { name: 'Tag' });
    await waitFor(() => expect(within(tagSelect).getByRole('option', { name: 'Malware (1)' })).toBeTruthy());
    fireEvent.change(tagSelect, { target: { value: 'malware' } });
    await waitFor(() => expect(titles()).toEqual(['Article 1']));

    fireEvent.change(tagSelect, { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Rubrique' }), { target: { value: 'dossiers' } });
    await waitFor(() => expect(titles()).toEqual(['Article 2']));
    expect(bg.callsTo('ui.listNotes').at(-1)).toMatchObject({ category: 'dossiers' });
    expect(bg.callsTo('ui.listNotes').at(-1)).not.toHaveProperty('tag');
  });

  it('searches after typing pauses, accent-insensitively in the fake store', async () => {
    const { bg } = setup([note(1, { text: 'La sécurité des SCADA' }), note(2, { text: 'Autre chose' })]);
    await waitFor(() => expect(titles()).toHaveLength(2));
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search notes and highlights' }), { target: { value: 'securite' } });
    await waitFor(() => expect(titles()).toEqual(['Article 1']));
    expect(
      bg
        .callsTo('ui.listNotes')
        .filter((p) => p.query !== undefined)
        .map((p) => p.query),
    ).toEqual(['securite']);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search notes and highlights' }), { target: { value: 'zzz' } });
    expect(await screen.findByText('No note or highlight matches these filters.')).toBeTruthy();
  });

  it('shows an article\'s highlights as quotes with their notes, finds words in them, and filters "has highlights"', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { bg } = setup([
      note(1, {
        text: 'Sur le ver',
        highlights: [
          { id: 'hl-00000001', exact: `Le ver Conficker ${hostile}`, note: 'Chiffre de F-Secure' },
          { id: 'hl-00000002', exact: 'x'.repeat(400), note: '' },
        ],
      }),
      note(2, { hasNote: false, text: '', rating: null, highlights: [{ id: 'hl-00000003', exact: 'Stuxnet visait les centrifugeuses', note: 'Vérifier' }] }),
      note(3, { text: 'Sans surlignage' }),
    ]);
    await waitFor(() => expect(titles()).toHaveLength(3));
    const first = within(screen.getByRole('list', { name: 'Highlights in “Article 1”' }));
    expect(first.getAllByRole('listitem')).toHaveLength(2);
    expect(first.getByText(`Le ver Conficker ${hostile}`)).toBeTruthy();
    expect(document.querySelector('.notes img')).toBeNull();
    expect(first.getByText('Chiffre de F-Secure')).toBeTruthy();
    expect(first.getByText(`${'x'.repeat(280)}…`)).toBeTruthy();
    expect(screen.getByText('2 highlights')).toBeTruthy();
    // An article only highlighted: "no note yet", a button to write one, nothing to delete.
    expect(screen.getByText('Highlighted, no note yet')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Write a note on “Article 2”' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Delete the note on “Article 2”' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Delete the note on “Article 1”' })).toBeTruthy();

    fireEvent.input(screen.getByRole('searchbox', { name: 'Search notes and highlights' }), { target: { value: 'centrifugeuses' } });
    await waitFor(() => expect(titles()).toEqual(['Article 2']));
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search notes and highlights' }), { target: { value: '' } });
    await waitFor(() => expect(titles()).toHaveLength(3));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Only articles with highlights' }));
    await waitFor(() => expect(titles()).toEqual(['Article 2', 'Article 1']));
    expect(bg.callsTo('ui.listNotes').at(-1)).toMatchObject({ highlighted: true, offset: 0 });
  });

  it('reloads when the background says highlights changed', async () => {
    const { store, events } = setup([note(1)]);
    await waitFor(() => expect(titles()).toEqual(['Article 1']));
    store.notes.set(note(2).url, note(2, { hasNote: false, highlights: [{ id: 'hl-00000009', exact: 'nouveau', note: '' }] }));
    events.emit({ event: 'bg.highlightsChanged', payload: { url: note(2).url } });
    await waitFor(() => expect(titles()).toEqual(['Article 2', 'Article 1']));
  });

  it('lists deleted highlights only when there are some, and restores one', async () => {
    const article = note(4);
    const trashed = {
      id: 'hl-00000004',
      url: article.url,
      title: '<b>Article 4</b>',
      note: 'ma remarque',
      createdAt: 1,
      updatedAt: 2,
      deletedAt: Date.UTC(2026, 11, 1),
      selectors: {
        quote: { type: 'TextQuoteSelector' as const, exact: 'Le ver Conficker', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector' as const, start: 0, end: 16 },
      },
    };
    let trash = [trashed];
    const store = notesStore([note(1)]);
    const bg = fakeBackground({
      ...store.handlers,
      'ui.listTrashedHighlights': () => trash,
      'ui.restoreHighlight': ({ id }) => {
        trash = [];
        const { deletedAt: _d, title: _t, ...restored } = trashed;
        return { ...restored, id };
      },
    });
    const events = fakeEvents();
    render(withOptionsServices(<NotesSection />, { call: bg.call, events }));
    const list = await screen.findByRole('list', { name: 'Deleted highlights' });
    expect(within(list).getByText('<b>Article 4</b>')).toBeTruthy();
    expect(within(list).getByText('Le ver Conficker')).toBeTruthy();
    expect(within(list).getByText('ma remarque')).toBeTruthy();
    fireEvent.click(within(list).getByRole('button', { name: 'Restore the highlight “Le ver Conficker”' }));
    expect(await screen.findByText('Restored: Le ver Conficker')).toBeTruthy();
    expect(bg.callsTo('ui.restoreHighlight')).toEqual([{ id: 'hl-00000004' }]);
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Deleted highlights' })).toBeNull());
    // The list is gone because it emptied, not because it never showed: the heading stays with the notice.
    expect(screen.getByRole('heading', { name: 'Deleted highlights' })).toBeTruthy();
  });

  it('pages through a large library', async () => {
    const many = Array.from({ length: NOTES_PAGE_SIZE + 5 }, (_, i) => note(i + 1));
    setup(many);
    await screen.findByText(`Notes 1–${NOTES_PAGE_SIZE} of ${NOTES_PAGE_SIZE + 5}`);
    const previous = screen.getByRole('button', { name: 'Previous page' }) as HTMLButtonElement;
    expect(previous.disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText(`Notes ${NOTES_PAGE_SIZE + 1}–${NOTES_PAGE_SIZE + 5} of ${NOTES_PAGE_SIZE + 5}`);
    expect(titles()).toHaveLength(5);
  });

  it('deletes a note to the trash and restores it, with the 30-day notice', async () => {
    const { store } = setup([note(1), note(2)]);
    expect(await screen.findByText(/kept here for 30 days|stay here for 30 days/)).toBeTruthy();
    expect(await screen.findByText('The trash is empty.')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Delete the note on “Article 1”' }));
    await waitFor(() => expect(titles()).toEqual(['Article 2']));
    expect(store.trash.has(note(1).url)).toBe(true);
    const restore = await screen.findByRole('button', { name: 'Restore the note on “Article 1”' });
    expect(screen.getByText(/^Deleted .* removed for good on /)).toBeTruthy();
    fireEvent.click(restore);
    await waitFor(() => expect(titles()).toEqual(['Article 2', 'Article 1']));
    expect(screen.getByText('Restored: Article 1')).toBeTruthy();
    expect(await screen.findByText('The trash is empty.')).toBeTruthy();
    expect(store.notes.get(note(1).url)?.text).toBe('Note text 1');
  });

  it('edits a note inline: rating saves at once, text autosaves, Done shows the stored text', async () => {
    const { bg, store } = setup([note(1, { rating: 2, text: 'avant' })]);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit the note on “Article 1”' }));
    const textbox = screen.getByRole('textbox', { name: 'Notes' });
    expect(document.activeElement).toBe(textbox);
    fireEvent.click(screen.getByRole('radio', { name: '4 stars' }));
    await waitFor(() => expect(store.notes.get(note(1).url)?.rating).toBe(4));
    fireEvent.input(textbox, { target: { value: 'après relecture' } });
    await waitFor(() => expect(store.notes.get(note(1).url)?.text).toBe('après relecture'));
    expect(bg.callsTo('ui.saveNote')).toEqual([
      { url: note(1).url, rating: 4 },
      { url: note(1).url, text: 'après relecture' },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(await screen.findByText('après relecture')).toBeTruthy();
    expect(within(noteList()).getByText('4 stars')).toBeTruthy();
    expect(document.activeElement?.getAttribute('data-action')).toBe('edit');
  });

  it('shows a failed save inline instead of swallowing it', async () => {
    const { store, bg } = setup([note(1)]);
    store.handlers['ui.deleteNote'] = () => ({ ok: false, error: { code: 'quota-exceeded', message: 'disk full' } });
    void bg;
    fireEvent.click(await screen.findByRole('button', { name: 'Delete the note on “Article 1”' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('storage full');
    expect(alert.textContent).toContain('disk full');
    expect(titles()).toEqual(['Article 1']);
  });

  it('reloads when the background says a note changed', async () => {
    const { store, events } = setup([note(1)]);
    await waitFor(() => expect(titles()).toEqual(['Article 1']));
    store.notes.set(note(9).url, note(9));
    events.emit({ event: 'bg.noteChanged', payload: { url: note(9).url, note: null } });
    await waitFor(() => expect(titles()).toEqual(['Article 9', 'Article 1']));
  });
});
