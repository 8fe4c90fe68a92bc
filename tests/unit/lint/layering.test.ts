import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layering is enforced by eslint.config.js, which npm test's `lint` step runs over the whole tree. These
 * tests lint deliberate violations as if they were files in each folder (lintText with a filePath resolves
 * the config exactly as `eslint .` does for a file there, without writing into the tree that other runs
 * lint), and a clean file next to them as the control: each rule must fire on the violation and only there.
 */
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.line}:${m.ruleId ?? m.message}`);
}

const LAYERING = '@typescript-eslint/no-restricted-imports';

describe('lib/ stays below the extension', () => {
  const file = 'lib/archive/layering-probe.ts';

  it('accepts lib/ importing lib/ and libraries', async () => {
    expect(
      await problems(file, "import { LIMITS } from '../model/limits';\nimport { parseHTML } from 'linkedom';\nexport const x = [LIMITS, parseHTML];\n"),
    ).toEqual([]);
  });

  it('refuses entrypoints/, components/, wxt and webextension-polyfill, by alias or relative path', async () => {
    const code = [
      "import { a } from '@/entrypoints/popup/target';",
      "import { b } from '../../entrypoints/background/db';",
      "import { c } from '@/components/services';",
      "import type { D } from '../../components/services';",
      "import { browser as e } from 'wxt/browser';",
      "import f from 'webextension-polyfill';",
      'export type G = D;',
      'export const x = [a, b, c, e, f];',
    ].join('\n');
    expect(await problems(file, code)).toEqual([1, 2, 3, 4, 5, 6].map((line) => `${line}:${LAYERING}`));
  });

  it('refuses the extension globals and WXT auto-imports, and dynamic imports', async () => {
    const code = "export const x = [browser.runtime.id, chrome.runtime.id, useServices];\nexport const y = () => import('./other');\n";
    expect(await problems(file, code)).toEqual(['1:no-restricted-globals', '1:no-restricted-globals', '1:no-restricted-globals', '2:no-restricted-syntax']);
  });
});

describe('lib/ rooms: the model at the bottom, the crawler and the store apart', () => {
  it('accepts the crawler over the model and the archive, the store over the model', async () => {
    expect(
      await problems(
        'lib/crawl/layering-probe.ts',
        "import type { PageInfo } from '../model';\nimport { recognise } from '@/lib/archive';\nexport type T = PageInfo;\nexport const x = recognise;\n",
      ),
    ).toEqual([]);
    expect(
      await problems(
        'lib/db/layering-probe.ts',
        "import type { Note } from '../model';\nimport { openDatabase } from './open';\nexport type T = Note;\nexport const x = openDatabase;\n",
      ),
    ).toEqual([]);
  });

  it('refuses the crawler importing the store, the store the crawler, and either the protocol', async () => {
    const crawl =
      "import { MemoryIndex } from '../db/memory-index';\nimport type { Store } from '@/lib/db';\nimport { calls } from '../protocol/calls';\nexport type T = Store;\nexport const x = [MemoryIndex, calls];\n";
    expect(await problems('lib/crawl/layering-probe.ts', crawl)).toEqual([1, 2, 3].map((line) => `${line}:${LAYERING}`));
    const db =
      "import type { Checkpoint } from '../crawl';\nimport { Crawler } from '@/lib/crawl/runner';\nimport { err } from '../protocol';\nexport type T = Checkpoint;\nexport const x = [Crawler, err];\n";
    expect(await problems('lib/db/layering-probe.ts', db)).toEqual([1, 2, 3].map((line) => `${line}:${LAYERING}`));
  });

  it('keeps lib/ rules in every room, and lib/model below the others', async () => {
    expect(await problems('lib/db/layering-probe.ts', "import { c } from '@/components/services';\nexport const x = c;\n")).toEqual([`1:${LAYERING}`]);
    expect(await problems('lib/model/layering-probe.ts', "import { cleanText } from '../archive/text';\nexport const x = cleanText;\n")).toEqual([
      `1:${LAYERING}`,
    ]);
  });
});

describe('components/ talk to the background, not to the store', () => {
  const file = 'components/LayeringProbe.tsx';

  it('accepts components importing the protocol and the model', async () => {
    expect(
      await problems(
        file,
        "import type { NoteView } from '@/lib/protocol';\nimport { LIMITS } from '@/lib/model/limits';\nexport const x: [NoteView | null, unknown] = [null, LIMITS];\n",
      ),
    ).toEqual([]);
  });

  it('refuses lib/db and lib/crawl', async () => {
    const code = "import { a } from '@/lib/db/store';\nimport { b } from '../lib/crawl/runner';\nimport { c } from '@/lib/db';\nexport const x = [a, b, c];\n";
    expect(await problems(file, code)).toEqual([1, 2, 3].map((line) => `${line}:${LAYERING}`));
  });
});

describe('the background imports no UI and no other entry point', () => {
  const file = 'entrypoints/background/handlers/layering-probe.ts';

  it('accepts lib/ and its own files', async () => {
    expect(
      await problems(
        file,
        "import { getStore } from '../db';\nimport { broadcast } from '@/entrypoints/background/broadcast';\nimport { safeArchiveHref } from '@/lib/archive/safe-href';\nexport const x = [getStore, broadcast, safeArchiveHref];\n",
      ),
    ).toEqual([]);
  });

  it('refuses components/ and the other entry points', async () => {
    const code = [
      "import { a } from '@/components/i18n';",
      "import { b } from '@/entrypoints/popup/target';",
      "import { c } from '../../panel/services';",
      "import { d } from '../../../components/services';",
      'export const x = [a, b, c, d];',
    ].join('\n');
    expect(await problems(file, code)).toEqual([1, 2, 3, 4].map((line) => `${line}:${LAYERING}`));
  });
});

describe('the content script bundles neither Preact nor zod', () => {
  const file = 'entrypoints/archive-page/layering-probe.ts';

  it('accepts lib/archive, zod-free model modules and types from the schemas', async () => {
    const code = [
      "import { extractPage } from '@/lib/archive/extract';",
      "import { LIMITS } from '@/lib/model/limits';",
      "import { PANEL_ENABLED_KEY } from '@/lib/protocol/storage-keys';",
      "import { readPanelMessage } from '../../lib/protocol/panel-frame';",
      "import type { PageInfo } from '@/lib/model/page-info';",
      "import type { AnyEvent } from '@/lib/protocol';",
      'export type T = [PageInfo, AnyEvent];',
      'export const x = [extractPage, LIMITS, PANEL_ENABLED_KEY, readPanelMessage];',
    ].join('\n');
    expect(await problems(file, code)).toEqual([]);
  });

  it('refuses Preact, zod, components, the store, and values from the schema modules', async () => {
    const code = [
      "import { h } from 'preact';",
      "import { useState } from 'preact/hooks';",
      "import * as z from 'zod/mini';",
      "import { t } from '@/components/i18n';",
      "import { openStore } from '@/lib/db';",
      "import { PageInfo } from '@/lib/model/page-info';",
      "import { Note } from '../../lib/model';",
      "import { parseEvent } from '@/lib/protocol';",
      "import { CodedError } from '@/lib/model/errors';",
      "import { calls } from '../../lib/protocol/calls';",
      'export const x = [h, useState, z, t, openStore, PageInfo, Note, parseEvent, CodedError, calls];',
    ].join('\n');
    expect(await problems(file, code)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((line) => `${line}:${LAYERING}`));
  });
});
