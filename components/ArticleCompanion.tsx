import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { NoteEditor } from './NoteEditor';
import { RatingStars } from './RatingStars';
import { RelatedList } from './RelatedList';
import { t } from './i18n';
import { useArticleView } from './use-article-view';
import type { ArticleView } from '@/lib/protocol';

interface Props {
  url: string;
  /** Rendered above the rating once the view is loaded (the popup's header, for example). */
  header?: (view: ArticleView | null) => ComponentChildren;
}

/** The reader's rating, note and the related articles for one article: shared by popup and panel. */
export function ArticleCompanion({ url, header }: Props) {
  const state = useArticleView(url);
  const drawn = state.related !== null;
  useEffect(() => {
    // User Timing mark read by bench/popup.ts: "popup open → related list drawn".
    if (drawn && performance.getEntriesByName('sv-related-drawn').length === 0) performance.mark('sv-related-drawn');
  }, [drawn]);
  return (
    <div class="sv-companion" data-url={url}>
      {header?.(state.view)}
      <div class="sv-field">
        <span class="sv-label" aria-hidden="true">
          {t('ratingLabel')}
        </span>
        <RatingStars value={state.note?.rating ?? null} onChange={(rating) => void state.saveRating(rating)} disabled={state.view === null} />
      </div>
      <NoteEditor value={state.note?.text ?? ''} onSave={state.saveText} onDraft={state.draft} disabled={state.view === null} />
      {state.error && (
        <p class="sv-error" role="alert">
          {t('errorPrefix', state.error)}
        </p>
      )}
      <RelatedList items={state.related} loading={state.view === null && state.error === null} />
    </div>
  );
}
