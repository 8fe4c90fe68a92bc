// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArticleCompanion } from '@/components/ArticleCompanion';
import type { Note } from '@/lib/model';
import { ARTICLE_URL, fakeBackground, note, related, useLocale, withServices } from './helpers';

function store(initial: Note | null) {
  let current = initial;
  return fakeBackground({
    'ui.getArticleView': () => ({ article: null, note: current, related: [related(1), related(2)] }),
    'ui.saveNote': (patch) => {
      current = {
        ...(current ?? note()),
        ...(patch.text !== undefined ? { text: patch.text } : {}),
        ...(patch.rating !== undefined ? { rating: patch.rating } : {}),
      };
      return current;
    },
  });
}

describe('ArticleCompanion', () => {
  beforeEach(() => useLocale('en'));
  afterEach(cleanup);

  it('loads the note and related list for the URL', async () => {
    const fake = store(note({ text: 'déjà noté', rating: 3 }));
    render(withServices(fake.services, <ArticleCompanion url={ARTICLE_URL} />));
    await waitFor(() => expect((screen.getByRole('textbox', { name: 'Notes' }) as HTMLTextAreaElement).value).toBe('déjà noté'));
    expect(screen.getByRole('radio', { name: '3 stars' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(fake.call).toHaveBeenCalledWith('ui.getArticleView', { url: ARTICLE_URL, limit: 8 });
  });

  it('saves a rating and clears it as patches', async () => {
    const fake = store(null);
    render(withServices(fake.services, <ArticleCompanion url={ARTICLE_URL} />));
    await waitFor(() => expect(screen.getByRole('radio', { name: '4 stars' }).hasAttribute('disabled')).toBe(false));
    fireEvent.click(screen.getByRole('radio', { name: '4 stars' }));
    await waitFor(() => expect(screen.getByRole('radio', { name: '4 stars' }).getAttribute('aria-checked')).toBe('true'));
    fireEvent.keyDown(screen.getByRole('radiogroup', { name: 'Rating' }), { key: 'Delete' });
    await waitFor(() => expect(screen.getByRole('radio', { name: '4 stars' }).getAttribute('aria-checked')).toBe('false'));
    const saves = fake.call.mock.calls.filter((c) => c[0] === 'ui.saveNote').map((c) => c[1]);
    expect(saves).toEqual([
      { url: ARTICLE_URL, rating: 4 },
      { url: ARTICLE_URL, rating: null },
    ]);
  });

  it('saves typed text, reports it saved to the draft sink, mirrors keystrokes', async () => {
    const fake = store(null);
    render(withServices(fake.services, <ArticleCompanion url={ARTICLE_URL} />));
    const box = screen.getByRole('textbox', { name: 'Notes' });
    await waitFor(() => expect(box.hasAttribute('disabled')).toBe(false));
    fireEvent.input(box, { target: { value: 'À relire' } });
    await waitFor(() => expect(screen.getByText('Saved')).toBeTruthy(), { timeout: 2000 });
    expect(fake.call).toHaveBeenCalledWith('ui.saveNote', { url: ARTICLE_URL, text: 'À relire' });
    expect(fake.drafts.draft).toHaveBeenCalledWith(ARTICLE_URL, 'À relire');
    expect(fake.drafts.saved).toHaveBeenCalledWith(ARTICLE_URL, 'À relire');
  });

  it('follows bg.noteChanged for its URL only, and reloads related when the index grows', async () => {
    const fake = store(null);
    render(withServices(fake.services, <ArticleCompanion url={ARTICLE_URL} />));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
    fake.emit({
      event: 'bg.noteChanged',
      payload: { url: 'https://www.securityvibes.fr/other/', note: note({ url: 'https://www.securityvibes.fr/other/', rating: 1 }) },
    });
    fake.emit({ event: 'bg.noteChanged', payload: { url: ARTICLE_URL, note: note({ rating: 5, text: 'from popup' }) } });
    await waitFor(() => expect(screen.getByRole('radio', { name: '5 stars' }).getAttribute('aria-checked')).toBe('true'));
    await waitFor(() => expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('from popup'));
    const before = fake.call.mock.calls.filter((c) => c[0] === 'ui.getArticleView').length;
    fake.emit({ event: 'bg.indexChanged', payload: { articles: 10 } });
    await waitFor(() => expect(fake.call.mock.calls.filter((c) => c[0] === 'ui.getArticleView').length).toBe(before + 1));
  });

  it('shows the background error instead of failing silently', async () => {
    const fake = fakeBackground({});
    render(withServices(fake.services, <ArticleCompanion url={ARTICLE_URL} />));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('ui.getArticleView unavailable'));
  });
});
