// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Panel } from '@/entrypoints/panel/Panel';
import { App } from '@/entrypoints/panel/App';
import { findRatingBlock } from '@/entrypoints/archive-page/panel/anchor';
import { readShowRelatedEvent } from '@/entrypoints/archive-page/panel/light-client';
import { ARTICLE_URL, fakeBackground, note, related, useLocale, withServices } from './helpers';

const OTHER = 'https://www.securityvibes.fr/menaces/autre/';

function panelBackground() {
  return fakeBackground({
    'ui.getArticleView': ({ url }) => ({
      article: url === OTHER ? { ...recordFor(url), title: 'Autre article' } : null,
      note: null,
      related: [related(1)],
    }),
  });
}
function recordFor(url: string) {
  return {
    url,
    postId: 1,
    title: 't',
    author: null,
    category: null,
    tags: [],
    publishedAt: null,
    excerpt: '',
    tagsComplete: true,
    detail: 'article' as const,
    firstSeenAt: 1,
    updatedAt: 1,
  };
}

describe('in-page Panel', () => {
  beforeEach(() => useLocale('en'));
  afterEach(cleanup);

  it('is a region named "SecurityVibes Companion" with rating, notes and related articles', async () => {
    const fake = panelBackground();
    render(withServices(fake.services, <Panel url={ARTICLE_URL} placement="inline" initialCollapsed={false} />));
    expect(screen.getByRole('region', { name: 'SecurityVibes Companion' })).toBeTruthy();
    expect(screen.getByRole('radiogroup', { name: 'Rating' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Notes' })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('list', { name: 'Related articles' })).toBeTruthy());
  });

  it('collapses and expands, reporting the choice', () => {
    const fake = panelBackground();
    const onCollapsedChange = vi.fn();
    render(withServices(fake.services, <Panel url={ARTICLE_URL} placement="side" initialCollapsed onCollapsedChange={onCollapsedChange} />));
    const toggle = screen.getByRole('button', { name: 'Show the companion' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(screen.getByRole('button', { name: 'Hide the companion' }).getAttribute('aria-expanded')).toBe('true');
    expect(onCollapsedChange).toHaveBeenCalledWith(false);
  });

  it('bg.showRelated switches to that article until "Back to this article"', async () => {
    const fake = panelBackground();
    render(withServices(fake.services, <Panel url={ARTICLE_URL} placement="inline" initialCollapsed />));
    fake.emit({ event: 'bg.showRelated', payload: { url: OTHER } });
    await waitFor(() => expect(screen.getByRole('link', { name: 'Autre article' })).toBeTruthy());
    expect(fake.call).toHaveBeenCalledWith('ui.getArticleView', { url: OTHER, limit: 8 });
    fireEvent.click(screen.getByRole('button', { name: 'Back to this article' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Autre article' })).toBeNull());
  });
});

describe('findRatingBlock', () => {
  const page = (body: string) => {
    document.body.replaceChildren();
    const template = document.createElement('template');
    template.setHTMLUnsafe?.(body);
    if (!template.content.childNodes.length)
      new DOMParser().parseFromString(body, 'text/html').body.childNodes.forEach((n) => template.content.append(n.cloneNode(true)));
    document.body.append(template.content);
    return document;
  };

  it('finds the wp-postratings block as a whole', () => {
    const doc = page(
      `<article><p>${'texte '.repeat(200)}</p><div class="post-ratings-block"><h4 class="post-ratings-title">Notez L'article</h4><div id="post-ratings-12" class="post-ratings">★★★</div><div id="post-ratings-12-loading" class="post-ratings-loading">Chargement...</div></div></article>`,
    );
    expect(findRatingBlock(doc)?.className).toBe('post-ratings-block');
  });

  it('finds the legacy block by its text, any case, without taking the table cell', () => {
    const doc = page(
      `<table><tr><td><p>${'texte '.repeat(200)}</p><DIV CLASS="notation"><B>NOTEZ l’article</B><BR>* * * <SMALL>3 votes</SMALL></DIV></td></tr></table>`,
    );
    expect(findRatingBlock(doc)?.className).toBe('notation');
  });

  it('finds a bare heading and returns null when there is nothing', () => {
    expect(
      findRatingBlock(page(`<main><p>${'x '.repeat(300)}</p><section><h3>Notez l'article</h3><span class="stars">☆☆☆</span></section></main>`))?.tagName,
    ).toBe('SECTION');
    expect(findRatingBlock(page(`<main><p>Un article sans notation.</p></main>`))).toBeNull();
  });
});

describe('panel page App (framed by the content script)', () => {
  beforeEach(() => useLocale('en'));
  afterEach(cleanup);

  it('draws the Panel for an archive target, marks "drawn" in its own timeline and posts its size', async () => {
    const fake = panelBackground();
    const post = vi.fn();
    performance.clearMarks('sv-panel-drawn');
    render(
      withServices(
        fake.services,
        <App target={{ url: ARTICLE_URL, placement: 'inline', collapsed: false }} initialCollapsed={false} onCollapsedChange={() => undefined} post={post} />,
      ),
    );
    expect(screen.getByRole('region', { name: 'SecurityVibes Companion' })).toBeTruthy();
    await waitFor(() => expect(post).toHaveBeenCalledWith(expect.objectContaining({ type: 'sv-panel-size', collapsed: false })));
    expect(performance.getEntriesByName('sv-panel-drawn')).toHaveLength(1);
  });

  it('reports the collapsed state after a toggle, and shows nothing of the reader without a target', async () => {
    const fake = panelBackground();
    const post = vi.fn();
    const onCollapsedChange = vi.fn();
    render(
      withServices(
        fake.services,
        <App target={{ url: ARTICLE_URL, placement: 'side', collapsed: false }} initialCollapsed={false} onCollapsedChange={onCollapsedChange} post={post} />,
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Hide the companion' }));
    expect(onCollapsedChange).toHaveBeenCalledWith(true);
    cleanup();
    const refused = panelBackground();
    render(withServices(refused.services, <App target={null} initialCollapsed={false} onCollapsedChange={() => undefined} post={post} />));
    expect(screen.queryByRole('region')).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(refused.call).not.toHaveBeenCalledWith('ui.getArticleView', expect.anything());
  });
});

describe('readShowRelatedEvent (zod-free check in the content script)', () => {
  it('accepts a well-formed bg.showRelated and refuses anything else', () => {
    expect(readShowRelatedEvent({ event: 'bg.showRelated', payload: { url: OTHER } })).toBe(OTHER);
    expect(readShowRelatedEvent({ event: 'bg.showRelated', payload: { url: 'javascript:alert(1)' } })).toBeNull();
    expect(readShowRelatedEvent({ event: 'bg.showRelated', payload: { url: `https://x.fr/${'a'.repeat(2100)}` } })).toBeNull();
    expect(readShowRelatedEvent({ event: 'bg.noteChanged', payload: { url: ARTICLE_URL, note: note() } })).toBeNull();
    expect(readShowRelatedEvent({ event: 'bg.showRelated' })).toBeNull();
    expect(readShowRelatedEvent('bg.showRelated')).toBeNull();
    expect(readShowRelatedEvent(null)).toBeNull();
  });
});
