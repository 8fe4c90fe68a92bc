/**
 * Highlights through the background's router: extension pages read and edit them with their notes; a
 * content script creates one only on the article its tab's top frame reported, and learns only places.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readHighlighterCommand } from '@/lib/protocol/highlighter-commands';
import { createBackgroundRouter } from '@/entrypoints/background/router';
import { createTabRateLimit } from '@/lib/protocol';
import { PANEL, POPUP, contentIn, page, stubUnmockedApis } from './setup';

// fakeBrowser numbers tabs from 1 again after each reset: a roomy rate keeps tests from sharing a tab's bucket
// (the real rate is tested in router-table.test.ts).
const route = createBackgroundRouter(createTabRateLimit({ capacity: 1000, refillPerSecond: 0 }));

let sent: ReturnType<typeof stubUnmockedApis>;
let injected: { tabId: number; frameIds?: number[]; files?: string[] }[];
beforeEach(() => {
  sent = stubUnmockedApis();
  injected = [];
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(
    async (injection: { target: { tabId: number; frameIds?: number[] }; files?: string[] }) => {
      injected.push({ tabId: injection.target.tabId, frameIds: injection.target.frameIds, files: injection.files });
      return [];
    },
  );
});

const selectors = (start: number, exact = 'neuf millions') => ({
  quote: { type: 'TextQuoteSelector', exact, prefix: 'aurait infecté près de ', suffix: ' de machines' },
  position: { type: 'TextPositionSelector', start, end: start + exact.length },
});

/** A tab showing the article `slug`, whose content script reported it; its id and the article's URL. */
async function seenIn(slug: string) {
  const seen = page(slug);
  const tab = await fakeBrowser.tabs.create({ url: seen.url! });
  await route({ call: 'content.pageSeen', payload: { page: seen } }, contentIn(tab.id!, seen.url!));
  return { tabId: tab.id!, url: seen.url! };
}

