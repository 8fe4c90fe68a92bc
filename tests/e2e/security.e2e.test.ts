/**
 * Issue 12: a compromised archive page (its renderer, hence our content script's world) learns nothing of
 * the reader's notes, and the page's own scripts never meet the extension. Both browsers, production build.
 * Code "in the content script's world" runs through scripting.executeScript from an extension page, which
 * Chromium and Firefox run in the same isolated world (sandbox) as our manifest content script: messages
 * sent from there have the content script as sender.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls, type CallName } from '../../lib/protocol';
import { generateArchive } from '../fixtures/archive/index.ts';
import { startArchiveServer, type ArchiveServer } from '../fixtures/server.ts';
import { CALL_SAMPLES } from '../unit/protocol/call-samples';
import { BROWSERS, launch, pollUntil, type PageHandle, type Session } from './harness';
import { waitForContentScript, waitForPanel } from './ui-helpers';

const SECRET = 'Note privée : ne jamais sortir du navigateur 7f3a';

/** Runs first in the page's own world (before any other script): records every window message it receives. */
const PAGE_WORLD_RECORDER = `<script>
window.svSeen = [];
window.addEventListener('message', function (event) {
  var data;
  try { data = JSON.stringify(event.data); } catch (error) { data = 'unserialisable'; }
  window.svSeen.push({ origin: String(event.origin), fromOtherWindow: event.source !== null && event.source !== window, ports: event.ports ? event.ports.length : 0, data: data });
}, true);
window.postMessage('page-own-control', '*');
</script>`;

