/**
 * The address to show and open for an article, a related item, a search hit or a note: its https form
 * when the site declared the article's address with https (ArticleRecord.https), else its key `url`.
 * A module of its own, without zod, so the popup and panel bundles take only this.
 */
export function shownUrl(item: { url: string; https?: true | undefined }): string {
  return item.https && item.url.startsWith('http://') ? `https://${item.url.slice('http://'.length)}` : item.url;
}
