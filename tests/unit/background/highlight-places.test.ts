/**
 * What a tab's highlighter may say about its page — which highlights it could not place, which one the
 * reader clicked — and what the panel of that tab learns from it. Only ids of the tab's own article count.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundRouter } from '@/entrypoints/background/router';
import { createTabRateLimit, type SenderLike } from '@/lib/protocol';
import { POPUP, SELF, contentIn, page, stubUnmockedApis } from './setup';

const route = createBackgroundRouter(createTabRateLimit({ capacity: 1000, refillPerSecond: 0 }));
let sent: ReturnType<typeof stubUnmockedApis>;
beforeEach(() => {
  sent = stubUnmockedApis();
});

const selectors = (start: number) => ({
  quote: { type: 'TextQuoteSelector', exact: 'neuf millions', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start, end: start + 13 },
});
const panelIn = (tabId: number, url: string): SenderLike => ({ id: SELF.id, url: `${SELF.origin}/panel.html`, tab: { id: tabId, url }, frameId: 2 });

async function articleTab(slug: string) {
  const seen = page(slug);
  const tab = await fakeBrowser.tabs.create({ url: seen.url! });
  const content = contentIn(tab.id!, seen.url!);
  await route({ call: 'content.pageSeen', payload: { page: seen } }, content);
  const made = await route({ call: 'content.createHighlight', payload: { selectors: selectors(4) } }, content);
  const { id } = (made as { ok: true; value: { created: { id: string } } }).value.created;
  return { tabId: tab.id!, url: seen.url!, content, id };
}

describe('highlight places reported by the highlighter', () => {
  it("the panel of the tab learns its article's orphans; ids of other articles are dropped", async () => {
    const other = await articleTab('hp-other');
    const mine = await articleTab('hp-mine');
    expect(await route({ call: 'ui.highlightOrphans', payload: {} }, panelIn(mine.tabId, mine.url))).toEqual({ ok: true, value: [] });
    await route({ call: 'content.highlightsPlaced', payload: { orphans: [mine.id, other.id] } }, mine.content);
    expect(await route({ call: 'ui.highlightOrphans', payload: {} }, panelIn(mine.tabId, mine.url))).toEqual({ ok: true, value: [mine.id] });
    // Another tab's panel, and a popup (in no tab), learn nothing of this tab's report.
    expect(await route({ call: 'ui.highlightOrphans', payload: {} }, panelIn(other.tabId, other.url))).toEqual({ ok: true, value: [] });
    expect(await route({ call: 'ui.highlightOrphans', payload: {} }, POPUP)).toEqual({ ok: true, value: [] });
    expect(sent.runtimeSends).toContainEqual({ event: 'bg.highlightsChanged', payload: { url: mine.url } });
    // A content script cannot read the report back.
    expect(await route({ call: 'ui.highlightOrphans', payload: {} }, mine.content)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('a new page in the tab (a reload) forgets the orphans its previous page reported', async () => {
    const mine = await articleTab('hp-reload');
    await route({ call: 'content.highlightsPlaced', payload: { orphans: [mine.id] } }, mine.content);
    expect(await route({ call: 'ui.highlightOrphans', payload: {} }, panelIn(mine.tabId, mine.url))).toEqual({ ok: true, value: [mine.id] });
    await route({ call: 'content.pageSeen', payload: { page: page('hp-reload') } }, mine.content);
    // Forgotten before the new page's highlighter can report (it says nothing when all are found).
    await vi.waitFor(async () =>
      expect(await route({ call: 'ui.highlightOrphans', payload: {} }, panelIn(mine.tabId, mine.url))).toEqual({ ok: true, value: [] }),
    );
  });

  it('a click on a highlight opens it in the panel only when it is one of the tab’s own article', async () => {
    const other = await articleTab('hp-click-other');
    const mine = await articleTab('hp-click-mine');
    expect(await route({ call: 'content.highlightClicked', payload: { id: mine.id } }, mine.content)).toEqual({ ok: true, value: { asked: true } });
    expect(await route({ call: 'content.highlightClicked', payload: { id: other.id } }, mine.content)).toEqual({ ok: true, value: { asked: false } });
    const opened = sent.runtimeSends.filter((m) => (m as { event?: string }).event === 'bg.openHighlight');
    expect(opened).toEqual([{ event: 'bg.openHighlight', payload: { url: mine.url, id: mine.id } }]);
    // Nothing of it goes to a tab's content script.
    expect(sent.tabSends.filter((s) => JSON.stringify(s.message).includes('openHighlight'))).toEqual([]);
  });
});