describe.each(BROWSERS)('security in %s', (browserName) => {
  const archive = generateArchive({ seed: 12, articles: 30 });
  const [first, second, third, watched] = archive.articles;
  let server: ArchiveServer;
  let session: Session;

  beforeAll(async () => {
    server = await startArchiveServer({ archive });
    const path = new URL(watched!.url).pathname;
    const html = archive.render(path).body.replace(/<head[^>]*>/i, (head) => `${head}${PAGE_WORLD_RECORDER}`);
    server.addPage(path, { status: 200, contentType: 'text/html; charset=utf-8', body: html });
    session = await launch(browserName, { server });
    expect(await session.callBackground('ui.saveNote', { url: first!.url, text: SECRET, rating: 5 })).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('from the content script’s own world, every ui.* call is refused and no note text comes back', async () => {
    const page = await session.openPage(first!.url);
    const tabId = await waitForContentScript(session, page);
    const names = Object.keys(calls) as CallName[];
    // The same calls aimed at the reader's note: read it, search it, export it, empty it.
    const aimed = [
      { call: 'ui.getArticleView', payload: { url: first!.url } },
      { call: 'ui.search', payload: { query: 'privée' } },
      { call: 'ui.saveNote', payload: { url: first!.url, text: '', rating: null } },
    ];
    const { answers, received } = await session.contentWorld(tabId, {
      record: true,
      read: true,
      send: [...names.map((name) => ({ call: name, payload: CALL_SAMPLES[name] })), ...aimed],
    });
    // 'forbidden' alone for refusals; anything unexpected with its message, so a failure says why.
    const outcome = (answer: unknown) => {
      const result = answer as { ok?: boolean; error?: { code?: string; message?: string } };
      if (result.ok === true) return 'ok';
      return result.error?.code === 'forbidden' ? 'forbidden' : JSON.stringify(answer);
    };
    // content.* calls report on the script's own page (its page, its article's highlight places and the
    // reader's selection there); every ui.* call is refused.
    expect(Object.fromEntries(names.map((name, i) => [name, outcome(answers[i])]))).toEqual(
      Object.fromEntries(names.map((name) => [name, name.startsWith('content.') ? 'ok' : 'forbidden'])),
    );
    expect(answers.slice(names.length).map(outcome)).toEqual(['forbidden', 'forbidden', 'forbidden']);
    expect(JSON.stringify({ answers, received })).not.toContain(SECRET);
    // The highlight content.createHighlight made gets a note from an extension page: the script's own
    // article's places never carry it.
    const listed = await session.callBackground('ui.listHighlights', { url: first!.url });
    const made = listed.ok ? listed.value[0] : undefined;
    expect(made).toBeDefined();
    expect(await session.callBackground('ui.saveHighlightNote', { id: made!.id, note: SECRET })).toMatchObject({ ok: true });
    // The probe's own content.pageSeen reported a page without an article: the reload reports the real one.
    await page.reload();
    await pollUntil(async () => {
      const seen = await session.callBackground('ui.getTabPage', { tabId });
      return seen.ok && seen.value?.article?.url === first!.url;
    }, 'the article to be reported again');
    // Retried: the highlighter the probe loaded also reports from this tab, within the same rate.
    const places = await pollUntil(async () => {
      const probe = await session.contentWorld(tabId, { send: [{ call: 'content.highlightPlaces', payload: {} }] });
      return (probe.answers[0] as { ok?: boolean }).ok ? probe : undefined;
    }, 'the highlight places of the reported article').then((probe) => probe!);
    expect(places.answers[0]).toMatchObject({ ok: true, value: [{ id: made!.id }] });
    expect(JSON.stringify(places)).not.toContain(SECRET);
    // Positive control: the note is there, readable from an extension page, and was not emptied.
    const view = await session.callBackground('ui.getArticleView', { url: first!.url });
    expect(view.ok && view.value.note?.text).toBe(SECRET);
    await page.close();
  });

  it('a note edited in one tab never reaches another tab’s content script', async () => {
    const other = await session.openPage(second!.url);
    const otherTab = await waitForContentScript(session, other);
    await session.contentWorld(otherTab, { record: true });
    const article = await session.openPage(third!.url);
    const panel = await waitForPanel(article);
    const typed = `${SECRET} (third)`;
    await panel.type('textarea', typed);
    await pollUntil(async () => {
      const view = await session.callBackground('ui.getArticleView', { url: third!.url });
      return view.ok && view.value.note?.text === typed;
    }, 'the typed note to be saved');
    expect(await session.callBackground('ui.saveNote', { url: second!.url, text: `${SECRET} (second)`, rating: 2 })).toMatchObject({ ok: true });
    // Positive control: what is sent to that content script does arrive in the recorder.
    await session.sendToTab(otherTab, { probe: 'control' });
    const received = await pollUntil(async () => {
      const read = await session.contentWorld(otherTab, { read: true });
      return read.received.length > 0 ? read.received : null;
    }, 'the control message to be recorded');
    expect(received).toContainEqual({ probe: 'control' });
    expect(JSON.stringify(received)).not.toContain(SECRET);
    expect(JSON.stringify(received)).not.toContain('bg.noteChanged');
    await article.close();
    await other.close();
  });

  it('the page’s own scripts never see an extension origin, handle or marker across a panel session', async () => {
    const page = await session.openPage(watched!.url);
    const panel = await waitForPanel(page);
    await panel.type('textarea', 'vu');
    await panel.click('.sv-panel-toggle');
    await panel.click('.sv-panel-toggle');
    await pollUntil(async () => {
      const view = await session.callBackground('ui.getArticleView', { url: watched!.url });
      return view.ok && view.value.note?.text === 'vu';
    }, 'the panel note to be saved');
    const seen = await page.evaluate(() => ({
      messages: (window as unknown as { svSeen: { origin: string; fromOtherWindow: boolean; ports: number; data: string }[] }).svSeen,
      dataset: Object.keys(document.documentElement.dataset),
      worldMark: 'svCompanionRan' in window,
      marks: performance
        .getEntries()
        .map((entry) => entry.name)
        .filter((name) => /^sv-/.test(name)),
    }));
    // Positive control: the recorder ran and saw the page's own message.
    expect(seen.messages).toContainEqual(expect.objectContaining({ data: '"page-own-control"', fromOtherWindow: false }));
    expect(seen.messages.filter((m) => /^(chrome|moz)-extension:/.test(m.origin) || m.fromOtherWindow || m.ports > 0)).toEqual([]);
    expect(seen).toMatchObject({ dataset: [], worldMark: false, marks: [] });
    await page.close();
  });

  it('the popup on a tab that left the archive shows the "elsewhere" view', async () => {
    const page = await session.openPage(second!.url);
    const tabId = await waitForContentScript(session, page);
    await pollUntil(async () => {
      const seen = await session.callBackground('ui.getTabPage', { tabId });
      return seen.ok && seen.value?.kind === 'article';
    }, 'the article to be reported');
    // Positive control: while on the article, the popup presents it.
    const before = await openTabPopup(session, tabId);
    await before.waitForSelector('.sv-companion');
    await before.close();

    await page.goto(`http://127.0.0.1:${server.port}/`);
    const after = await openTabPopup(session, tabId);
    await after.waitForSelector('.sv-elsewhere');
    expect(await after.evaluate(() => document.querySelector('.sv-companion'))).toBeNull();
    expect(await session.callBackground('ui.getTabPage', { tabId })).toEqual({ ok: true, value: null });
    await after.close();
    await page.close();
  });
});

/** popup.html for tab `tabId` in a tab of its own (both browsers: the tab is named, not "the active one"). */
async function openTabPopup(session: Session, tabId: number): Promise<PageHandle> {
  const popup = await session.openExtensionPage(`popup.html?tab=${tabId}`);
  await popup.waitForSelector('html[data-ready="true"]');
  return popup;
}
