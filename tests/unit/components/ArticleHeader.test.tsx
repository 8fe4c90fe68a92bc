// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArticleHeader } from '@/components/ArticleHeader';
import { TagChips } from '@/components/TagChips';
import { ARTICLE_URL, fakeBackground, useLocale, withServices } from './helpers';

const article = {
  url: ARTICLE_URL,
  title: 'Conficker <b>frappe</b>',
  author: 'Jean Dupont',
  category: { slug: 'menaces', name: 'Menaces' },
  publishedAt: '2009-01-20T08:00:00+01:00',
  tags: [
    { slug: 'conficker', name: 'Conficker' },
    { slug: 'ver', name: 'Ver' },
  ],
};

describe('ArticleHeader and TagChips', () => {
  afterEach(cleanup);
  beforeEach(() => useLocale('fr'));

  it('shows title as text, rubrique, date in the reader locale, author and tags', () => {
    const { services } = fakeBackground({});
    render(withServices(services, <ArticleHeader article={article} />));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Conficker <b>frappe</b>');
    expect(screen.getByText('20 janvier 2009')).toBeTruthy();
    expect(screen.getByText('Menaces')).toBeTruthy();
    expect(screen.getByText(/par Jean Dupont/)).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Mots-clés' }).textContent).toBe('ConfickerVer');
  });

  it('chips and the rubrique open their article lists', () => {
    const { services } = fakeBackground({});
    const onTag = vi.fn();
    const onCategory = vi.fn();
    render(withServices(services, <ArticleHeader article={article} onTag={onTag} onCategory={onCategory} />));
    fireEvent.click(screen.getByRole('button', { name: 'Ver' }));
    fireEvent.click(screen.getByRole('button', { name: 'Menaces' }));
    expect(onTag).toHaveBeenCalledWith({ slug: 'ver', name: 'Ver' });
    expect(onCategory).toHaveBeenCalledWith({ slug: 'menaces', name: 'Menaces' });
  });

  it('chips without a handler are plain labels; no tags, no list', () => {
    const { container, rerender } = render(<TagChips tags={article.tags} />);
    expect(screen.queryByRole('button')).toBeNull();
    rerender(<TagChips tags={[]} />);
    expect(container.querySelector('ul')).toBeNull();
  });
});
