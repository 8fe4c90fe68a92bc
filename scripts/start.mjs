#!/usr/bin/env node
// npm start [-- --firefox] [-- --port 8080] [-- --articles 300] [-- --no-build] [-- --serve-only]
// Builds, serves a generated demo archive on a local port, and opens a real browser window with the
// production build loaded and the archive host names mapped to that server, on http://www.securityvibes.fr/.
// The browser profile is kept between runs (your notes stay) in the OS temp dir: sv-companion-start-<browser>.
// Without a display it builds, prints one line on how to get a window or load the build by hand, and exits 1.
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROWSERS, BROWSER_INSTALL, fail, requireNode22, run } from './lib-steps.mjs';

requireNode22();
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const flag = (name) => argv.includes(`--${name}`);
const browserName = flag('firefox') ? 'firefox' : 'chromium';
const port = Number(option('port', '0'));
const articles = Number(option('articles', '300'));
const HOSTS = ['www.securityvibes.fr', 'securityvibes.fr', 'magazine.qualys.fr'];
const START_URL = 'http://www.securityvibes.fr/';
const ROOT = new URL('..', import.meta.url).pathname;
const BUILD = join(ROOT, browserName === 'chromium' ? '.output/chrome-mv3' : '.output/firefox-mv3');
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

if (!flag('no-build')) {
  const build = await run('npm', ['run', '--silent', 'build']);
  if (build.code !== 0) fail('npm run build failed');
}
if (!hasDisplay && !flag('serve-only')) {
  console.error(
    `✗ No display ($DISPLAY unset), so no browser window: run \`xvfb-run -a npm start\`, or load ${BUILD} by hand (README, "Load the build by hand") and \`npm start -- --serve-only\` for the demo archive.`,
  );
  process.exit(1);
}

// The fixture generator and server are TypeScript: tsx compiles them on import.
const { register } = await import('tsx/esm/api');
register();
const { generateArchive } = await import('../tests/fixtures/archive/index.ts');
const { startArchiveServer } = await import('../tests/fixtures/server.ts');
const archive = generateArchive({ seed: 1, articles });
const server = await startArchiveServer({ archive, port });
console.log(`Demo archive: ${archive.articles.length} articles on ${server.origin} (any Host header; also an HTTP proxy).`);

let closeBrowser = async () => {};
async function shutdown(code) {
  await closeBrowser().catch(() => undefined);
  await server.close().catch(() => undefined);
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

/** Per browser: whether its binary is missing, and how to open it headed (returns a closer). */
const launchers = {
  async chromium() {
    return {
      missing: !existsSync(BROWSERS.chromium),
      async open(profileDir) {
        const { chromium } = await import('playwright-core');
        const context = await chromium.launchPersistentContext(profileDir, {
          executablePath: BROWSERS.chromium,
          headless: false,
          viewport: null,
          args: [
            `--disable-extensions-except=${BUILD}`,
            `--load-extension=${BUILD}`,
            '--no-first-run',
            '--disable-sync',
            `--host-resolver-rules=${HOSTS.map((h) => `MAP ${h} 127.0.0.1:${server.port}`).join(', ')}`,
          ],
        });
        context.on('close', () => void shutdown(0));
        const page = context.pages()[0] ?? (await context.newPage());
        await page.goto(START_URL);
        return () => context.close();
      },
    };
  },
  async firefox() {
    return {
      missing: !existsSync(BROWSERS.firefox),
      async open(profileDir) {
        const { default: puppeteer } = await import('puppeteer-core');
        const browser = await puppeteer.launch({
          browser: 'firefox',
          executablePath: BROWSERS.firefox,
          protocol: 'webDriverBiDi',
          headless: false,
          defaultViewport: null,
          userDataDir: profileDir,
          extraPrefsFirefox: {
            'network.proxy.type': 1,
            'network.proxy.http': '127.0.0.1',
            'network.proxy.http_port': server.port,
            'network.proxy.no_proxies_on': '',
            // The add-on is temporary (reinstalled each start): keep its storage and origin between runs.
            'extensions.webextensions.keepStorageOnUninstall': true,
            'extensions.webextensions.keepUuidOnUninstall': true,
          },
        });
        browser.on('disconnected', () => void shutdown(0));
        await browser.installExtension(BUILD);
        const [page = await browser.newPage()] = await browser.pages();
        await page.goto(START_URL);
        return () => browser.close();
      },
    };
  },
};

if (flag('serve-only')) {
  console.log(`Map ${HOSTS.join(', ')} to 127.0.0.1:${server.port}, e.g.`);
  console.log(`  chromium --host-resolver-rules="${HOSTS.map((h) => `MAP ${h} 127.0.0.1:${server.port}`).join(', ')}" ${START_URL}`);
  console.log(`  Firefox: manual HTTP proxy 127.0.0.1 port ${server.port} (Settings → Network Settings).`);
  console.log('Ctrl+C to stop.');
} else {
  const profileDir = join(tmpdir(), `sv-companion-start-${browserName}`);
  mkdirSync(profileDir, { recursive: true });
  const { missing, open } = await launchers[browserName]();
  if (missing) fail(`${BROWSERS[browserName]} not found: install it with \`${BROWSER_INSTALL}\``);
  closeBrowser = await open(profileDir);
  console.log(`Opened ${START_URL} in ${browserName} with the extension (profile ${profileDir}). Close the window or press Ctrl+C to stop.`);
}
