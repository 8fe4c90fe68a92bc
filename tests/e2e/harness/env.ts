import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_ARCHIVE_HOSTS } from '../../../lib/archive/hosts';
import type { BrowserName } from './types';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
// SV_BUILD_ROOT: another build's root (its .output/ is used), e.g. a checkout of an older commit for a
// before/after benchmark in one session.
const BUILD_ROOT = process.env.SV_BUILD_ROOT ?? PROJECT_ROOT;
export const BUILD_DIRS: Record<BrowserName, string> = {
  chromium: join(BUILD_ROOT, '.output/chrome-mv3'),
  firefox: join(BUILD_ROOT, '.output/firefox-mv3'),
};
export const EXECUTABLES: Record<BrowserName, string> = {
  chromium: process.env.SV_CHROMIUM ?? '/usr/bin/chromium',
  firefox: process.env.SV_FIREFOX ?? '/usr/bin/firefox-esr',
};
export const SCREENSHOT_DIR = join(PROJECT_ROOT, 'test-results/screenshots');
export const ARCHIVE_HOSTS: readonly string[] = DEFAULT_ARCHIVE_HOSTS;

/** browser_specific_settings.gecko.id in wxt.config.ts. */
export const GECKO_ID = 'securityvibes-companion@companion.invalid';
/** Fixed moz-extension:// host for tests (pref extensions.webextensions.uuids), so URLs are known up front. */
export const FIREFOX_EXTENSION_UUID = '5c0b7e2a-9d4f-4e61-8a3b-1f2e3d4c5b6a';

export const BROWSER_INSTALL_HINT = 'apt-get install -y chromium firefox-esr';

/** Throws one clear line when a browser binary or the production build is missing. */
export function assertReady(name: BrowserName): void {
  if (!existsSync(EXECUTABLES[name])) {
    throw new Error(`${EXECUTABLES[name]} not found: install the browsers with \`${BROWSER_INSTALL_HINT}\``);
  }
  if (!existsSync(join(BUILD_DIRS[name], 'manifest.json'))) {
    throw new Error(`${BUILD_DIRS[name]}/manifest.json not found: run \`npm run build\` first`);
  }
}

/** A fresh profile directory under the OS temp dir (never inside the project). */
export function makeProfileDir(name: BrowserName): string {
  return mkdtempSync(join(tmpdir(), `sv-e2e-${name}-`));
}

/**
 * Copies the production build to `dest` (replacing what was there) and returns `dest`. Sessions load this
 * snapshot, not .output itself, so a `npm run build` running meanwhile (another terminal, another suite)
 * cannot pull the extension from under a browser. A build caught mid-write is retried for a few seconds.
 */
export async function snapshotBuild(name: BrowserName, dest: string): Promise<string> {
  const source = BUILD_DIRS[name];
  for (let attempt = 0; ; attempt++) {
    try {
      removeDir(dest);
      cpSync(source, dest, { recursive: true });
      JSON.parse(readFileSync(join(dest, 'manifest.json'), 'utf8'));
      return dest;
    } catch (error) {
      if (attempt >= 20) throw new Error(`cannot copy the build ${source} (is \`npm run build\` failing?)`, { cause: error });
      await sleep(500);
    }
  }
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

export function screenshotPath(name: BrowserName, shot: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return join(SCREENSHOT_DIR, `${name}-${shot.replace(/[^A-Za-z0-9._-]+/g, '-')}.png`);
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Polls `probe` until it returns a truthy value or `timeout` passes (then throws `what`). */
export async function pollUntil<T>(probe: () => Promise<T>, what: string, timeout = 10_000, every = 50): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown = null;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error; // e.g. the page is navigating: try again
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeout} ms waiting for ${what}${cause}`);
    }
    await sleep(every);
  }
}
