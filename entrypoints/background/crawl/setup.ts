import { browser } from 'wxt/browser';
import { wake } from './service';
import { KEEP_ALIVE_ALARM } from './signals';

/**
 * Registers (synchronously, as MV3 requires) the events that bring the background back to an
 * interrupted crawl: the keep-alive alarm and browser start-up; and resumes right away, because any
 * event that started this worker (an incoming message included) is a chance to carry on.
 */
export function setupCrawl(): void {
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === KEEP_ALIVE_ALARM) void wake();
  });
  browser.runtime.onStartup.addListener(() => void wake());
  void wake().catch(() => undefined);
}
