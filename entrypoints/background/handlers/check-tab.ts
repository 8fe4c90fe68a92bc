import { browser } from 'wxt/browser';
import { PageInfo } from '@/lib/model';
import type { Handlers } from '@/lib/protocol';
import { notArchive } from '@/lib/archive/extract';

/** The injected recogniser (entrypoints/recognise.ts, built as /recognise.js). */
const RECOGNISE_SCRIPT = '/recognise.js';

/**
 * `ui.checkTab`: runs the recogniser in the given tab on the user's request. What comes back from the
 * page is untrusted (the page's own scripts share its DOM), so it is validated again here. Pages the
 * extension may not script (browser pages, the web store, PDFs) answer `not-archive` with the reason.
 */
export const checkTabHandlers: Pick<Handlers, 'ui.checkTab'> = {
  'ui.checkTab': async ({ tabId }) => {
    let results: { result?: unknown }[];
    try {
      results = await browser.scripting.executeScript({ target: { tabId }, files: [RECOGNISE_SCRIPT] });
    } catch (error) {
      return notArchive(`This page cannot be read by extensions (${error instanceof Error ? error.message : String(error)})`);
    }
    const checked = PageInfo.safeParse(results[0]?.result);
    return checked.success ? checked.data : notArchive('The page answered something that is not a page description');
  },
};
