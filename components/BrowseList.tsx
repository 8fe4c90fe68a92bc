import { useEffect, useState } from 'preact/hooks';
import type { ArticleRecord } from '@/lib/model';
import { shownUrl } from '@/lib/model/shown-url';
import { ArticleLink } from './ArticleLink';
import { formatDate, t, tCount } from './i18n';
import { useServices } from './services';

const PAGE_SIZE = 20;

interface Props {
  by: 'tag' | 'category';
  slug: string;
  /** Shown until the background names the subject. */
  name: string;
  onBack?: () => void;
}

/** The indexed articles of one tag or rubrique (ui.browse), newest first, a page at a time. */
export function BrowseList({ by, slug, name, onBack }: Props) {
  const { call } = useServices();
  const [items, setItems] = useState<ArticleRecord[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [title, setTitle] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const loadPage = async (offset: number) => {
    setBusy(true);
    const result = await call('ui.browse', { by, slug, offset, limit: PAGE_SIZE });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setItems((old) => (offset === 0 ? result.value.items : [...old, ...result.value.items]));
    setTotal(result.value.total);
    if (result.value.subject) setTitle(result.value.subject.name);
    setError(null);
  };

  useEffect(() => {
    setItems([]);
    setTotal(null);
    setTitle(name);
    void loadPage(0);
  }, [by, slug]);

  return (
    <section class="sv-browse">
      {onBack && (
        <button type="button" class="sv-link-button sv-back" onClick={onBack}>
          ← {t('back')}
        </button>
      )}
      <h1 class="sv-title">{t(by === 'tag' ? 'browseTagTitle' : 'browseCategoryTitle', title)}</h1>
      {total !== null && <p class="sv-muted">{tCount('browseCount', total)}</p>}
      {error && <p class="sv-error">{t('errorPrefix', error)}</p>}
      {total === 0 && <p class="sv-muted">{t('browseEmpty')}</p>}
      {items.length > 0 && (
        <ol class="sv-list" aria-label={t(by === 'tag' ? 'browseTagTitle' : 'browseCategoryTitle', title)}>
          {items.map((item) => (
            <li key={item.url} class="sv-list-item">
              <ArticleLink url={shownUrl(item)}>{item.title}</ArticleLink>
              {item.publishedAt && <span class="sv-muted"> · {formatDate(item.publishedAt)}</span>}
            </li>
          ))}
        </ol>
      )}
      {total !== null && items.length < total && (
        <button type="button" class="sv-button" disabled={busy} onClick={() => void loadPage(items.length)}>
          {t('browseMore')}
        </button>
      )}
    </section>
  );
}
