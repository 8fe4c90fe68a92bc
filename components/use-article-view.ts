import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Note, RelatedItem } from '@/lib/model';
import type { ArticleView } from '@/lib/protocol';
import { useServices } from './services';

export const RELATED_LIMIT = 8;

export interface ArticleViewState {
  view: ArticleView | null;
  note: Note | null;
  related: RelatedItem[] | null;
  error: string | null;
  saveRating: (rating: number | null) => Promise<boolean>;
  saveText: (text: string) => Promise<boolean>;
  draft: (text: string) => void;
}

/**
 * Loads an article's record, the reader's note and the related list, keeps the note in step with
 * bg.noteChanged (another popup, panel or the options page), and reloads the related list when the
 * index grows (pages seen while browsing add articles).
 */
export function useArticleView(url: string): ArticleViewState {
  const { call, onEvent, drafts } = useServices();
  const [view, setView] = useState<ArticleView | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    const result = await call('ui.getArticleView', { url, limit: RELATED_LIMIT });
    if (mine !== generation.current) return;
    if (result.ok) {
      setView(result.value);
      setNote(result.value.note);
      setError(null);
    } else setError(result.error.message);
  }, [call, url]);

  useEffect(() => {
    setView(null);
    setNote(null);
    void load();
    const controller = new AbortController();
    let reload: ReturnType<typeof setTimeout> | null = null;
    onEvent((event) => {
      if (event.event === 'bg.noteChanged' && event.payload.url === url) setNote(event.payload.note);
      if (event.event === 'bg.indexChanged') {
        if (reload !== null) clearTimeout(reload);
        reload = setTimeout(() => void load(), 250);
      }
    }, controller.signal);
    return () => {
      controller.abort();
      if (reload !== null) clearTimeout(reload);
      generation.current++;
    };
  }, [url, load, onEvent]);

  const save = useCallback(
    async (patch: { text?: string; rating?: number | null }) => {
      const result = await call('ui.saveNote', { url, ...patch });
      if (!result.ok) {
        setError(result.error.message);
        return false;
      }
      setNote(result.value);
      setError(null);
      return true;
    },
    [call, url],
  );

  const saveText = useCallback(
    async (text: string) => {
      const stored = await save({ text });
      if (stored) drafts?.saved(url, text);
      return stored;
    },
    [save, drafts, url],
  );

  return {
    view,
    note,
    related: view?.related ?? null,
    error,
    saveRating: (rating) => save({ rating }),
    saveText,
    draft: (text) => drafts?.draft(url, text),
  };
}
