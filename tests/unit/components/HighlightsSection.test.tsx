// @vitest-environment happy-dom
/**
 * The panel's highlights: the accessible names tests and assistive tech rely on, text order, orphans
 * apart, notes saved per highlight, delete through the trash with undo, a click on the page opening one.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HighlightsSection } from '@/components/highlights/HighlightsSection';
import { HighlightCount } from '@/components/highlights/HighlightCount';
import { excerpt } from '@/components/highlights/HighlightItem';
import type { Highlight } from '@/lib/model';
import { ARTICLE_URL, fakeBackground, useLocale, withServices } from './helpers';

function highlight(id: string, start: number, exact: string, note = ''): Highlight {
  return {
    id,
    url: ARTICLE_URL,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
    },
    note,
    createdAt: 1,
    updatedAt: 1,
  };
}

const FIRST = highlight('hl-first-0001', 10, 'Le ver <b>Conficker</b>', 'à relire');
const SECOND = highlight('hl-second-001', 90, 'neuf millions de machines');
const GONE = highlight('hl-gone-00001', 300, 'un passage disparu');

function background(orphans: string[] | null = [GONE.id]) {
  return fakeBackground({
    'ui.listHighlights': () => [FIRST, SECOND, GONE],
    'ui.highlightOrphans': () => orphans ?? [],
    'ui.saveHighlightNote': ({ id, note }) => ({ ...FIRST, id, note }),
    'ui.deleteHighlight': () => ({ trashed: true }),
    'ui.restoreHighlight': () => SECOND,
    'ui.highlightSelection': () => ({ asked: true }),
  });
}

describe('HighlightsSection', () => {
  beforeEach(() => useLocale('en'));
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('lists placed highlights in text order, each with its note box, and orphans apart with their quote', async () => {
    render(withServices(background().services, <HighlightsSection url={ARTICLE_URL} />));
    const list = await screen.findByRole('list', { name: 'Highlights' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    const items = within(list).getAllByRole('listitem');
    // Page text is shown as text, never markup.
    expect(items[0]!.textContent).toContain('Le ver <b>Conficker</b>');
    expect(items[1]!.textContent).toContain('neuf millions');
    expect(
      within(list)
        .getAllByRole('textbox', { name: 'Highlight note' })
        .map((box) => (box as HTMLTextAreaElement).value),
    ).toEqual(['à relire', '']);
    const orphans = screen.getByRole('list', { name: 'Highlights not found on this page' });
    expect(within(orphans).getByRole('listitem').textContent).toContain('un passage disparu');
    expect(within(orphans).queryByRole('button', { name: 'Show' })).toBeNull();
  });

  it('saves a note as typed, asks the highlighter to show one or highlight the selection', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const fake = background();
    render(withServices(fake.services, <HighlightsSection url={ARTICLE_URL} />));
    const list = await screen.findByRole('list', { name: 'Highlights' });
    await waitFor(() => expect(within(list).getAllByRole('textbox', { name: 'Highlight note' })).toHaveLength(2));
    fireEvent.input(within(list).getAllByRole('textbox', { name: 'Highlight note' })[1]!, { target: { value: 'Chiffre F-Secure' } });
    await vi.advanceTimersByTimeAsync(500);
    expect(fake.call).toHaveBeenCalledWith('ui.saveHighlightNote', { id: SECOND.id, note: 'Chiffre F-Secure' });
    fireEvent.click(within(list).getAllByRole('button', { name: 'Show' })[0]!);
    expect(fake.call).toHaveBeenCalledWith('ui.highlightSelection', { show: FIRST.id });
    fireEvent.click(screen.getByRole('button', { name: 'Highlight selection' }));
    expect(fake.call).toHaveBeenCalledWith('ui.highlightSelection', {});
  });

  it('deletes through the trash, with an undo', async () => {
    const fake = background(null);
    render(withServices(fake.services, <HighlightsSection url={ARTICLE_URL} />));
    const list = await screen.findByRole('list', { name: 'Highlights' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3));
    fireEvent.click(within(list).getAllByRole('button', { name: 'Delete' })[1]!);
    await waitFor(() => expect(fake.call).toHaveBeenCalledWith('ui.deleteHighlight', { id: SECOND.id }));
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(fake.call).toHaveBeenCalledWith('ui.restoreHighlight', { id: SECOND.id }));
  });

  it('a click on a highlight in the page focuses its note', async () => {
    const fake = background();
    render(withServices(fake.services, <HighlightsSection url={ARTICLE_URL} />));
    const list = await screen.findByRole('list', { name: 'Highlights' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    fake.emit({ event: 'bg.openHighlight', payload: { url: ARTICLE_URL, id: SECOND.id } });
    await waitFor(() => expect(document.activeElement).toBe(within(list).getAllByRole('textbox', { name: 'Highlight note' })[1]));
  });

  it('is in French too, and the popup counts highlights', async () => {
    useLocale('fr');
    render(
      withServices(
        background().services,
        <>
          <HighlightsSection url={ARTICLE_URL} />
          <HighlightCount url={ARTICLE_URL} />
        </>,
      ),
    );
    expect(await screen.findByRole('list', { name: 'Surlignages' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Surligner la sélection' })).toBeTruthy();
    expect(await screen.findByText('3 surlignages')).toBeTruthy();
  });

  it('shortens long quotes in the list', () => {
    expect(excerpt('a '.repeat(400)).length).toBe(240);
    expect(excerpt(' deux\n mots ')).toBe('deux mots');
  });
});
