/**
 * What the user sees of a running crawl outside the options page: a global toolbar badge, progress
 * broadcasts (bg.crawlProgress) to open extension pages, and a keep-alive alarm that wakes a stopped
 * background to carry on.
 */
import { browser } from 'wxt/browser';
import type { CrawlStatus } from '@/lib/model';
import { broadcast } from '../broadcast';

export const KEEP_ALIVE_ALARM = 'crawl-keep-alive';
const BADGE_COLOUR = '#2e7d32';

/** "532", "1.2k", "12k": the number of articles indexed so far, in four characters at most. */
function compactCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 10_000) return `${(Math.floor(n / 100) / 10).toFixed(1)}k`;
  return `${Math.floor(n / 1000)}k`;
}

let lastBadge = '';

/** The global badge (no tabId: per-tab rating badges set elsewhere keep precedence on their tab). */
export async function crawlBadge(status: CrawlStatus): Promise<void> {
  const text = status.state === 'running' ? compactCount(status.articlesIndexed) : status.state === 'paused' ? '❚❚' : '';
  if (text === lastBadge) return;
  lastBadge = text;
  try {
    await browser.action.setBadgeText({ text });
    if (text) await browser.action.setBadgeBackgroundColor({ color: BADGE_COLOUR });
  } catch {
    // The action API is missing in some test contexts; the badge is a nicety.
  }
}

let alarmOn: boolean | null = null;

/** While a crawl runs, an alarm every 30 s wakes the background if the browser stopped it. */
export async function crawlKeepAlive(running: boolean): Promise<void> {
  if (alarmOn === running) return;
  alarmOn = running;
  try {
    if (running) await browser.alarms.create(KEEP_ALIVE_ALARM, { periodInMinutes: 0.5 });
    else await browser.alarms.clear(KEEP_ALIVE_ALARM);
  } catch {
    alarmOn = null;
  }
}

/** Sends bg.crawlProgress at most every 300 ms, always including the last status (trailing edge). */
export function progressBroadcaster(intervalMs = 300): (status: CrawlStatus) => void {
  let last = 0;
  let pending: CrawlStatus | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const send = () => {
    timer = null;
    if (!pending) return;
    last = Date.now();
    const status = pending;
    pending = null;
    void broadcast('bg.crawlProgress', { status });
  };
  return (status) => {
    pending = status;
    const wait = last + intervalMs - Date.now();
    if (status.state !== 'running' || wait <= 0) {
      if (timer) clearTimeout(timer);
      send();
    } else timer ??= setTimeout(send, wait);
  };
}
