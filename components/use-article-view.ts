import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Note, RelatedItem } from '@/lib/model';
import type { ArticleView } from '@/lib/protocol';
import { useServices } from './services';
import { useBackgroundEvent } from './use-background';

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
  const { call, drafts } = useServices();
  const [view, setView] = useState<ArticleView | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const reload = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

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
    return () => {
      clearTimeout(reload.current);
      generation.current++;
    };
  }, [load]);

  useBackgroundEvent('bg.noteChanged', (payload) => {
    if (payload.url === url) setNote(payload.note);
  });
  // Pages seen while browsing arrive in bursts: reload once they pause.
  useBackgroundEvent('bg.indexChanged', () => {
    clearTimeout(reload.current);
    reload.current = setTimeout(() => void load(), 250);
  });

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
