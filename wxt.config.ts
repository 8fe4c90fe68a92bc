import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { DEFAULT_ARCHIVE_HOSTS } from './lib/archive/hosts';

const archiveMatches = DEFAULT_ARCHIVE_HOSTS.flatMap((host) => [`http://${host}/*`, `https://${host}/*`]);

// One code path: Manifest V3 for Chrome and Firefox (see README, "Why MV3 on Firefox").
export default defineConfig({
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  // Terser rather than Vite's default Oxc minifier: ~3% smaller bundles (the extractor the content script
  // embeds is most of its 48 KB budget). Three compress passes; property names are kept, and no `unsafe_*`
  // transform anywhere: size is bought with design, not with rewrites that assume how code is called.
  vite: () => ({ plugins: [preact()], build: { minify: 'terser', terserOptions: { compress: { passes: 3 } } } }),
  hooks: {
    // Content scripts and extension pages use the browsers' native promise-based `browser`/`chrome` (MV3
    // in both) instead of webextension-polyfill: ~10 KB less in each of the 48 KB / 80 KB budgets. The
    // background keeps the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((entry) => entry.type === 'background')) return;
      const alias = config.resolve?.alias;
      if (alias && !Array.isArray(alias)) delete (alias as Record<string, string>)['wxt/browser'];
    },
  },
  zip: {
    // The sources zip is for store review: what `npm ci && npm run build` needs, nothing a run leaves behind.
    excludeSources: [
      'test-results/**',
      '.profiles/**',
      'coverage/**',
      'bench/**',
      'tests/**',
      'vitest*.config.ts',
      '**/*.log',
      '**/*.tmp',
      'docs/**',
      '.ci/**',
    ],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // unlimitedStorage: the store holds the reader's only copy of their notes, so the browser must not evict
    // it under disk pressure. Chrome never evicts an origin with unlimited storage and shows no install
    // warning for it (chrome.management.getPermissionWarningsByManifest: the same warnings with and without
    // it, tests/e2e/options.e2e.test.ts); Firefox grants the extension's origin the persistent-storage
    // permission with it (navigator.storage.persisted() is true: same test) and prompts for nothing.
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'scripting', 'contextMenus', 'alarms'],
    host_permissions: archiveMatches,
    // entrypoints/archive-page is an unlisted script (see its header for why), so it is declared here.
    content_scripts: [{ matches: archiveMatches, js: ['archive-page.js'], run_at: 'document_idle' }],
    optional_host_permissions: ['https://web.archive.org/*'],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 96: 'icon/96.png', 128: 'icon/128.png' },
    action: { default_title: '__MSG_extName__', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' } },
    // The in-page panel is panel.html framed by the content script; only archive pages may frame it, and in
    // Chrome only through the per-session dynamic URL, so other pages cannot probe for the extension's id.
    web_accessible_resources: [
      { resources: ['panel.html'], matches: [...archiveMatches, 'https://web.archive.org/*'], ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) },
    ],
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandOpenPopup__',
      },
      'highlight-selection': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_commandHighlight__',
      },
    },
    // The oldest browsers the code runs in. Chrome 116: AbortSignal.any (lib/crawl/fetch-page.ts) is the
    // newest API used; the next are storage.session and scripting.registerContentScripts with
    // persistAcrossSessions (102), Object.hasOwn (93), Array.prototype.at (92). action.openPopup (127) and
    // action.setBadgeTextColor (110) are feature-detected with a fallback; CSS.highlights is not used yet.
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '116' }),
    ...(browser === 'firefox'
      ? {
          // Firefox's default MV3 policy adds `upgrade-insecure-requests`, which turns the crawler's
          // http:// requests to the (http-only) archive into https:// ones that fail. Same script rules.
          content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'" },
          browser_specific_settings: {
            gecko: {
              id: 'securityvibes-companion@companion.invalid',
              // Set by data_collection_permissions, which AMO's linter accepts from Firefox 142 (desktop 140,
              // Android 142). The code itself needs Firefox 124 (AbortSignal.any; storage.session: 115).
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
