/** The crawl's progress bar on stderr (redrawn in place on a terminal, a line every few seconds otherwise). */
import type { CrawlStatus } from '../../lib/model';

const WIDTH = 24;

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

function progressLine(status: CrawlStatus): string {
  const done = status.pagesFetched;
  const elapsed = status.startedAt !== null && status.updatedAt !== null ? status.updatedAt - status.startedAt : 0;
  // Time is the honest measure of progress: the queue stays short while the home pagination is walked.
  const ratio = status.etaMs !== null && elapsed + status.etaMs > 0 ? elapsed / (elapsed + status.etaMs) : 0;
  const filled = Math.min(WIDTH, Math.round(ratio * WIDTH));
  const bar = `${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}`;
  const eta = status.etaMs !== null ? ` · ETA ${formatDuration(status.etaMs)}` : '';
  return `[${bar}] ${status.articlesIndexed} articles · ${done} pages · ${status.queued} queued · ${status.errors} errors${eta}`;
}

export function progressReporter(stream: NodeJS.WriteStream, quiet: boolean): { update(status: CrawlStatus): void; end(): void } {
  let last = 0;
  let drawn = false;
  const tty = stream.isTTY === true;
  return {
    update(status) {
      if (quiet) return;
      const now = Date.now();
      if (now - last < (tty ? 100 : 5000)) return;
      last = now;
      if (tty) {
        stream.write(`\r${progressLine(status)}\x1b[K`);
        drawn = true;
      } else stream.write(`${progressLine(status)}\n`);
    },
    end() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}
