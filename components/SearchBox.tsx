import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { LIMITS, type SearchHit } from '@/lib/model';
import { shownUrl } from '@/lib/model/shown-url';
import { ArticleLink } from './ArticleLink';
import { formatDate, t } from './i18n';
import { useServices } from './services';

const SEARCH_DELAY_MS = 200;

/** Searches the reader's notes and the index as they type (ui.search), newest request wins. */
export function SearchBox() {
  const { call } = useServices();
  const id = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  useEffect(() => {
    const words = query.trim();
    const mine = ++generation.current;
    if (!words) {
      setHits(null);
      return undefined;
    }
    const timer = setTimeout(async () => {
      const result = await call('ui.search', { query: words.slice(0, LIMITS.query), limit: 20 });
      if (mine !== generation.current) return;
      if (result.ok) {
        setHits(result.value);
        setError(null);
      } else setError(result.error.message);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, call]);

  return (
    <section class="sv-search" role="search">
      <label for={id} class="sv-label">
        {t('searchLabel')}
      </label>
      <input
        id={id}
        type="search"
        class="sv-input"
        value={query}
        placeholder={t('searchPlaceholder')}
        onInput={(event) => setQuery((event.currentTarget as HTMLInputElement).value)}
        maxLength={LIMITS.query}
      />
      {error && <p class="sv-error">{t('errorPrefix', error)}</p>}
      {hits !== null && (
        <div role="status" class="sv-search-results">
          {hits.length === 0 ? (
            <p class="sv-muted">{t('searchNoResults')}</p>
          ) : (
            <ol class="sv-list" aria-label={t('searchResults')}>
              {hits.map((hit) => (
                <li key={`${hit.kind}:${hit.url}`} class="sv-list-item">
                  <span class="sv-kind">{hit.kind === 'note' ? t('hitNote') : t('hitArticle')}</span>{' '}
                  <ArticleLink url={shownUrl(hit)}>{hit.title || shownUrl(hit)}</ArticleLink>
                  {hit.publishedAt && <span class="sv-muted"> · {formatDate(hit.publishedAt)}</span>}
                  {hit.rating !== null && (
                    <span class="sv-own-rating" role="img" aria-label={t('yourRating', hit.rating)}>
                      {' '}
                      <span aria-hidden="true">{'★'.repeat(hit.rating)}</span>
                    </span>
                  )}
                  {hit.snippet && <p class="sv-snippet">{hit.snippet}</p>}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}
