import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive, type Archive } from '../fixtures/archive/index.ts';
import { startArchiveServer, type ArchiveServer } from '../fixtures/server.ts';
import { BROWSERS, launch, pollUntil, PROJECT_ROOT, type Session } from './harness';

const VERSION = (JSON.parse(readFileSync(`${PROJECT_ROOT}/package.json`, 'utf8')) as { version: string }).version;

describe.each(BROWSERS)('foundation in %s', (browserName) => {
  let archive: Archive;
  let server: ArchiveServer;
  let session: Session;

  beforeAll(async () => {
    archive = generateArchive({ seed: 7, articles: 12 });
    server = await startArchiveServer({ archive });
    session = await launch(browserName, { server });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('installs the production build under its extension origin', async () => {
    expect(session.extensionOrigin).toMatch(browserName === 'chromium' ? /^chrome-extension:\/\/[a-p]{32}$/ : /^moz-extension:\/\/[0-9a-f-]{36}$/);
    const page = await session.openExtensionPage('options.html');
    const manifest = await page.evaluate(async () => (await fetch('/manifest.json')).json() as Promise<{ version: string; manifest_version: number }>);
    expect(manifest).toMatchObject({ version: VERSION, manifest_version: 3 });
    await page.close();
  });

  it('answers ui.ping with the manifest version', async () => {
    expect(await session.callBackground('ui.ping', {})).toEqual({ ok: true, value: { version: VERSION } });
  });

  it('answers a malformed envelope with a Result error, not a throw', async () => {
    expect(await session.sendRawMessage({ call: 'ui.noSuchCall', payload: {} })).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(await session.sendRawMessage({ call: 'ui.ping', payload: 'not an object' })).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });

  it('runs the content script on an archive article served under the real host name', async () => {
    const article = archive.articles[0]!;
    expect(article.url).toMatch(/^http:\/\/www\.securityvibes\.fr\/[^/]+\/[^/]+\/$/);
    const page = await session.openPage(article.url);
    expect(await page.evaluate(() => document.body.textContent ?? '')).toContain(article.title);
    expect(server.requests.some((r) => r.host === 'www.securityvibes.fr' && r.path === article.path)).toBe(true);
    // The content script recognised the page and reported it: the background knows this tab's article.
    const reported = await reportedPage(session, await session.tabIdOf(page));
    expect(reported).toMatchObject({ kind: 'article', url: article.url, article: { url: article.url, title: article.title } });
    await page.close();
  });

  it('renders the popup (light and dark screenshots)', async () => {
    const truth = archive.articles[1]!;
    const article = await session.openPage(truth.url);
    await reportedPage(session, await session.tabIdOf(article));
    const popup = await session.openPopup(article);
    expect(popup.kind).toBe(session.realPopup ? 'popup' : 'tab');
    expect(await popup.text('.sv-brand-name')).toBe('SecurityVibes Companion');
    if (session.realPopup) {
      // The real popup sees the article as "the active tab" and shows it.
      await popup.waitForFunction((title) => document.body.textContent?.includes(title), truth.title);
    } else {
      // popup.html in a tab is its own active tab: it shows the "not an archive page" dashboard.
      await popup.waitForSelector('main', { visible: true });
    }
    await session.screenshot(popup, 'foundation-popup-light');
    await popup.setColorScheme('dark');
    expect(await popup.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    await session.screenshot(popup, 'foundation-popup-dark');
    await popup.setColorScheme('light');
    await popup.close();
    await article.close();
  });

  it('does not let a web page reach the background', async () => {
    const target = archive.articles[2]!;
    const page = await session.openPage(target.url);
    await reportedPage(session, await session.tabIdOf(page)); // our content script is up in this tab
    const attempt = await page.evaluate(
      async ({ extensionId, url }) => {
        const forged = { call: 'ui.saveNote', payload: { url, text: 'forged by the page', rating: 5 } };
        // Window messages reach every listener, the content script's included, in the order posted: once the
        // page's own listener has the marker posted last, any listener of ours has seen the forged two.
        const delivered = new Promise<void>((done) => window.addEventListener('message', (event) => event.data === 'sv-test-marker' && done()));
        window.postMessage(forged, '*');
        window.postMessage({ call: 'ui.clearIndex', payload: {} }, '*');
        window.postMessage('sv-test-marker', '*');
        await delivered;
        const globals = globalThis as unknown as Record<string, { runtime?: { sendMessage?: (...args: unknown[]) => Promise<unknown> } } | undefined>;
        const outcomes: string[] = [];
        for (const name of ['chrome', 'browser']) {
          const send = globals[name]?.runtime?.sendMessage;
          if (typeof send !== 'function') {
            outcomes.push(`${name}: no runtime.sendMessage`);
            continue;
          }
          try {
            const answer = await send(extensionId, forged);
            outcomes.push(`${name}: answered ${JSON.stringify(answer)}`);
          } catch (error) {
            outcomes.push(`${name}: threw ${String(error)}`);
          }
        }
        return outcomes;
      },
      { extensionId: session.extensionId, url: target.url },
    );
    for (const outcome of attempt) expect(outcome).toMatch(/: (no runtime\.sendMessage|threw )/);
    // The background is alive and holds no note the page tried to forge.
    expect(await session.callBackground('ui.ping', {})).toEqual({ ok: true, value: { version: VERSION } });
    const view = await session.callBackground('ui.getArticleView', { url: target.url });
    expect(view.ok && view.value.note).toBeFalsy();
    await page.close();
  });

  it('stops the background on demand and wakes it with the next message', async () => {
    expect(await session.callBackground('ui.ping', {})).toMatchObject({ ok: true });
    await session.stopBackground();
    expect(await session.backgroundRunning()).toBe(false);
    expect(await session.callBackground('ui.ping', {})).toEqual({ ok: true, value: { version: VERSION } });
    expect(await session.backgroundRunning()).toBe(true);
  });

  it('keeps the extension origin and its IndexedDB across a browser restart', async () => {
    // A throwaway database (not the product's): proves the origin's storage outlives the browser process.
    const writer = await session.openExtensionPage('options.html');
    const stamp = `probe-${Date.now()}`;
    await writer.evaluate(probeDb, { mode: 'put', value: stamp });
    const originBefore = session.extensionOrigin;
    await session.restart();
    expect(session.extensionOrigin).toBe(originBefore);
    const reader = await session.openExtensionPage('options.html');
    expect(await reader.evaluate(probeDb, { mode: 'get', value: '' })).toBe(stamp);
    await reader.evaluate(
      () =>
        new Promise((done) => {
          indexedDB.deleteDatabase('sv-harness-probe').onsuccess = done;
        }),
    );
    expect(await session.callBackground('ui.ping', {})).toEqual({ ok: true, value: { version: VERSION } });
  });
});

/** What the content script reported for `tabId` (waits for the report). */
async function reportedPage(session: Session, tabId: number) {
  return pollUntil(async () => {
    const result = await session.callBackground('ui.getTabPage', { tabId });
    return result.ok ? result.value : null;
  }, `ui.getTabPage for tab ${tabId}`);
}

/** Runs in the extension page: one key in a tiny database. Serialised by evaluate, so it is self-contained. */
function probeDb({ mode, value }: { mode: 'put' | 'get'; value: string }): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('sv-harness-probe', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('kv');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('kv', mode === 'put' ? 'readwrite' : 'readonly');
      const request = mode === 'put' ? tx.objectStore('kv').put(value, 'stamp') : tx.objectStore('kv').get('stamp');
      tx.oncomplete = () => {
        open.result.close();
        resolve(mode === 'put' ? value : ((request.result as string | undefined) ?? null));
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}
