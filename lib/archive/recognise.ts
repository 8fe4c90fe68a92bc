/**
 * The one entry point: what a page is and what it says, checked against the PageInfo schema the store
 * also uses. Pure and total: never throws; an output that fails validation is repaired (offending
 * teasers or fields dropped) or replaced by `not-archive` with the reason.
 */
import { Teaser } from '../model/article';
import { PageInfo } from '../model/page-info';
import { lowercaseAttributeNames } from './dom-repair';
import { extractPage, notArchive, type RecogniseOptions } from './extract';
import { readIdentity } from './identity';

export type { RecogniseOptions } from './extract';

function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : 'invalid';
}

/** Drops what fails validation piece by piece before giving up on the whole page. */
function repair(info: PageInfo): PageInfo {
  const listing = info.listing.filter((teaser) => Teaser.safeParse(teaser).success);
  const next = info.next && PageInfo.shape.next.safeParse(info.next).success ? info.next : null;
  const subject = info.subject && PageInfo.shape.subject.safeParse(info.subject).success ? info.subject : null;
  return { ...info, listing, next, subject };
}

export function recognise(doc: Document, url: string, options: RecogniseOptions = {}): PageInfo {
  try {
    // A no-op on browser DOMs; documents built with linkedom outside parseArchiveHtml need it.
    if (doc?.documentElement) lowercaseAttributeNames(doc);
    const info = extractPage(doc, url, options, readIdentity);
    const checked = PageInfo.safeParse(info);
    if (checked.success) return checked.data;
    const repaired = PageInfo.safeParse(repair(info));
    if (repaired.success) return repaired.data;
    const fallback = PageInfo.safeParse(notArchive(`invalid extraction (${firstIssue(checked.error)})`, info.url));
    return fallback.success ? fallback.data : notArchive('invalid extraction');
  } catch (error) {
    return notArchive(`recognition failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
