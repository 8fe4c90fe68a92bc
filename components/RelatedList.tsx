import { useId } from 'preact/hooks';
import type { RelatedItem } from '@/lib/model';
import { shownUrl } from '@/lib/model/shown-url';
import { ArticleLink } from './ArticleLink';
import { formatDate, t } from './i18n';

interface Props {
  items: readonly RelatedItem[] | null;
  /** Shown while items is null. */
  loading?: boolean;
}

/** Related articles: title (a safe archive link), date, shared tags and the reader's own rating. */
export function RelatedList({ items, loading = false }: Props) {
  const headingId = useId();
  return (
    <section class="sv-related" aria-labelledby={headingId}>
      <h2 id={headingId} class="sv-section-title">
        {t('relatedTitle')}
      </h2>
      {items === null ? (
        <p class="sv-muted" role="status">
          {loading ? t('loading') : ''}
        </p>
      ) : items.length === 0 ? (
        <p class="sv-muted">{t('relatedEmpty')}</p>
      ) : (
        <ol class="sv-related-list" aria-label={t('relatedTitle')}>
          {items.map((item) => (
            <li key={item.url} class="sv-related-item">
              <ArticleLink url={shownUrl(item)} class="sv-related-link">
                {item.title || shownUrl(item)}
              </ArticleLink>
              <span class="sv-related-meta">
                {item.publishedAt && <time dateTime={item.publishedAt}>{formatDate(item.publishedAt)}</time>}
                {item.rating !== null && (
                  <span class="sv-own-rating" role="img" aria-label={t('yourRating', item.rating)} title={t('yourRating', item.rating)}>
                    <span aria-hidden="true">{'★'.repeat(item.rating)}</span>
                  </span>
                )}
              </span>
              {item.sharedTags.length > 0 && <span class="sv-shared">{t('sharedTags', item.sharedTags.map((tag) => tag.name).join(', '))}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
