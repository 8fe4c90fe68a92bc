/** The highlights store (schema v6): create with limits, list in text order, notes, trash and restore. */
import { describe, expect, it } from 'vitest';
import { testStore, url } from './helpers';
import {
  allHighlights,
  createHighlight,
  highlightsOf,
  listTrashedHighlights,
  restoreHighlight,
  saveHighlightNote,
  trashHighlight,
  type NewHighlight,
} from '../../../lib/db/highlights';
import { HIGHLIGHT_LIMITS, TRASH_RETENTION_MS } from '../../../lib/model';

const A = url('conficker');
const B = url('stuxnet');

function input(id: string, start: number, exact = 'neuf millions', article = A): NewHighlight {
  return {
    id,
    url: article,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact, prefix: 'aurait infecté près de ', suffix: ' de machines' },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
    },
  };
}

describe('highlights store', () => {
  it('keeps highlights per article, in text order, each with its note', async () => {
    const { store, clock } = testStore();
    const db = await store.db();
    await createHighlight(db, input('hl-00000002', 80), clock.now);
    await createHighlight(db, input('hl-00000001', 10, 'Le ver'), clock.now);
    await createHighlight(db, input('hl-00000003', 5, 'Stuxnet', B), clock.now);
    expect((await highlightsOf(db, A)).map((h) => h.id)).toEqual(['hl-00000001', 'hl-00000002']);
    clock.now += 1000;
    const noted = await saveHighlightNote(db, 'hl-00000002', 'Chiffre de F-Secure', clock.now);
    expect(noted).toMatchObject({ note: 'Chiffre de F-Secure', updatedAt: clock.now });
    expect((await highlightsOf(db, A))[1]?.note).toBe('Chiffre de F-Secure');
    expect(await allHighlights(db)).toHaveLength(3);
  });

  it('refuses a quote over 5,000 characters and a 501st highlight, with messages a reader can act on', async () => {
    const { store, clock } = testStore();
    const db = await store.db();
    await expect(createHighlight(db, input('hl-too-long', 0, 'a'.repeat(HIGHLIGHT_LIMITS.quote + 1)), clock.now)).rejects.toThrow(
      /at most 5,000 characters; this selection has 5,001/,
    );
    for (let i = 0; i < HIGHLIGHT_LIMITS.perArticle; i++) await createHighlight(db, input(`hl-${String(i).padStart(8, '0')}`, i), clock.now);
    await expect(createHighlight(db, input('hl-one-more', 600), clock.now)).rejects.toThrow(/already has 500 highlights/);
    // Another article is not affected, and a trashed highlight frees a place.
    await createHighlight(db, input('hl-other-aa', 1, 'x', B), clock.now);
    await trashHighlight(db, 'hl-00000000', clock.now);
    await createHighlight(db, input('hl-one-more', 600), clock.now);
  });

  it('finds an article’s highlights on its magazine.qualys.fr copy too, and counts the limit per article', async () => {
    const { store, clock } = testStore();
    const db = await store.db();
    const magazine = A.replace('www.securityvibes.fr', 'magazine.qualys.fr');
    expect(magazine).not.toBe(A);
    await createHighlight(db, input('hl-on-www-1', 40), clock.now);
    await createHighlight(db, input('hl-on-mag-1', 10, 'Le ver', magazine), clock.now);
    await createHighlight(db, input('hl-other-aa', 1, 'x', B), clock.now);
    // Both addresses list both highlights, in text order; each keeps the address it was made on.
    for (const address of [A, magazine])
      expect((await highlightsOf(db, address)).map((h) => [h.id, h.url])).toEqual([
        ['hl-on-mag-1', magazine],
        ['hl-on-www-1', A],
      ]);
    for (let i = 2; i < HIGHLIGHT_LIMITS.perArticle; i++)
      await createHighlight(db, input(`hl-${String(i).padStart(8, '0')}`, 100 + i, 'mot', i % 2 ? A : magazine), clock.now);
    await expect(createHighlight(db, input('hl-one-more', 900, 'mot', magazine), clock.now)).rejects.toThrow(/already has 500 highlights/);
    await expect(createHighlight(db, input('hl-one-more', 900, 'mot', A), clock.now)).rejects.toThrow(/already has 500 highlights/);
    // A path that is not the same post (another article, the home page) shares nothing.
    expect(await highlightsOf(db, 'http://magazine.qualys.fr/')).toEqual([]);
    expect((await highlightsOf(db, B)).map((h) => h.id)).toEqual(['hl-other-aa']);
  });

  it('refuses an invalid highlight or a duplicate id', async () => {
    const { store, clock } = testStore();
    const db = await store.db();
    await expect(createHighlight(db, { ...input('hl-bad-url1', 0), url: 'javascript:alert(1)' }, clock.now)).rejects.toThrow(/not valid/);
    await createHighlight(db, input('hl-00000001', 0), clock.now);
    await expect(createHighlight(db, input('hl-00000001', 40), clock.now)).rejects.toThrow(/exists already/);
    await expect(saveHighlightNote(db, 'hl-missing1', 'x', clock.now)).rejects.toThrow(/no longer exists/);
  });

  it('deletes through the trash: restorable for 30 days, then purged', async () => {
    const { store, clock } = testStore();
    const db = await store.db();
    await createHighlight(db, input('hl-00000001', 10), clock.now);
    await saveHighlightNote(db, 'hl-00000001', 'à garder', clock.now);
    expect(await trashHighlight(db, 'hl-00000001', clock.now)).toBe(true);
    expect(await trashHighlight(db, 'hl-00000001', clock.now)).toBe(false);
    expect(await highlightsOf(db, A)).toEqual([]);
    expect((await listTrashedHighlights(db, clock.now)).map((h) => [h.id, h.note])).toEqual([['hl-00000001', 'à garder']]);
    await expect(saveHighlightNote(db, 'hl-00000001', 'x', clock.now)).rejects.toThrow(/no longer exists/);
    const restored = await restoreHighlight(db, 'hl-00000001', clock.now + 1000);
    expect(restored.note).toBe('à garder');
    expect((await highlightsOf(db, A)).map((h) => h.id)).toEqual(['hl-00000001']);
    await trashHighlight(db, 'hl-00000001', clock.now);
    clock.now += TRASH_RETENTION_MS + 1;
    await expect(restoreHighlight(db, 'hl-00000001', clock.now)).rejects.toThrow(/not in the trash/);
    expect(await listTrashedHighlights(db, clock.now)).toEqual([]);
    expect(await allHighlights(db)).toEqual([]);
  });
});
