import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { generateArchive, type Archive } from '../fixtures/archive/index.ts';
import { startArchiveServer, type ArchiveServer } from '../fixtures/server.ts';
import { BROWSERS, launch, pollUntil, PROJECT_ROOT, type PageHandle, type Session } from './harness';
import { waitForContentScript } from './ui-helpers';

const AXE_SOURCE = readFileSync(join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core in the page. Extension pages forbid eval, but the drivers' evaluate (CDP / WebDriver BiDi)
 * is not subject to the page's CSP: so axe's source becomes the body of the function that is evaluated.
 */
// The Function constructor runs here in Node, only to build that function for the driver to serialise.
const runAxe = new Function(
  'arg',
  `${AXE_SOURCE}
  ;return window.axe.run(document, { resultTypes: ['violations'] }).then(function (r) {
    return r.violations.map(function (v) { return v.id + ' (' + v.impact + '): ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); });
  });`,
) as (arg: undefined) => Promise<string[]>;

/** Clicks (trusted) the first button or link whose accessible text is `name`. */
async function clickNamed(page: PageHandle, name: string, within = 'body'): Promise<void> {
  const marker = await page.waitForFunction(
    ({ name, within }) => {
      const scope = document.querySelector(within);
      const target = [...(scope?.querySelectorAll('button, a, input[type="checkbox"]') ?? [])].find(
        (el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() === name || el.closest('label')?.textContent?.trim() === name,
      );
      if (!target || (target as HTMLButtonElement).disabled) return null;
      const id = `e2e-${Math.random().toString(36).slice(2)}`;
      target.setAttribute('data-e2e', id);
      return id;
    },
    { name, within },
  );
  await page.click(`[data-e2e="${marker}"]`);
}

async function openOptions(session: Session, hash = ''): Promise<PageHandle> {
  const page = await session.openExtensionPage(`options.html${hash}`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true' && document.querySelector('.counts') !== null);
  return page;
}

const tableCell = (page: PageHandle, kind: string, column: string) => page.text(`tr[data-kind="${kind}"] td[data-column="${column}"]`);

describe.each(BROWSERS)('options page in %s', (browserName) => {
  let archive: Archive;
  let server: ArchiveServer;
  let session: Session;

  beforeAll(async () => {
    archive = generateArchive({ seed: 21, articles: 24 });
    server = await startArchiveServer({ archive });
    session = await launch(browserName, { server });
    // Index a few articles the way a reader does (browsing), then annotate three of them.
    for (const [i, article] of archive.articles.slice(0, 3).entries()) {
      const page = await session.openPage(article.url);
      await page.waitForSelector('sv-companion-panel');
      // The panel is framed while the page is still being reported: wait for the index to hold it.
      await pollUntil(
        async () => {
          const status = await session.callBackground('ui.indexStatus', {});
          return status.ok && status.value.articles >= i + 1;
        },
        `article ${i + 1} to be indexed`,
      );
      await page.close();
    }
    for (const [i, article] of archive.articles.slice(0, 3).entries()) {
      const saved = await session.callBackground('ui.saveNote', { url: article.url, text: `Note ${i} — à relire`, rating: i + 3 });
      expect(saved.ok).toBe(true);
    }
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('shows the index counts and the notes library', async () => {
    const page = await openOptions(session);
    const status = await session.callBackground('ui.indexStatus', {});
    expect(status.ok).toBe(true);
    if (!status.ok) return;
    expect(status.value.notes).toBe(3);
    const counts = await page.evaluate(() => [...document.querySelectorAll('.counts dd')].map((dd) => dd.textContent));
    expect(counts.slice(0, 3)).toEqual([String(status.value.articles), String(status.value.tags), '3']);
    expect(await page.text('.result-count')).toBe('Notes 1–3 of 3');
    const titles = await page.evaluate(() => [...document.querySelectorAll('.note-title a')].map((a) => a.textContent));
    expect(titles.sort()).toEqual(
      archive.articles
        .slice(0, 3)
        .map((a) => a.title)
        .sort(),
    );
    await page.close();
  });

  it('exports JSON and re-imports it with a preview of what changes', async () => {
    const page = await openOptions(session, '#backup');
    // Capture the download instead of letting the browser save it: the Blob URL is read back in the page.
    await page.evaluate(() => {
      const w = window as unknown as { downloads: { name: string; href: string }[] };
      w.downloads = [];
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        w.downloads.push({ name: this.download, href: this.href });
      };
    });
    await clickNamed(page, 'Export backup (JSON)');
    const json = (await page.waitForFunction(async () => {
      const d = (window as unknown as { downloads: { href: string }[] }).downloads[0];
      return d ? (await fetch(d.href)).text() : null;
    })) as string;
    const backup = JSON.parse(json) as { format: string; notes: { url: string; text: string; updatedAt: number }[]; articles: unknown[]; settings: unknown };
    expect(backup.format).toBe('securityvibes-companion');
    expect(backup.notes).toHaveLength(3);

    // The same file, with one note edited later: the preview must say 1 updated, 2 kept.
    const edited = backup.notes[0]!;
    edited.text = 'Relu et corrigé';
    edited.updatedAt += 60_000;
    // …and settings that would send the crawler to another host: shown, applied only if ticked.
    const mine = await session.callBackground('ui.getSettings', {});
    if (!mine.ok) throw new Error(mine.error.message);
    backup.settings = { ...mine.value, archiveHosts: [...mine.value.archiveHosts, 'evil.example'], crawlDelayMs: 250 };
    const file = JSON.stringify(backup);
    const expected = await session.callBackground('ui.previewImport', { json: file });
    expect(expected.ok).toBe(true);
    if (!expected.ok) return;
    expect(expected.value.notes).toMatchObject({ added: 0, updated: 1, kept: 2, rejected: 0 });

    await page.evaluate((content) => {
      const input = document.querySelector<HTMLInputElement>('#backup input[type="file"]')!;
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'sauvegarde.json', { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, file);
    expect(await page.text('.import-preview h3')).toBe('What importing sauvegarde.json will change');
    expect(await tableCell(page, 'notes', 'updated')).toBe('1');
    expect(await tableCell(page, 'notes', 'kept')).toBe('2');
    expect(await tableCell(page, 'articles', 'kept')).toBe(String(expected.value.articles.kept));
    expect(await tableCell(page, 'articles', 'added')).toBe(String(expected.value.articles.added));
    const before = await session.callBackground('ui.getArticleView', { url: edited.url });
    expect(before.ok && before.value.note?.text).toBe('Note 0 — à relire');
    expect(await page.text('.import-settings tr[data-setting="archiveHosts"] td[data-column="incoming"]')).toBe(
      [...mine.value.archiveHosts, 'evil.example'].join(', '),
    );
    expect(await page.text('.import-settings tr[data-setting="crawlDelayMs"] td[data-column="incoming"]')).toBe('0.25');
    expect(await page.evaluate(() => document.querySelector<HTMLInputElement>('.import-settings input[type="checkbox"]')?.checked)).toBe(false);
    await page.evaluate(() => document.querySelector('.import-settings')?.scrollIntoView({ block: 'center' }));
    await session.screenshot(page, 'options-import-preview');

    await clickNamed(page, 'Apply import');
    expect(await page.text('.import-preview h3')).toBe('Imported sauvegarde.json');
    expect(await page.text('.import-settings p')).toBe("The file's settings were not applied: yours are unchanged.");
    const after = await session.callBackground('ui.getArticleView', { url: edited.url });
    expect(after.ok && after.value.note?.text).toBe('Relu et corrigé');
    const settingsAfter = await session.callBackground('ui.getSettings', {});
    expect(settingsAfter.ok && settingsAfter.value).toEqual(mine.value);
    await page.close();
  });

  it('says the store is kept under disk pressure and how much it uses (unlimitedStorage: no install warning)', async () => {
    const page = await openOptions(session, '#backup');
    await page.waitForSelector('.storage-status [data-kept]');
    const kept = await page.evaluate(() => document.querySelector('.storage-status [data-kept]')?.getAttribute('data-kept'));
    const facts = await page.evaluate(async () => ({
      persisted: await navigator.storage.persisted(),
      usage: (await navigator.storage.estimate()).usage ?? -1,
    }));
    // Firefox gives an extension with unlimitedStorage the persistent-storage permission; Chromium answers
    // persisted() false but exempts unlimited origins from eviction (its quota manager's special storage policy).
    expect(kept).toBe(session.name === 'firefox' ? 'persistent' : 'unlimited');
    expect(facts.persisted).toBe(session.name === 'firefox');
    expect(facts.usage).toBeGreaterThan(0);
    expect(await page.text('.storage-status [data-usage]')).toMatch(/^In use: [\d.,]+ (kB|MB|GB) \(the browser allows up to [\d.,]+ (kB|MB|GB|TB)\)\.$/);
    if (session.name === 'chromium') {
      // Chromium's own install-prompt logic, on the built manifest with and without unlimitedStorage.
      const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, '.output/chrome-mv3/manifest.json'), 'utf8')) as { permissions: string[] };
      expect(manifest.permissions).toContain('unlimitedStorage');
      const without = { ...manifest, permissions: manifest.permissions.filter((p) => p !== 'unlimitedStorage') };
      const warnings = await page.evaluate(
        async ({ withIt, withoutIt }) => {
          const management = (globalThis as unknown as { chrome: { management: { getPermissionWarningsByManifest(m: string): Promise<string[]> } } }).chrome
            .management;
          return { withIt: await management.getPermissionWarningsByManifest(withIt), withoutIt: await management.getPermissionWarningsByManifest(withoutIt) };
        },
        { withIt: JSON.stringify(manifest), withoutIt: JSON.stringify(without) },
      );
      expect(warnings.withIt).toEqual(warnings.withoutIt);
      expect(warnings.withIt.length).toBeGreaterThan(0); // the host permissions' warning: the call does answer
    }
    await page.evaluate(() => document.querySelector('.storage-status')?.scrollIntoView({ block: 'center' }));
    await session.screenshot(page, 'options-storage');
    await page.close();
  });

  it('refuses a corrupt file with a clear message and changes nothing', async () => {
    const page = await openOptions(session, '#backup');
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#backup input[type="file"]')!;
      const transfer = new DataTransfer();
      transfer.items.add(new File(['{"format":"securityvibes-companion","version":99,'], 'broken.json'));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(await page.text('#backup [role="alert"]')).toMatch(/^This file cannot be imported; nothing was changed\./);
    expect(await page.evaluate(() => document.querySelector('.import-preview'))).toBeNull();
    await page.close();
  });

  it('edits a note inline', async () => {
    const article = archive.articles[1]!;
    const page = await openOptions(session, '#notes');
    await clickNamed(page, `Edit the note on “${article.title}”`);
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
    await page.evaluate(() => {
      const area = document.activeElement as HTMLTextAreaElement;
      area.setSelectionRange(area.value.length, area.value.length);
    });
    await page.type('.note-edit textarea', ' (vu en 2026)');
    await page.waitForFunction(() => document.querySelector('.note-edit .sv-status')?.textContent === 'Saved');
    await clickNamed(page, 'Done');
    await page.waitForFunction((text) => [...document.querySelectorAll('.note-text')].some((p) => p.textContent === text), 'Note 1 — à relire (vu en 2026)');
    const view = await session.callBackground('ui.getArticleView', { url: article.url });
    expect(view.ok && view.value.note?.text).toBe('Note 1 — à relire (vu en 2026)');
    await page.close();
  });

  it('deletes a note to the trash and restores it', async () => {
    const article = archive.articles[2]!;
    const page = await openOptions(session, '#notes');
    await clickNamed(page, `Delete the note on “${article.title}”`);
    await page.waitForSelector('.trash-items li');
    expect(await page.text('.trash-items strong')).toBe(article.title);
    const trash = await session.callBackground('ui.listTrash', {});
    expect(trash.ok && trash.value.map((n) => n.url)).toEqual([article.url]);
    expect(await page.text('.result-count')).toBe('Notes 1–2 of 2');

    await clickNamed(page, `Restore the note on “${article.title}”`);
    await page.waitForFunction(() => document.querySelector('.result-count')?.textContent === 'Notes 1–3 of 3');
    const view = await session.callBackground('ui.getArticleView', { url: article.url });
    expect(view.ok && view.value.note?.rating).toBe(5);
    expect(await page.text('.trash .hint:last-of-type')).toBe('The trash is empty.');
    await page.close();
  });

  it('switches the in-page panel off and on, and article pages follow', async () => {
    const article = archive.articles[4]!;
    const options = await openOptions(session, '#settings');
    await options.waitForSelector('#settings input[type="checkbox"]');
    await clickNamed(options, 'Show the panel on article pages');
    await options.waitForFunction(() => document.querySelector('#settings [role="status"]')?.textContent === 'Settings saved.');
    const settings = await session.callBackground('ui.getSettings', {});
    expect(settings.ok && settings.value.panelEnabled).toBe(false);

    const page = await session.openPage(article.url);
    // The content script decides on the panel from its content.pageSeen answer: once the background
    // knows the page, that answer has been given.
    const tabId = await waitForContentScript(session, page);
    await expect
      .poll(
        async () => {
          const seen = await session.callBackground('ui.getTabPage', { tabId });
          return seen.ok && seen.value?.kind;
        },
        { timeout: 10_000 },
      )
      .toBe('article');
    await new Promise((done) => setTimeout(done, 700));
    expect(await page.evaluate(() => document.querySelector('sv-companion-panel'))).toBeNull();

    await options.bringToFront();
    await clickNamed(options, 'Show the panel on article pages');
    await options.waitForFunction(() => (document.querySelector('#settings input[type="checkbox"]') as HTMLInputElement).checked);
    await page.reload();
    await page.waitForSelector('sv-companion-panel');
    await page.close();
    await options.close();
  });

  it('builds the index with live progress, pauses, resumes and stops it', async () => {
    const saved = await session.callBackground('ui.saveSettings', { crawlDelayMs: 200 });
    expect(saved.ok).toBe(true);
    // This archive's whole crawl is 6 requests (robots, two sitemaps, three listing pages): about 1 s at
    // 200 ms apart, less than it takes to drive pause and resume in Firefox, so the states under test could
    // pass unseen or never come. The listing pages after the first are held for longer than the test:
    // the crawl stays running until the buttons stop it (pause and stop abort the held request).
    server.setFaults([{ match: '/page/*', delayMs: 30_000 }]);
    const page = await openOptions(session);
    // A failure below must not leave a crawl running into the next test (clearing is refused meanwhile).
    onTestFinished(async () => {
      server.setFaults([]);
      await session.callBackground('ui.crawlCancel', {});
    });
    await clickNamed(page, 'Build index');
    // Live bg.crawlProgress events move the bar: wait for a page count above zero.
    const fetched = await page.waitForFunction(
      () => {
        const bar = document.querySelector<HTMLProgressElement>('#index progress');
        return bar && bar.value > 0 ? bar.value : null;
      },
      undefined,
      { timeout: 20_000 },
    );
    expect(fetched).toBeGreaterThan(0);
    expect(await page.text('.crawl-state')).toBe('Building the index… · full build');
    await clickNamed(page, 'Pause');
    await page.waitForFunction(() => document.querySelector('.crawl-state')?.textContent?.startsWith('Paused'));
    await clickNamed(page, 'Resume');
    await page.waitForFunction(() => document.querySelector('.crawl-state')?.textContent?.startsWith('Building'));
    await clickNamed(page, 'Stop');
    await page.waitForFunction(() => document.querySelector('.crawl-state')?.textContent?.startsWith('Stopped'), undefined, { timeout: 20_000 });
    const status = await session.callBackground('ui.crawlStatus', {});
    expect(status.ok && status.value.state).toBe('cancelled');
    await page.waitForSelector('button.primary');
    expect(await page.text('#index button.primary')).toBe('Build index');
    await page.close();
  });

  it('has no axe violations in light and dark, and saves screenshots', async () => {
    const page = await openOptions(session);
    await page.waitForSelector('.notes .note');
    await page.evaluate(() => (document.querySelector('.crawl-log') as HTMLDetailsElement).setAttribute('open', ''));
    for (const scheme of ['light', 'dark'] as const) {
      await page.setColorScheme(scheme);
      expect(await page.evaluate((s) => matchMedia(`(prefers-color-scheme: ${s})`).matches, scheme)).toBe(true);
      expect(await page.evaluate(runAxe)).toEqual([]);
      if (scheme === 'light') {
        // The probe itself must be able to fail: an unlabelled field is reported, then removed.
        await page.evaluate(() => document.querySelector('main')?.append(Object.assign(document.createElement('input'), { id: 'axe-probe' })));
        expect((await page.evaluate(runAxe)).join('\n')).toMatch(/^label .*#axe-probe/m);
        await page.evaluate(() => document.getElementById('axe-probe')?.remove());
      }
      const shot = await session.screenshot(page, `options-${scheme}`);
      // docs/ copies (README) are refreshed only when asked, so a test run leaves the tree as it was.
      if (browserName === 'chromium' && process.env.SV_UPDATE_DOCS === '1') {
        mkdirSync(join(PROJECT_ROOT, 'docs'), { recursive: true });
        copyFileSync(shot, join(PROJECT_ROOT, `docs/options-${scheme}.png`));
      }
    }
    await page.evaluate(() => document.getElementById('settings')?.scrollIntoView());
    await session.screenshot(page, 'options-settings-dark');
    await page.setColorScheme('light');
    await page.close();
  });

  it('clears the index from the keyboard after confirming, keeping every note', async () => {
    const page = await openOptions(session);
    const notesBefore = await session.callBackground('ui.indexStatus', {});
    expect(notesBefore.ok && notesBefore.value.notes).toBe(3);
    await page.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('#index button')].find((b) => b.textContent === 'Clear index…')?.focus());
    await page.press('Enter');
    // Enter on the focused button opens the confirmation, which takes focus on its harmless choice.
    await page.waitForFunction(() => document.activeElement?.textContent === 'Cancel');
    expect(await page.text('.confirm p')).toContain('Your notes are kept');
    await page.evaluate(() =>
      [...document.querySelectorAll<HTMLButtonElement>('.confirm button')].find((b) => b.textContent === 'Yes, clear the index')?.focus(),
    );
    await page.press('Enter');
    await page.waitForFunction(() => document.querySelector('.confirm') === null);
    expect(await page.text('.clear-index [role="status"]')).toMatch(/^Index cleared: \d+ articles removed\. Your notes are untouched\.$/);
    const after = await session.callBackground('ui.indexStatus', {});
    expect(after.ok && after.value).toMatchObject({ articles: 0, notes: 3 });
    expect(await page.text('.result-count')).toBe('Notes 1–3 of 3');
    await page.close();
  });
});
