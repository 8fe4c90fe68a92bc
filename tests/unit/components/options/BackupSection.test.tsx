// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unzipSync, zipSync, strToU8, strFromU8 } from 'fflate';
import type { ImportReport, Settings } from '@/lib/model';
import { MAX_IMPORT_CHARS, err } from '@/lib/protocol';
import { BackupSection } from '@/components/options/BackupSection';
import { fakeBackground, fakeStorage, useLocale, withOptionsServices, type FakeHandlers } from './helpers';

beforeEach(() => useLocale('en'));
afterEach(cleanup);

const MINE: Settings = { archiveHosts: ['www.securityvibes.fr'], panelEnabled: true, waybackEnabled: false, crawlDelayMs: 1000, crawlConcurrency: 1 };
const THEIRS: Settings = { ...MINE, archiveHosts: ['www.securityvibes.fr', 'evil.example'], crawlDelayMs: 250 };

const report = (
  applied: boolean,
  settingsApplied = false,
  settings: ImportReport['settings'] = { current: MINE, incoming: THEIRS, changed: ['archiveHosts', 'crawlDelayMs'], applied: settingsApplied },
): ImportReport => ({
  applied,
  articles: { added: 120, updated: 3, kept: 900, rejected: 0 },
  notes: { added: 4, updated: 2, kept: 10, rejected: 1 },
  trash: { added: 0, updated: 0, kept: 1, rejected: 0 },
  highlights: { added: 7, updated: 0, kept: 2, rejected: 0 },
  settings,
  futureTimes: 2,
  rejections: [{ reason: 'note url is not an http(s) URL: <b>javascript:alert(1)</b>', count: 1 }],
});
const settingCell = (key: string, column: string) => document.querySelector(`tr[data-setting="${key}"] td[data-column="${column}"]`)?.textContent;

function setup(extra: FakeHandlers = {}) {
  const saved: { name: string; blob: Blob }[] = [];
  const bg = fakeBackground({
    'ui.exportJson': () => ({ filename: 'securityvibes-companion-2026-11-28.json', json: '{"format":"securityvibes-companion"}' }),
    'ui.exportMarkdown': () => ({
      filename: '../../etc/notes.zip',
      base64: Buffer.from(zipSync({ 'article-1.md': strToU8('---\ntitle: "Article 1"\n---\nTexte') })).toString('base64'),
    }),
    'ui.exportWebAnnotations': () => ({ filename: 'securityvibes-highlights-2026-12-07.jsonld', json: '{"@context":"http://www.w3.org/ns/anno.jsonld"}' }),
    'ui.previewImport': () => report(false),
    'ui.applyImport': ({ applySettings }) => report(true, applySettings),
    ...extra,
  });
  render(withOptionsServices(<BackupSection />, { call: bg.call, saveFile: (name, blob) => saved.push({ name, blob }), storage: fakeStorage().storage }));
  return { bg, saved };
}

