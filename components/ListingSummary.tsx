import { LIMITS, type PageInfo } from '@/lib/model';
import { formatCount, t } from './i18n';
import { useCall } from './use-background';

interface Props {
  page: PageInfo;
  onBrowse?: (by: 'tag' | 'category', slug: string, name: string) => void;
}

/** A listing page: what it lists, how many of its articles the index holds, a way to browse it. */
export function ListingSummary({ page, onBrowse }: Props) {
  const urls = page.listing.map((teaser) => teaser.url);
  const answer = useCall(
    async (call) => (urls.length === 0 ? { ok: true as const, value: { indexed: 0 } } : call('ui.countIndexed', { urls: urls.slice(0, LIMITS.urlsPerCount) })),
    [page.url],
  );
  const indexed = answer.error ? null : (answer.value?.indexed ?? null);

  const subject = page.subject?.name ?? page.subject?.slug ?? '';
  const browsable = (page.kind === 'tag' || page.kind === 'category') && page.subject?.slug;
  return (
    <section class="sv-listing">
      <p class="sv-kind-label">{t(`pageKind_${page.kind.replace('-', '_')}`)}</p>
      <h1 class="sv-title">{subject || t(`pageKind_${page.kind.replace('-', '_')}`)}</h1>
      <p>{indexed === null ? t('loading') : t('listingIndexed', formatCount(indexed), formatCount(urls.length))}</p>
      {browsable && onBrowse && page.subject?.slug && (
        <button type="button" class="sv-button" onClick={() => onBrowse(page.kind === 'tag' ? 'tag' : 'category', page.subject?.slug ?? '', subject)}>
          {t(page.kind === 'tag' ? 'listingBrowseTag' : 'listingBrowseCategory', subject)}
        </button>
      )}
    </section>
  );
}
