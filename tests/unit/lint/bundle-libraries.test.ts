import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { librariesIn } from '../../../bench/bundle';

/** npm test's bundles step greps the built content script with these signatures; here they meet the
 * libraries' own shipped code (must match) and our content script's sources (must not). */
const require = createRequire(import.meta.url);
const read = (path: string) => readFileSync(path, 'utf8');

describe('library signatures of the bundles step', () => {
  it('recognise Preact and its hooks as shipped (minified dist)', () => {
    expect(librariesIn(read(require.resolve('preact')))).toEqual(['preact']);
    expect(librariesIn(read(require.resolve('preact/hooks')))).toEqual(['preact']);
  });

  it('recognise zod/mini as shipped', () => {
    const core = require.resolve('zod/v4/core');
    expect(librariesIn(read(core.replace(/index\.c?js$/, 'core.js')))).toEqual(['zod']);
  });

  it('find neither in the content script and the extractor it bundles', () => {
    for (const file of [
      'entrypoints/archive-page/index.ts',
      'entrypoints/archive-page/panel/frame-host.ts',
      'lib/archive/extract.ts',
      'lib/archive/wordpress.ts',
    ]) {
      expect(librariesIn(read(file)), file).toEqual([]);
    }
  });
});
