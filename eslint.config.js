import { existsSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// WXT auto-imports `browser`, its helpers and our own components into every file without an import line
// (`wxt prepare`, run by postinstall, lists them here). lib/ may use none of them: an auto-import is an import.
const autoImportsFile = new URL('./.wxt/eslint-auto-imports.mjs', import.meta.url);
const autoImported = existsSync(autoImportsFile) ? Object.keys((await import(autoImportsFile.href)).default.languageOptions.globals) : [];

const NO_HTML = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render HTML from data.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Never insert HTML.' },
  { selector: 'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]', message: 'Never assign HTML.' },
];

/** Import patterns (gitignore syntax, `@/` and relative paths alike) with the reason shown on a violation. */
const banned = (message, ...group) => ({ group: group.flatMap((path) => [path, `**/${path}`]), message });

// The layering (docs/ARCHITECTURE.md): data flows page → lib/archive → background → lib/db → UI, never back up.
const LIB_IMPORTS = [
  banned('lib/ is shared with the CLI and Node tests: it never imports entrypoints/.', 'entrypoints', 'entrypoints/**'),
  banned('lib/ never imports UI: components/ sit above it.', 'components', 'components/**'),
  { group: ['wxt', 'wxt/**', '@wxt-dev/**', 'webextension-polyfill'], message: 'lib/ never touches extension APIs: the background passes what lib/ needs.' },
];
// Inside lib/: lib/model at the bottom, the protocol over it, and the other rooms side by side. lib/crawl and
// lib/db never import each other: the crawler reaches its store only through its CrawlStore port, which the
// background (entrypoints/background/crawl/adapters.ts) and the CLI (cli/crawl-store.ts) wire to lib/db.
const LIB_ROOMS_BANNED = {
  model: ['anchoring', 'archive', 'crawl', 'db', 'protocol'],
  protocol: ['anchoring', 'crawl', 'db'],
  archive: ['anchoring', 'crawl', 'db', 'protocol'],
  anchoring: ['crawl', 'db', 'protocol'],
  crawl: ['anchoring', 'db', 'protocol'],
  db: ['anchoring', 'crawl', 'protocol'],
};
/** One lib/ room's import rules: the rules of all lib/ plus the rooms it may not reach (`../db`, `@/lib/db/x`). */
const libRoomImports = (room) => [
  ...LIB_IMPORTS,
  {
    // `../db/x` from a room (or `../../db` from a sub-folder) or `@/lib/db/x`; not any folder named db.
    regex: `^(\\.\\./)+(${LIB_ROOMS_BANNED[room].join('|')})(/|$)|(^|/)lib/(${LIB_ROOMS_BANNED[room].join('|')})(/|$)`,
    message: `lib/${room} imports none of lib/${LIB_ROOMS_BANNED[room].join(', lib/')} (docs/ARCHITECTURE.md, the rooms).`,
  },
];
const COMPONENT_IMPORTS = [
  banned('Components talk to the store through the background (services.call), never to lib/db.', 'lib/db', 'lib/db/**'),
  banned('The crawler runs in the background; components only see its progress events.', 'lib/crawl', 'lib/crawl/**'),
];
// The content script's bundle holds our own code only (README, size budget): no Preact, no zod, no UI, no
// store. Types are free (they vanish at build); bench/bundle.ts checks the built bundle for what slips in
// through a module's own imports.
const CONTENT_SCRIPT_IMPORTS = [
  { group: ['preact', 'preact/**', '@preact/**'], message: 'The content script bundles no Preact: the panel is an extension page it frames.' },
  { group: ['zod', 'zod/**'], message: 'The content script bundles no zod: the background checks what it reports.' },
  banned('The content script bundles no UI components.', 'components', 'components/**'),
  banned('The content script never reads the store nor crawls.', 'lib/db', 'lib/db/**', 'lib/crawl', 'lib/crawl/**'),
  {
    // Every module of the two folders but the zod-free ones it needs, so a new schema module is covered the
    // day it is written. A regex, as a glob naming a folder covers everything under it.
    regex: '(^|/)lib/(model(/(?!(limits|page-kinds)$)[^/]+)?|protocol(/(?!(panel-frame|storage-keys|draft-port|sender)$)[^/]+)?)$',
    message:
      'lib/model and lib/protocol carry zod (but for limits, page-kinds, panel-frame, storage-keys, draft-port, sender): the content script imports their types only.',
    allowTypeImports: true,
  },
];

// The background serves every UI; it imports none of it, nor another entry point's code (shared contracts
// live in lib/protocol).
const BACKGROUND_IMPORTS = [
  {
    regex: '(^|/)components(/|$)|(^|/)entrypoints/(?!background(/|$))|^(\\.\\./)+(popup|options|panel|archive-page|recognise)(/|$)',
    message: 'The background imports no UI and no other entry point: what two contexts share lives in lib/.',
  },
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...NO_HTML],
    },
  },
  {
    files: ['lib/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: LIB_IMPORTS }],
      'no-restricted-globals': [
        'error',
        ...['browser', 'chrome'].map((name) => ({ name, message: 'lib/ never touches extension APIs: the background passes what lib/ needs.' })),
        ...autoImported
          .filter((name) => name !== 'browser')
          .map((name) => ({ name, message: `${name} is a WXT auto-import: lib/ imports nothing from wxt, entrypoints/ or components/.` })),
      ],
      // A dynamic import() escapes no-restricted-imports; lib/ has no reason to load code lazily.
      'no-restricted-syntax': [
        'error',
        ...NO_HTML,
        { selector: 'ImportExpression', message: 'lib/ uses static imports only, so the layering rules see them.' },
      ],
    },
  },
  // Later entries replace the rule's options for their files, so each room's list repeats LIB_IMPORTS.
  ...Object.keys(LIB_ROOMS_BANNED).map((room) => ({
    files: [`lib/${room}/**`],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: libRoomImports(room) }] },
  })),
  {
    files: ['components/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: COMPONENT_IMPORTS }] },
  },
  {
    files: ['entrypoints/background/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: BACKGROUND_IMPORTS }] },
  },
  {
    files: ['entrypoints/archive-page/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: CONTENT_SCRIPT_IMPORTS }],
      'no-restricted-syntax': [
        'error',
        ...NO_HTML,
        { selector: 'ImportExpression', message: 'The content script uses static imports only, so the layering rules see them.' },
      ],
    },
  },
);