function choose(content: string, name = 'backup.json', size?: number) {
  const file = new File([content], name, { type: 'application/json' });
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
  const input = screen.getByLabelText('Backup file') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

const cell = (kind: string, column: string) => document.querySelector(`tr[data-kind="${kind}"] td[data-column="${column}"]`)?.textContent;

describe('BackupSection', () => {
  it('exports JSON as a download of the background text', async () => {
    const { saved } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Export backup (JSON)' }));
    await screen.findByText('Saved as securityvibes-companion-2026-11-28.json');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.blob.type).toBe('application/json');
    expect(await saved[0]!.blob.text()).toBe('{"format":"securityvibes-companion"}');
  });

  it('exports Markdown as the decoded zip, with a sanitised file name', async () => {
    const { saved } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Export notes (Markdown zip)' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).not.toContain('/');
    expect(saved[0]!.blob.type).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await saved[0]!.blob.arrayBuffer()));
    expect(strFromU8(files['article-1.md']!)).toContain('title: "Article 1"');
  });

  it('exports the highlights as W3C Web Annotations (JSON-LD)', async () => {
    const { saved } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Export highlights (W3C Web Annotation)' }));
    await screen.findByText('Saved as securityvibes-highlights-2026-12-07.jsonld');
    expect(saved[0]!.blob.type).toBe('application/ld+json');
    expect(await saved[0]!.blob.text()).toBe('{"@context":"http://www.w3.org/ns/anno.jsonld"}');
  });

  it('previews an import, then applies it', async () => {
    const { bg } = setup();
    choose('{"format":"securityvibes-companion","version":1}', 'mes-notes.json');
    expect(await screen.findByRole('heading', { name: 'What importing mes-notes.json will change' })).toBeTruthy();
    expect(cell('articles', 'added')).toBe('120');
    expect(cell('notes', 'updated')).toBe('2');
    expect(cell('notes', 'kept')).toBe('10');
    expect(cell('notes', 'rejected')).toBe('1');
    expect(cell('trash', 'kept')).toBe('1');
    expect(cell('highlights', 'added')).toBe('7');
    expect(screen.getByText('1 × note url is not an http(s) URL: <b>javascript:alert(1)</b>')).toBeTruthy();
    expect(document.querySelector('.rejections b')).toBeNull();
    expect(screen.getByText('2 dates later than tomorrow were set to the time of import.')).toBeTruthy();
    expect(bg.callsTo('ui.applyImport')).toHaveLength(0);

    // What the file's settings would change, and the box that applies them, unticked.
    expect(settingCell('archiveHosts', 'current')).toBe('www.securityvibes.fr');
    expect(settingCell('archiveHosts', 'incoming')).toBe('www.securityvibes.fr, evil.example');
    expect(settingCell('crawlDelayMs', 'current')).toBe('1');
    expect(settingCell('crawlDelayMs', 'incoming')).toBe('0.25');
    expect(document.querySelectorAll('tr[data-setting]')).toHaveLength(2);
    const box = screen.getByRole('checkbox', { name: "Also apply the file's settings shown below" }) as HTMLInputElement;
    expect(box.checked).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Apply import' }));
    expect(await screen.findByRole('heading', { name: 'Imported mes-notes.json' })).toBeTruthy();
    expect(bg.callsTo('ui.applyImport')).toEqual([{ json: '{"format":"securityvibes-companion","version":1}', applySettings: false }]);
    expect(screen.queryByRole('button', { name: 'Apply import' })).toBeNull();
    expect(screen.getByText("The file's settings were not applied: yours are unchanged.")).toBeTruthy();
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it("applies the file's settings only when the reader ticks them", async () => {
    const { bg } = setup();
    choose('{"settings":{}}', 'index.json');
    fireEvent.click(await screen.findByRole('checkbox', { name: "Also apply the file's settings shown below" }));
    fireEvent.click(screen.getByRole('button', { name: 'Apply import' }));
    expect(await screen.findByText("Your settings were replaced by the file's.")).toBeTruthy();
    expect(bg.callsTo('ui.applyImport')).toEqual([{ json: '{"settings":{}}', applySettings: true }]);
  });

  it.each([
    ['the same settings', { current: MINE, incoming: MINE, changed: [], applied: false }, "The file's settings are the same as yours."],
    ['no settings', null, 'The file carries no settings: yours are not changed.'],
  ] as const)('offers nothing to tick for a file with %s', async (_kind, settings, line) => {
    const { bg } = setup({ 'ui.previewImport': () => report(false, false, settings === null ? null : { ...settings, changed: [...settings.changed] }) });
    choose('{}');
    expect(await screen.findByText(line)).toBeTruthy();
    expect(screen.queryByRole('checkbox')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Apply import' }));
    await waitFor(() => expect(bg.callsTo('ui.applyImport')).toEqual([{ json: '{}', applySettings: false }]));
  });

  it('cancels a previewed import without applying anything', async () => {
    const { bg } = setup();
    choose('{}');
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('table')).toBeNull();
    expect(bg.callsTo('ui.applyImport')).toHaveLength(0);
  });

  it('refuses a file over the size limit before reading or sending it', async () => {
    const { bg } = setup();
    choose('{}', 'huge.json', MAX_IMPORT_CHARS + 1);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('This file cannot be imported; nothing was changed. The file is 50 MB; the limit is 50 MB.');
    expect(bg.log).toHaveLength(0);
  });

  it.each([
    ['a newer version', 'This backup was written by a newer version (3); update the extension first.'],
    ['a corrupt file', 'The file is not valid JSON (unexpected end at byte 1203).'],
    ['a hostile file', 'notes[2].url: must be an absolute http(s) URL'],
  ])('shows why %s was refused, and offers no Apply', async (_kind, message) => {
    setup({ 'ui.previewImport': () => err('invalid-file', message) });
    choose('{"version":3}');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(`This file cannot be imported; nothing was changed. ${message}`);
    expect(screen.queryByRole('button', { name: 'Apply import' })).toBeNull();
  });

  it('reports a failed apply inline', async () => {
    setup({ 'ui.applyImport': () => err('quota-exceeded', 'QuotaExceededError') });
    choose('{}');
    fireEvent.click(await screen.findByRole('button', { name: 'Apply import' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The browser refused to store more data (storage full).')).toBeTruthy();
  });
});
