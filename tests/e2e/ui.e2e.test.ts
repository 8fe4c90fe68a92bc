import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive, type Archive, type TruthArticle } from '../fixtures/archive/index.ts';
import { startArchiveServer, type ArchiveServer } from '../fixtures/server.ts';
import { BROWSERS, launch, pollUntil, type Session } from './harness';
import { openPopupFor, panelState, waitForPanel } from './ui-helpers';

const HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1">Titre piégé';
const HOSTILE_PATH = '/menaces/page-piegee/';

/** An archive article page whose title and a tag carry markup and a javascript: link, as text. */
function hostilePage(archive: Archive, article: TruthArticle): string {
  const escaped = HOSTILE_TITLE.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return archive
    .render(article.path)
    .body.split(article.title)
    .join(escaped)
    .split(article.path)
    .join(HOSTILE_PATH)
    .replace('rel="tag">', 'rel="tag" href="javascript:window.__pwned=2">&lt;script&gt;window.__pwned=3&lt;/script&gt;</a> <a rel="tag">');
}

describe.each(BROWSERS)('popup and panel in %s', (browserName) => {
  const archive = generateArchive({ seed: 11, articles: 60 });
  let server: ArchiveServer;
  let session: Session;

  beforeAll(async () => {
    server = await startArchiveServer({ archive });
    const plain = archive.articles.find((a) => /^[\p{L}\p{N} ,:-]+$/u.test(a.title) && a.family === 'classic') ?? archive.articles[0]!;
    server.addPage(HOSTILE_PATH, { status: 200, contentType: 'text/html; charset=utf-8', body: hostilePage(archive, plain) });
    session = await launch(browserName, { server });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('with an empty index, a tag page then one of its articles shows that page’s other articles as related', async () => {
    const status = await session.callBackground('ui.indexStatus', {});
    expect(status.ok && status.value.articles).toBe(0);
    const tag = [...archive.tags].sort((a, b) => b.count - a.count)[0]!;
    const listing = archive.listing(`/tag/${tag.slug}/`)!;
    expect(listing.articles.length).toBeGreaterThanOrEqual(3);
    const tagPage = await session.openPage(`${archive.baseUrl}/tag/${tag.slug}/`);
    await pollUntil(async () => {
      const r = await session.callBackground('ui.indexStatus', {});
      return r.ok && r.value.articles >= listing.articles.length;
    }, 'the tag page’s teasers to be indexed');
    const target = listing.articles[1]!;
    await tagPage.goto(target.url);
    const panel = await waitForPanel(tagPage);
    const others = new Set(listing.articles.filter((a) => a.url !== target.url).map((a) => a.url));
    const links = await panel.waitForFunction(() => {
      const links = Array.from(document.querySelectorAll('.sv-related-item a')).map((a) => a.getAttribute('href'));
      return links.length > 0 ? links : null;
    });
    const state = links ?? [];
    expect(state.length).toBe(Math.min(8, others.size));
    for (const href of state) expect(others.has(href!)).toBe(true);
    await tagPage.close();
  });

  it('rate and type in the popup, close it mid-sentence, reopen: both kept; the reloaded panel shows them', async () => {
    const article = archive.articles[5]!;
    const page = await session.openPage(article.url);
    await waitForPanel(page);
    let popup = await openPopupFor(session, page);
    await popup.waitForSelector('[role="radio"][data-star="4"]:not([disabled])');
    await popup.click('[role="radio"][data-star="4"]');
    await popup.type('textarea', 'Ver très bien analysé, à relire');
    await popup.close(); // well within the 400 ms autosave delay: the draft port has to carry it
    await pollUntil(async () => {
      const view = await session.callBackground('ui.getArticleView', { url: article.url, limit: 8 });
      return view.ok && view.value.note?.text === 'Ver très bien analysé, à relire';
    }, 'the note to be committed after the popup closed');
    popup = await openPopupFor(session, page);
    await popup.waitForFunction(() => (document.querySelector('textarea') as HTMLTextAreaElement | null)?.value === 'Ver très bien analysé, à relire');
    expect(await popup.evaluate(() => document.querySelector('[role="radio"][aria-checked="true"]')?.getAttribute('data-star'))).toBe('4');
    await popup.close();
    await page.reload();
    const panel = await waitForPanel(page);
    await panel.waitForFunction(() => (document.querySelector('textarea') as HTMLTextAreaElement | null)?.value !== '');
    expect(await panelState(panel)).toMatchObject({ rating: 4, text: 'Ver très bien analysé, à relire', region: 'SecurityVibes Companion' });
    await page.close();
  });

  it('popup and panel show the store’s related ranking, and a popup change reaches the panel live', async () => {
    const article = archive.articles[20]!;
    const page = await session.openPage(article.url);
    const panel = await waitForPanel(page);
    const view = await session.callBackground('ui.getArticleView', { url: article.url, limit: 8 });
    expect(view.ok).toBe(true);
    const expected = view.ok ? view.value.related.map((r) => r.url) : [];
    expect(expected.length).toBeGreaterThan(0);
    await panel.waitForFunction((n) => document.querySelectorAll('.sv-related-item').length === n, expected.length);
    expect((await panelState(panel)).related).toEqual(expected);
    const popup = await openPopupFor(session, page);
    await popup.waitForFunction((n) => document.querySelectorAll('.sv-related-item').length === n, expected.length);
    expect(await popup.evaluate(() => Array.from(document.querySelectorAll('.sv-related-item a')).map((a) => a.getAttribute('href')))).toEqual(expected);
    await popup.click('[role="radio"][data-star="2"]');
    await panel.waitForFunction(() => document.querySelector('[role="radio"][aria-checked="true"]')?.getAttribute('data-star') === '2');
    await popup.close();
    await page.close();
  });

  it('bg.showRelated sent to the tab (the context menu where the popup cannot open) reaches the framed panel', async () => {
    const article = archive.articles[22]!;
    const other = archive.articles[23]!;
    const page = await session.openPage(article.url);
    const panel = await waitForPanel(page);
    const tabId = await session.tabIdOf(page);
    const bridge = await session.openExtensionPage('popup.html?tab=999999');
    await bridge.evaluate(
      ({ tabId, url }) => {
        const api = (globalThis as unknown as { browser?: unknown; chrome: unknown }).browser ?? (globalThis as unknown as { chrome: unknown }).chrome;
        return (api as { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } }).tabs
          .sendMessage(tabId, { event: 'bg.showRelated', payload: { url } })
          .then(
            () => true,
            () => true,
          );
      },
      { tabId, url: other.url },
    );
    await bridge.close();
    const shown = await panel.waitForFunction(() => document.querySelector('.sv-panel-shown a')?.getAttribute('href') ?? null);
    expect(shown).toBe(other.url);
    await page.close();
  });

  it('a hostile page runs no script through the extension and gets no unsafe link', async () => {
    const page = await session.openPage(`${archive.baseUrl}${HOSTILE_PATH}`);
    const panel = await waitForPanel(page);
    const popup = await openPopupFor(session, page);
    await popup.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('Titre piégé') ?? false);
    expect(await popup.evaluate(() => document.querySelector('h1')?.textContent)).toBe(HOSTILE_TITLE);
    const unsafe = (hrefs: (string | null)[]) => hrefs.filter((h) => !h || !/^https?:\/\/(www\.)?securityvibes\.fr\//.test(h));
    expect(unsafe(await popup.evaluate(() => Array.from(document.querySelectorAll('a')).map((a) => a.getAttribute('href'))))).toEqual([]);
    expect(await popup.evaluate(() => document.querySelectorAll('img, iframe, object, embed, script:not([src])').length)).toBe(0);
    const panelHrefs = await panel.evaluate(() => Array.from(document.querySelectorAll('a')).map((a) => a.getAttribute('href')));
    expect(unsafe(panelHrefs)).toEqual([]);
    // The reader's notes are out of the page's reach: the host's shadow root is closed, the frame cross-origin.
    expect(await page.evaluate(() => document.querySelector('sv-companion-panel')?.shadowRoot ?? null)).toBeNull();
    expect(await page.evaluate(() => document.querySelectorAll('iframe').length)).toBe(0);
    expect(await panel.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBeNull();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBeNull();
    expect(await popup.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBeNull();
    await popup.close();
    await page.close();
  });
});
