/**
 * Bundle sizes of the production build (minified, as shipped): the content script and everything the
 * popup page loads (its entry chunk, the chunks it imports, its CSS). Budgets: content ≤ 48 KB, popup ≤ 80 KB.
 * Usage: npm run build && tsx bench/bundle.ts   (prints Markdown; bench/popup.ts embeds it in results/ui.md)
 *        tsx bench/bundle.ts --check         (npm test's `bundles` step: both builds within the budgets)
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const KB = 1000;
export const BUDGETS = { content: 48 * KB, popup: 80 * KB } as const;

/** A page's JS/CSS closure: <script src> and <link href> of the HTML, then static imports of each chunk. */
function pageFiles(dir: string, html: string): string[] {
  const seen = new Set<string>();
  const text = readFileSync(join(dir, html), 'utf8');
  const queue = [...text.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(dir, file), 'utf8');
    for (const m of code.matchAll(/(?:import|from)\s*["']\.{1,2}\/([^"']+\.js)["']/g)) queue.push(join(dirname(file), m[1]!).replace(/^\.\//, ''));
  }
  return [...seen];
}

export function measureBundles(dir = '.output/chrome-mv3') {
  const size = (files: string[]) => files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
  const gz = (files: string[]) => files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f))).length, 0);
  const content = ['archive-page.js'];
  const popup = pageFiles(dir, 'popup.html');
  const options = pageFiles(dir, 'options.html');
  return {
    content: { files: content, bytes: size(content), gzip: gz(content) },
    popup: { files: popup, bytes: size(popup), gzip: gz(popup) },
    options: { files: options, bytes: size(options), gzip: gz(options) },
  };
}

export function bundleTable(dir = '.output/chrome-mv3'): string {
  const m = measureBundles(dir);
  const row = (name: string, v: { bytes: number; gzip: number; files: string[] }, budget?: number) =>
    `| ${name} | ${(v.bytes / KB).toFixed(1)} KB | ${(v.gzip / KB).toFixed(1)} KB | ${budget ? `${budget / KB} KB ${v.bytes <= budget ? '✅' : '❌ over'}` : '—'} | ${v.files.join(', ')} |`;
  return [
    '| bundle (minified) | bytes | gzip | budget | files |',
    '|---|---|---|---|---|',
    row('content script', m.content, BUDGETS.content),
    row('popup page', m.popup, BUDGETS.popup),
    row('options page (peer, no budget)', m.options),
  ].join('\n');
}

/** Both builds against the budgets: one line each, false when any bundle is over. */
export function checkBudgets(dirs = ['.output/chrome-mv3', '.output/firefox-mv3']): boolean {
  let ok = true;
  for (const dir of dirs) {
    const m = measureBundles(dir);
    const over = [m.content.bytes > BUDGETS.content ? 'content script' : '', m.popup.bytes > BUDGETS.popup ? 'popup' : ''].filter(Boolean);
    console.log(
      `${over.length ? '✗' : '✓'} ${dir}: content script ${m.content.bytes} bytes (≤ ${BUDGETS.content}), popup ${m.popup.bytes} bytes (≤ ${BUDGETS.popup})${over.length ? ` — over: ${over.join(', ')}` : ''}`,
    );
    if (over.length) ok = false;
  }
  return ok;
}

/**
 * Marks minification keeps: Preact's mangled internals (`__k` children, `__H` hook state) and zod 4's
 * `_zod` internals. Property names survive Terser (no property mangling), so a bundle holding either
 * library shows them.
 */
export const LIBRARY_SIGNATURES = { preact: /\.__k\b|\.__H\b/, zod: /\b_zod\b/ } as const;

export function librariesIn(code: string): (keyof typeof LIBRARY_SIGNATURES)[] {
  return (Object.keys(LIBRARY_SIGNATURES) as (keyof typeof LIBRARY_SIGNATURES)[]).filter((name) => LIBRARY_SIGNATURES[name].test(code));
}

/**
 * The content script bundles neither Preact nor zod (the lint rules see its own imports; this sees what
 * their imports pull in). The popup, which bundles both, is the positive control: if the signatures stop
 * matching it, they are stale and the check fails rather than passing for the wrong reason.
 */
export function checkContentScriptLibraries(dirs = ['.output/chrome-mv3', '.output/firefox-mv3']): boolean {
  let ok = true;
  for (const dir of dirs) {
    const { content, popup } = measureBundles(dir);
    const read = (files: string[]) => files.map((file) => readFileSync(join(dir, file), 'utf8')).join('\n');
    const inContent = librariesIn(read(content.files));
    const inPopup = librariesIn(read(popup.files));
    const stale = inPopup.length < Object.keys(LIBRARY_SIGNATURES).length;
    const failed = inContent.length > 0 || stale;
    console.log(
      `${failed ? '✗' : '✓'} ${dir}: content script holds ${inContent.length ? inContent.join(' and ') : 'neither Preact nor zod'}` +
        (stale ? ` — signatures stale: the popup shows only ${inPopup.join(', ') || 'none'} of Preact and zod` : ' (popup shows both: signatures current)'),
    );
    if (failed) ok = false;
  }
  return ok;
}

// `tsx bench/bundle.ts --check` (a step of npm test): exit 1 when a bundle is over its budget or the content
// script carries Preact or zod.
if (process.argv[1]?.endsWith('bundle.ts')) {
  if (process.argv.includes('--check')) {
    const budgets = checkBudgets();
    const libraries = checkContentScriptLibraries();
    process.exit(budgets && libraries ? 0 : 1);
  }
  console.log(bundleTable(process.argv[2]));
}
