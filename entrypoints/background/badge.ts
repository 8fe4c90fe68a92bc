import { browser } from 'wxt/browser';
import type { Note } from '@/lib/model';

const RATING_COLOUR = '#8a4500';
const NOTE_COLOUR = '#0b5fad';

/** What the toolbar badge says for a note: "★4" for a rating, "✎" for text only, "" for nothing. */
export function badgeText(note: Pick<Note, 'rating' | 'text'> | null): string {
  if (!note) return '';
  if (note.rating !== null) return `★${note.rating}`;
  return note.text.trim() ? '✎' : '';
}

/**
 * Shows the reader's rating (or a note mark) on one tab's toolbar button; clears it for null. Call it
 * when an article page is seen (content.pageSeen) and whenever that article's note changes.
 * Never throws: a closed tab is not an error.
 */
export async function updateArticleBadge(tabId: number, note: Pick<Note, 'rating' | 'text'> | null): Promise<void> {
  const text = badgeText(note);
  try {
    const name = browser.i18n.getMessage('extName');
    const detail = note?.rating != null ? browser.i18n.getMessage('badgeRating', [String(note.rating)]) : text ? browser.i18n.getMessage('badgeNote') : '';
    await Promise.all([
      browser.action.setBadgeText({ tabId, text }),
      text ? browser.action.setBadgeBackgroundColor({ tabId, color: note?.rating != null ? RATING_COLOUR : NOTE_COLOUR }) : Promise.resolve(),
      text && browser.action.setBadgeTextColor ? browser.action.setBadgeTextColor({ tabId, color: '#ffffff' }) : Promise.resolve(),
      browser.action.setTitle({ tabId, title: detail ? `${name} — ${detail}` : name }),
    ]);
  } catch {
    // The tab closed meanwhile (or the extension is being reloaded and its APIs are gone).
  }
}

/** Same URL modulo fragment, trailing slash and scheme: how a tab's address matches a canonical URL. */
function sameArticle(tabUrl: string | undefined, url: string): boolean {
  if (!tabUrl) return false;
  const strip = (value: string) =>
    value
      .replace(/^https?:\/\//i, '')
      .replace(/#.*$/, '')
      .replace(/\/$/, '')
      .toLowerCase();
  return strip(tabUrl) === strip(url);
}

/**
 * Updates the badge of every tab showing `url` (after ui.saveNote / deleteNote / import). Pass the tab
 * ids when the caller knows them (the tab → page map); otherwise open tabs are matched by address.
 */
export async function updateBadgesForUrl(url: string, note: Pick<Note, 'rating' | 'text'> | null, tabIds?: readonly number[]): Promise<void> {
  let targets = tabIds;
  if (!targets) {
    const tabs = await browser.tabs.query({}).catch(() => []);
    targets = tabs.flatMap((tab) => (tab.id !== undefined && sameArticle(tab.url, url) ? [tab.id] : []));
  }
  await Promise.all(targets.map((tabId) => updateArticleBadge(tabId, note)));
}