describe('background handlers: highlights', () => {
  it('a content script creates a highlight on its own article and learns places, never notes', async () => {
    const { tabId, url } = await seenIn('hl-own');
    const tab = contentIn(tabId, url);
    const created = await route({ call: 'content.createHighlight', payload: { selectors: selectors(40) } }, tab);
    expect(created).toMatchObject({ ok: true, value: { created: { selectors: selectors(40) } } });
    if (!created.ok) return;
    const { id } = (created.value as { created: { id: string } }).created;
    // Places only: the new one, and every place of the article to draw (no note anywhere).
    expect(created.value).toEqual({ created: { id, selectors: selectors(40) }, places: [{ id, selectors: selectors(40) }] });
    // The panel (an extension page) writes the note; the content script's places never carry it.
    expect(await route({ call: 'ui.saveHighlightNote', payload: { id, note: 'secret note' } }, PANEL)).toMatchObject({
      ok: true,
      value: { note: 'secret note' },
    });
    const places = await route({ call: 'content.highlightPlaces', payload: {} }, tab);
    expect(places).toEqual({ ok: true, value: [{ id, selectors: selectors(40) }] });
    expect(JSON.stringify(places)).not.toContain('secret note');
    expect(await route({ call: 'ui.listHighlights', payload: { url } }, POPUP)).toMatchObject({ ok: true, value: [{ id, url, note: 'secret note' }] });
    // Change events go to extension pages only, never to tabs.
    expect(sent.runtimeSends).toContainEqual({ event: 'bg.highlightsChanged', payload: { url } });
    expect(sent.tabSends.filter((s) => JSON.stringify(s.message).includes('highlightsChanged'))).toEqual([]);
  });

  it('refuses a content script every read or edit of notes, other articles, subframes and tabs with no article', async () => {
    const { tabId, url } = await seenIn('hl-refused');
    const tab = contentIn(tabId, url);
    for (const call of ['ui.listHighlights', 'ui.saveHighlightNote', 'ui.deleteHighlight', 'ui.restoreHighlight'] as const) {
      const payload = call === 'ui.listHighlights' ? { url } : call === 'ui.saveHighlightNote' ? { id: 'hl-00000001', note: '' } : { id: 'hl-00000001' };
      expect(await route({ call, payload }, tab)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    // A subframe, and a tab whose content script reported no article.
    expect(await route({ call: 'content.createHighlight', payload: { selectors: selectors(1) } }, contentIn(tabId, url, 3))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const silent = await fakeBrowser.tabs.create({ url });
    expect(await route({ call: 'content.highlightPlaces', payload: {} }, contentIn(silent.id!, url))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // A URL in the payload is not part of the call: the article is always the tab's own.
    const { url: other } = await seenIn('hl-other-article');
    const made = await route({ call: 'content.createHighlight', payload: { selectors: selectors(5), url: other } }, tab);
    expect(made.ok).toBe(true);
    expect(await route({ call: 'ui.listHighlights', payload: { url: other } }, POPUP)).toEqual({ ok: true, value: [] });
    // Extension pages may not pose as content scripts.
    expect(await route({ call: 'content.highlightPlaces', payload: {} }, POPUP)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('deletes through the trash and restores', async () => {
    const { tabId, url } = await seenIn('hl-trash');
    const created = await route({ call: 'content.createHighlight', payload: { selectors: selectors(9) } }, contentIn(tabId, url));
    const { id } = (created as { ok: true; value: { created: { id: string } } }).value.created;
    expect(await route({ call: 'ui.listTrashedHighlights', payload: {} }, PANEL)).toEqual({ ok: true, value: [] });
    expect(await route({ call: 'ui.deleteHighlight', payload: { id } }, PANEL)).toEqual({ ok: true, value: { trashed: true } });
    expect(await route({ call: 'content.highlightPlaces', payload: {} }, contentIn(tabId, url))).toEqual({ ok: true, value: [] });
    expect(await route({ call: 'ui.listTrashedHighlights', payload: {} }, POPUP)).toMatchObject({
      ok: true,
      value: [{ id, url, title: expect.any(String), deletedAt: expect.any(Number) }],
    });
    expect(await route({ call: 'ui.listTrashedHighlights', payload: {} }, contentIn(tabId, url))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await route({ call: 'ui.restoreHighlight', payload: { id } }, PANEL)).toMatchObject({ ok: true, value: { id, url } });
    expect(await route({ call: 'content.highlightPlaces', payload: {} }, contentIn(tabId, url))).toMatchObject({ ok: true, value: [{ id }] });
    expect(await route({ call: 'ui.listTrashedHighlights', payload: {} }, PANEL)).toEqual({ ok: true, value: [] });
  });

  it('after a delete or a restore in a panel, its tab is sent the places to draw (never a note)', async () => {
    const { tabId, url } = await seenIn('hl-redraw');
    const panel = { ...PANEL, tab: { id: tabId, url } };
    const make = async (start: number) => {
      const made = await route({ call: 'content.createHighlight', payload: { selectors: selectors(start) } }, contentIn(tabId, url));
      return (made as { ok: true; value: { created: { id: string } } }).value.created.id;
    };
    const [first, second] = [await make(5), await make(50)];
    await route({ call: 'ui.saveHighlightNote', payload: { id: second, note: 'note privée' } }, panel);
    const drawn = () =>
      sent.tabSends
        .filter((s) => s.tabId === tabId)
        .map((s) => readHighlighterCommand(s.message))
        .filter((c) => c?.command === 'draw')
        .map((c) => (c as { places: { id: string }[] }).places.map((p) => p.id));
    await route({ call: 'ui.deleteHighlight', payload: { id: first } }, panel);
    await vi.waitFor(() => expect(drawn()).toEqual([[second]]));
    await route({ call: 'ui.restoreHighlight', payload: { id: first } }, panel);
    await vi.waitFor(() => expect(drawn()).toEqual([[second], [first, second]]));
    expect(JSON.stringify(sent.tabSends)).not.toContain('note privée');
  });

  it('exports every highlight as Web Annotations with the article tags as tagging bodies', async () => {
    const seen = page('hl-export');
    const withTags = { ...seen, article: { ...seen.article!, tags: [{ slug: 'conficker', name: 'Conficker' }] } };
    const tab = await fakeBrowser.tabs.create({ url: seen.url! });
    await route({ call: 'content.pageSeen', payload: { page: withTags } }, contentIn(tab.id!, seen.url!));
    await route({ call: 'content.createHighlight', payload: { selectors: selectors(3) } }, contentIn(tab.id!, seen.url!));
    const answer = await route({ call: 'ui.exportWebAnnotations', payload: {} }, POPUP);
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    const doc = JSON.parse((answer.value as { json: string }).json);
    const mine = doc.first.items.find((item: { target: { source: string } }) => item.target.source === seen.url);
    expect(mine.body).toEqual([{ type: 'TextualBody', value: 'Conficker', purpose: 'tagging' }]);
    expect(mine.target.selector[0]).toMatchObject({ type: 'TextQuoteSelector', exact: 'neuf millions' });
    expect(await route({ call: 'ui.exportWebAnnotations', payload: {} }, contentIn(tab.id!, seen.url!))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('loads the highlighter only in the top frame of a tab whose article has highlights', async () => {
    const { tabId, url } = await seenIn('hl-inject');
    expect(injected).toEqual([]);
    await route({ call: 'content.createHighlight', payload: { selectors: selectors(2) } }, contentIn(tabId, url));
    await route({ call: 'content.pageSeen', payload: { page: page('hl-inject') } }, contentIn(tabId, url));
    await vi.waitFor(() => expect(injected).toEqual([{ tabId, frameIds: [0], files: ['/highlighter.js'] }]));
  });

  it("the panel's Show and Highlight selection go to the highlighter of the panel's own tab", async () => {
    expect(await route({ call: 'ui.highlightSelection', payload: { show: 'hl-00000042' } }, PANEL)).toEqual({ ok: true, value: { asked: true } });
    expect(await route({ call: 'ui.highlightSelection', payload: {} }, PANEL)).toEqual({ ok: true, value: { asked: true } });
    expect(injected.map((i) => i.tabId)).toEqual([4, 4]);
    const commands = sent.tabSends.filter((s) => s.tabId === 4).map((s) => readHighlighterCommand(s.message));
    expect(commands).toEqual([{ command: 'show', id: 'hl-00000042' }, { command: 'create' }]);
    // A popup is in no tab: nothing to ask.
    expect(await route({ call: 'ui.highlightSelection', payload: {} }, POPUP)).toEqual({ ok: true, value: { asked: false } });
  });

  it("the content script's selection button asks for the highlighter in its own tab only", async () => {
    const { tabId, url } = await seenIn('hl-button');
    expect(await route({ call: 'content.highlightSelection', payload: {} }, contentIn(tabId, url))).toEqual({ ok: true, value: { asked: true } });
    expect(injected).toEqual([{ tabId, frameIds: [0], files: ['/highlighter.js'] }]);
    expect(await route({ call: 'content.highlightSelection', payload: {} }, contentIn(tabId, url, 2))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const silent = await fakeBrowser.tabs.create({ url });
    expect(await route({ call: 'content.highlightSelection', payload: {} }, contentIn(silent.id!, url))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('the highlighter reads only well-formed commands', () => {
    expect(readHighlighterCommand({ type: 'sv-highlighter', command: 'show', id: '<img src=x>' })).toBeNull();
    expect(readHighlighterCommand({ type: 'other', command: 'create' })).toBeNull();
    const place = { id: 'hl-00000001', selectors: selectors(2) };
    expect(readHighlighterCommand({ type: 'sv-highlighter', command: 'draw', places: [place] })).toEqual({ command: 'draw', places: [place] });
    expect(readHighlighterCommand({ type: 'sv-highlighter', command: 'draw', places: [] })).toEqual({ command: 'draw', places: [] });
    // A place is checked field by field: a bad id, offsets out of order, a missing quote, too many places.
    const bad = [
      { ...place, id: 'x' },
      { ...place, selectors: { ...place.selectors, position: { type: 'TextPositionSelector', start: 9, end: 3 } } },
      { id: place.id, selectors: { position: place.selectors.position } },
    ];
    for (const wrong of bad) expect(readHighlighterCommand({ type: 'sv-highlighter', command: 'draw', places: [place, wrong] })).toBeNull();
    expect(readHighlighterCommand({ type: 'sv-highlighter', command: 'draw', places: Array(501).fill(place) })).toBeNull();
    expect(readHighlighterCommand({ type: 'sv-highlighter', command: 'refresh' })).toBeNull();
  });

  it('answers the limits with a clear message', async () => {
    const { tabId, url } = await seenIn('hl-limits');
    const long = 'x'.repeat(5001);
    const answer = await route({ call: 'content.createHighlight', payload: { selectors: selectors(0, long) } }, contentIn(tabId, url));
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid-message', message: expect.stringContaining('at most 5,000 characters; this selection has 5,001') },
    });
  });

  it('forgets the article once the tab has gone elsewhere: its next page learns nothing of it', async () => {
    const { tabId, url } = await seenIn('hl-left');
    expect(await route({ call: 'content.createHighlight', payload: { selectors: selectors(3) } }, contentIn(tabId, url))).toMatchObject({ ok: true });
    const elsewhere = 'http://www.securityvibes.fr/menaces/';
    await fakeBrowser.tabs.update(tabId, { url: elsewhere });
    expect(await route({ call: 'content.highlightPlaces', payload: {} }, contentIn(tabId, elsewhere))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
