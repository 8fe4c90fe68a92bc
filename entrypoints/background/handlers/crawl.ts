import type { Handlers } from '@/lib/protocol';
import { cancelCrawl, crawlLog, crawlStatus, pauseCrawl, resumeCrawl, startCrawl } from '../crawl/service';

/** Build index: start / pause / resume / cancel the crawler, its status and its log of skipped URLs. */
export const crawlHandlers: Pick<Handlers, 'ui.crawlStart' | 'ui.crawlPause' | 'ui.crawlResume' | 'ui.crawlCancel' | 'ui.crawlStatus' | 'ui.crawlLog'> = {
  'ui.crawlStart': ({ mode }) => startCrawl(mode),
  'ui.crawlPause': () => pauseCrawl(),
  'ui.crawlResume': () => resumeCrawl(),
  'ui.crawlCancel': () => cancelCrawl(),
  'ui.crawlStatus': () => crawlStatus(),
  'ui.crawlLog': ({ limit }) => crawlLog(limit),
};
