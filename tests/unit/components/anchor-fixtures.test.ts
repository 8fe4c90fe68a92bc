// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findRatingBlock } from '@/entrypoints/archive-page/panel/anchor';
import { ALL_FAMILIES, generateArchive } from '../../fixtures/archive/index.ts';

describe('findRatingBlock on fixture archive articles', () => {
  it.each(ALL_FAMILIES)('finds the dead "Notez L\'article" block in the %s markup, and only it', (family) => {
    const archive = generateArchive({ seed: 5, articles: 6, families: [family] });
    for (const article of archive.articles.slice(0, 3)) {
      const html = archive.render(article.path).body.replace(/<link[^>]*>/gi, '');
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const block = findRatingBlock(doc);
      expect(block, article.path).not.toBeNull();
      expect(block!.textContent).toMatch(/notez l'article/i);
      expect(block!.textContent!.trim().length).toBeLessThan(400);
    }
  });
});
