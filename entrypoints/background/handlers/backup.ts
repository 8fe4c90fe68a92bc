import { browser } from 'wxt/browser';
import type { Handlers } from '@/lib/protocol';
import { broadcast } from '../broadcast';
import { getStore } from '../db';
import { mirrorPanelEnabled } from '../panel-mirror';
import { syncWaybackScript } from '../wayback';

const day = () => new Date().toISOString().slice(0, 10);

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Backup export (JSON, Markdown zip) and import (preview, then apply in one transaction). */
export const backupHandlers: Pick<Handlers, 'ui.exportJson' | 'ui.exportMarkdown' | 'ui.previewImport' | 'ui.applyImport'> = {
  'ui.exportJson': async () => {
    const file = await getStore().exportBackup(`SecurityVibes Companion ${browser.runtime.getManifest().version}`);
    return { filename: `securityvibes-companion-${day()}.json`, json: JSON.stringify(file) };
  },
  'ui.exportMarkdown': async () => ({ filename: `securityvibes-notes-${day()}.zip`, base64: toBase64(await getStore().exportMarkdownZip()) }),
  'ui.previewImport': ({ json }) => getStore().importBackup(json, false),
  'ui.applyImport': async ({ json, applySettings }) => {
    const store = getStore();
    const report = await store.importBackup(json, true, applySettings);
    if (report.settings?.applied) {
      // The same follow-ups as saving settings in the options page.
      void syncWaybackScript().catch(() => undefined);
      await mirrorPanelEnabled(report.settings.incoming.panelEnabled);
    }
    const status = await store.indexStatus();
    void broadcast('bg.indexChanged', { articles: status.articles });
    return report;
  },
};
