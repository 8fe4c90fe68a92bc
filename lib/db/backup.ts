import type { BackupFile, ImportCounts, ImportReport, Note, TrashedNote } from '../model';
import { BACKUP_FORMAT, BACKUP_VERSION, TRASH_RETENTION_MS } from '../model';
import { ARTICLE_WRITE_STORES, type Outcome, type WriteResult } from './article-writer';
import { allArticles } from './articles';
import { parseImportFile } from './backup-file';
import { planHighlightImport } from './highlight-import';
import { clampFutureTimes, settingsChanges } from './import-checks';
import { storedSettings } from './settings';
import { allRequests, guarded, transact } from './errors';
import { SETTINGS_KEY, STORES, type Db, type Tx } from './schema';
import { previewWithVocabulary, storedTerms, writeWithVocabulary } from './store-vocabulary';

/** Everything the store holds, in the one file format (also written by `sv-companion index`). */
export function exportBackup(db: Db, now: number, generator: string): Promise<BackupFile> {
  return guarded(async () => {
    const tx = db.transaction([STORES.notes, STORES.trash, STORES.highlights, STORES.settings, STORES.vocabulary]);
    const [notes, trash, highlights, settings, vocabulary] = await Promise.all([
      tx.objectStore(STORES.notes).getAll(),
      tx.objectStore(STORES.trash).getAll(),
      tx.objectStore(STORES.highlights).getAll(),
      tx.objectStore(STORES.settings).get(SETTINGS_KEY),
      storedTerms(tx),
    ]);
    const articles = await allArticles(db);
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date(now).toISOString(),
      generator,
      articles,
      vocabulary,
      notes,
      highlights,
      trash,
      settings: settings ?? null,
    };
  });
}

/** The import applies (read-write transaction) or only previews (read-only). */
const canWrite = (tx: Tx): tx is Tx<'readwrite'> => tx.mode === 'readwrite';

const zero = (): ImportCounts => ({ added: 0, updated: 0, kept: 0, rejected: 0 });

class Rejections {
  private readonly reasons = new Map<string, number>();
  add(counts: ImportCounts, reason: string): void {
    counts.rejected += 1;
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
  }
  list(): ImportReport['rejections'] {
    return [...this.reasons].slice(0, 100).map(([reason, count]) => ({ reason, count }));
  }
}

/**
 * Validates the whole file (a backup, or a Web Annotation document: highlights only), then plans (preview) or applies it in ONE transaction: all or nothing.
 * Times later than a day from now become now first (import-checks.ts). Notes merge by updatedAt — an
 * older note never replaces a newer one, and a note deleted here after the file's version was written
 * stays deleted. Trash entries past 30 days and duplicates are rejected. Highlights merge by id, the newer
 * version winning (highlight-import.ts). The file's settings are compared
 * with the reader's, and written only with `applySettings` (the reader ticked it in the preview).
 */
export function importBackup(db: Db, text: string, now: number, apply: boolean, applySettings = false): Promise<ImportReport> {
  const parsed = parseImportFile(text, now);
  const { file, clamped } = clampFutureTimes(parsed.file, now);
  const stores = [...ARTICLE_WRITE_STORES, STORES.notes, STORES.trash, STORES.highlights, STORES.settings];
  return transact(
    (): Tx => db.transaction(stores, apply ? 'readwrite' : 'readonly'),
    async (tx) => {
      const rejections = new Rejections();
      const report: ImportReport = {
        applied: apply,
        articles: zero(),
        notes: zero(),
        trash: zero(),
        highlights: zero(),
        settings: null,
        futureTimes: clamped,
        rejections: [],
      };
      if (file.settings) {
        const current = storedSettings(await tx.objectStore(STORES.settings).get(SETTINGS_KEY));
        const changed = settingsChanges(current, file.settings);
        report.settings = { current, incoming: file.settings, changed, applied: apply && applySettings && changed.length > 0 };
      }

      const seenArticles = new Set<string>();
      const articles = file.articles.filter((record) => {
        if (seenArticles.has(record.url)) return (rejections.add(report.articles, 'duplicate article URL in the file'), false);
        return (seenArticles.add(record.url), true);
      });
      // The file's vocabulary (format 2) and what its records teach (format 1 too) join the store's; the
      // records are written repaired with it, and stored ones it concerns repaired (store-vocabulary.ts).
      const items = articles.map((record) => ({ record }));
      const teaching = { terms: file.vocabulary ?? [] };
      const written: WriteResult = canWrite(tx)
        ? (await writeWithVocabulary(tx, items, teaching, now))[0]!
        : await previewWithVocabulary(tx, items, teaching, now);
      for (const outcome of written.outcomes) report.articles[outcome] += 1;

      const notes = tx.objectStore(STORES.notes);
      const trash = tx.objectStore(STORES.trash);
      const seenNotes = new Set<string>();
      const noteWrites: Note[] = [];
      for (const note of file.notes) {
        if (seenNotes.has(note.url)) {
          rejections.add(report.notes, 'duplicate note URL in the file');
          continue;
        }
        seenNotes.add(note.url);
        const [current, trashed] = await Promise.all([notes.get(note.url), trash.get(note.url)]);
        const outcome: Outcome = !current
          ? trashed && trashed.deletedAt >= note.updatedAt
            ? 'kept'
            : 'added'
          : note.updatedAt > current.updatedAt
            ? 'updated'
            : 'kept';
        report.notes[outcome] += 1;
        if (outcome !== 'kept') noteWrites.push(note);
      }
      const trashWrites: TrashedNote[] = [];
      for (const entry of file.trash) {
        if (entry.deletedAt + TRASH_RETENTION_MS < now) {
          rejections.add(report.trash, 'trash entry older than 30 days');
          continue;
        }
        const [current, live] = await Promise.all([trash.get(entry.url), notes.get(entry.url)]);
        const liveNewer = (live && live.updatedAt >= entry.deletedAt) || noteWrites.some((n) => n.url === entry.url && n.updatedAt >= entry.deletedAt);
        const outcome: Outcome = liveNewer ? 'kept' : !current ? 'added' : entry.deletedAt > current.deletedAt ? 'updated' : 'kept';
        report.trash[outcome] += 1;
        if (outcome !== 'kept') trashWrites.push(entry);
      }
      for (let i = 0; i < parsed.skipped; i++) rejections.add(report.highlights, 'annotation without an http(s) page or a usable TextQuoteSelector');
      const highlightWrites = await planHighlightImport(tx, file.highlights ?? [], now, report.highlights, (counts, reason) => rejections.add(counts, reason));
      if (canWrite(tx)) {
        const [noteStore, trashStore, highlightStore] = [tx.objectStore(STORES.notes), tx.objectStore(STORES.trash), tx.objectStore(STORES.highlights)];
        await allRequests(
          [
            ...noteWrites.map((note) => () => noteStore.put(note)),
            ...trashWrites.map((entry) => () => trashStore.put(entry)),
            ...highlightWrites.map((h) => () => highlightStore.put(h)),
          ],
          (write) => write(),
        );
        if (report.settings?.applied) await tx.objectStore(STORES.settings).put(report.settings.incoming, SETTINGS_KEY);
      }
      report.rejections = rejections.list();
      return report;
    },
  );
}
