/**
 * Runs a bench driver inside headless Chromium (Debian's /usr/bin/chromium): bundles `entry` with esbuild
 * and serves it from a local http origin, since IndexedDB and a realistic page need a real origin.
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export interface BundleInChromium {
  browser: Browser;
  /** The page that loads the bundle; open it in each new page or context. */
  url: string;
  close(): Promise<void>;
}

export async function launchBundle(entry: string, options: { minify?: boolean } = {}): Promise<BundleInChromium> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-bundle-'));
  const args = [entry, '--bundle', '--format=iife', `--outfile=${join(dir, 'bench.js')}`, '--log-level=warning'];
  execFileSync('node_modules/.bin/esbuild', options.minify ? [...args, '--minify'] : args);
  const bundle = readFileSync(join(dir, 'bench.js'));
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') res.writeHead(200, { 'content-type': 'text/javascript', 'cross-origin-resource-policy': 'same-origin' }).end(bundle);
    // Cross-origin isolated, so that performance.now() has 5 µs resolution instead of 100 µs.
    else
      res
        .writeHead(200, { 'content-type': 'text/html', 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' })
        .end('<!doctype html><script src="/bench.js"></script>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  return {
    browser,
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}
