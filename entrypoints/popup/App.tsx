import { useState } from 'preact/hooks';
import { ArticleCompanion } from '@/components/ArticleCompanion';
import { HighlightCount } from '@/components/highlights/HighlightCount';
import { ArticleHeader, type HeaderArticle } from '@/components/ArticleHeader';
import { BrowseList } from '@/components/BrowseList';
import { ListingSummary } from '@/components/ListingSummary';
import { t } from '@/components/i18n';
import { isListingKind, type PageInfo } from '@/lib/model';
import type { PopupTarget } from './target';
import { Dashboard } from './Dashboard';

type View =
  | { kind: 'article'; url: string; header: HeaderArticle | null }
  | { kind: 'listing'; page: PageInfo }
  | { kind: 'other'; reason: string | null }
  | { kind: 'browse'; by: 'tag' | 'category'; slug: string; name: string }
  | { kind: 'dashboard' };

function viewForPage(page: PageInfo | null): View {
  if (page?.kind === 'article' && page.article) return { kind: 'article', url: page.article.url, header: page.article };
  if (page && isListingKind(page.kind)) return { kind: 'listing', page };
  return { kind: 'other', reason: page?.reason ?? null };
}

function initialView(target: PopupTarget): View {
  if (target.requestedUrl) return { kind: 'article', url: target.requestedUrl, header: null };
  return viewForPage(target.page);
}

/** The toolbar popup: article, listing or "elsewhere" view, with in-popup browsing by tag/rubrique. */
export function App({ target }: { target: PopupTarget }) {
  const [stack, setStack] = useState<View[]>(() => [initialView(target)]);
  const view = stack[stack.length - 1] ?? { kind: 'dashboard' };
  const push = (next: View) => setStack((old) => [...old, next]);
  const back = stack.length > 1 ? () => setStack((old) => old.slice(0, -1)) : undefined;
  const browse = (by: 'tag' | 'category', slug: string, name: string) => push({ kind: 'browse', by, slug, name });

  return (
    <div class="sv-popup sv-root">
      <header class="sv-brand">
        <span class="sv-brand-name">{t('extName')}</span>
        {view.kind !== 'dashboard' && view.kind !== 'other' && (
          <button type="button" class="sv-link-button" onClick={() => push({ kind: 'dashboard' })}>
            {t('openDashboard')}
          </button>
        )}
      </header>
      <main class="sv-main">
        {view.kind === 'article' && (
          <>
            {back && <BackButton onBack={back} />}
            <ArticleCompanion
              key={view.url}
              url={view.url}
              header={(loaded) => {
                const header = view.header ?? loaded?.article ?? null;
                return header ? (
                  <ArticleHeader
                    article={header}
                    linkTitle={view.header === null}
                    onTag={(tag) => browse('tag', tag.slug, tag.name)}
                    onCategory={(category) => browse('category', category.slug, category.name)}
                  />
                ) : (
                  <h1 class="sv-title sv-url">{view.url}</h1>
                );
              }}
            />
            <HighlightCount url={view.url} />
          </>
        )}
        {view.kind === 'listing' && <ListingSummary page={view.page} onBrowse={browse} />}
        {view.kind === 'browse' && <BrowseList key={`${view.by}:${view.slug}`} by={view.by} slug={view.slug} name={view.name} onBack={back} />}
        {view.kind === 'other' && (
          <Dashboard tabId={target.tabId} reason={view.reason} onRecognised={(page) => setStack((old) => [...old, viewForPage(page)])} />
        )}
        {view.kind === 'dashboard' && (
          <>
            {back && <BackButton onBack={back} />}
            <Dashboard tabId={null} reason={null} />
          </>
        )}
      </main>
    </div>
  );
}

function BackButton({ onBack }: { onBack: () => void }) {
  return (
    <button type="button" class="sv-link-button sv-back" onClick={onBack}>
      ← {t('back')}
    </button>
  );
}
