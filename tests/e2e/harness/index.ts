import { ChromiumSession } from './chromium';
import { assertReady } from './env';
import { FirefoxSession } from './firefox';
import type { BrowserName, LaunchOptions, Session } from './types';

export type { BrowserName, ColorScheme, LaunchOptions, PageHandle, Session, WaitOptions } from './types';
export { ARCHIVE_HOSTS, FIREFOX_EXTENSION_UUID, GECKO_ID, PROJECT_ROOT, pollUntil, sleep } from './env';
export { ChromiumSession } from './chromium';
export { FirefoxSession } from './firefox';

const ALL: readonly BrowserName[] = ['chromium', 'firefox'];

/**
 * The browsers this run covers, in order: both by default; `SV_E2E_BROWSERS=firefox` (or `chromium`,
 * comma-separated) narrows it. Use with `describe.each(BROWSERS)('%s', (browserName) => …)`.
 */
export const BROWSERS: readonly BrowserName[] = (() => {
  const wanted = process.env.SV_E2E_BROWSERS?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!wanted?.length) return ALL;
  const unknown = wanted.filter((w) => !ALL.includes(w as BrowserName));
  if (unknown.length) throw new Error(`SV_E2E_BROWSERS: unknown browser(s) ${unknown.join(', ')} (use chromium, firefox)`);
  return ALL.filter((b) => wanted.includes(b));
})();

/** Launches `browserName` with the production build installed. Always `close()` it (afterAll). */
export function launch(browserName: BrowserName, options: LaunchOptions = {}): Promise<Session> {
  assertReady(browserName);
  const session = browserName === 'chromium' ? new ChromiumSession(options) : new FirefoxSession(options);
  return session.begin();
}
