import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_ARCHIVE_HOSTS } from '@/lib/archive/hosts';
import type { NoteView, ProtocolError } from '@/lib/protocol';
import { formatCount, t } from '../i18n';
import type { DraftSink } from '../services';
import type { SectionDeps } from './deps';
import { ErrorText } from './ErrorText';
import { loadNoteFacets, type NoteFacets } from './note-facets';
import { NoteItem } from './NoteItem';
import { EMPTY_FILTER, NotesFilters, type NoteFilter } from './NotesFilters';

export const NOTES_PAGE_SIZE = 20;
const SEARCH_DEBOUNCE_MS = 250;

interface Props extends SectionDeps {
  /** Bumped by the owner when notes changed elsewhere (restored from the trash). */
  version: number;
  onTrashed: () => void;
  drafts?: DraftSink;
}

/** The reader's notes: search, filters, sort, pages of NoteItems. */
export function NotesLibrary({ call, subscribe, version, onTrashed, drafts }: Props) {
  const [filter, setFilter] = useState<NoteFilter>(EMPTY_FILTER);
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ items: NoteView[]; total: number } | null>(null);
  const [facets, setFacets] = useState<NoteFacets | null>(null);
  const [hosts, setHosts] = useState<readonly string[]>(DEFAULT_ARCHIVE_HOSTS);
  const [error, setError] = useState<ProtocolError | null>(null);
  const [changes, setChanges] = useState(0);

  // Typing waits for a pause before querying; the other filters apply at once.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(filter.query.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [filter.query]);

  useEffect(() => {
    const controller = new AbortController();
    subscribe((event) => {
      if (event.event === 'bg.noteChanged') setChanges((n) => n + 1);
    }, controller.signal);
    void call('ui.getSettings', {}).then((result) => result.ok && setHosts(result.value.archiveHosts));
    return () => controller.abort();
  }, [call, subscribe]);

  useEffect(() => {
    let live = true;
    void loadNoteFacets(call).then((result) => live && result.ok && setFacets(result.value));
    return () => {
      live = false;
    };
  }, [call, version, changes]);

  useEffect(() => {
    let live = true;
    void call('ui.listNotes', {
      ...(query ? { query } : {}),
      ...(filter.rating !== null ? { rating: filter.rating } : {}),
      ...(filter.tag ? { tag: filter.tag } : {}),
      ...(filter.category ? { category: filter.category } : {}),
      sort: filter.sort,
      offset,
      limit: NOTES_PAGE_SIZE,
    }).then((result) => {
      if (!live) return;
      if (!result.ok) return setError(result.error);
      setError(null);
      // A page emptied by deletions steps back instead of showing nothing.
      if (result.value.items.length === 0 && offset > 0) setOffset(Math.max(0, offset - NOTES_PAGE_SIZE));
      else setPage(result.value);
    });
    return () => {
      live = false;
    };
  }, [call, query, filter.rating, filter.tag, filter.category, filter.sort, offset, version, changes]);

  const changeFilter = (next: NoteFilter) => {
    setFilter(next);
    setOffset(0);
  };
  const refresh = () => setChanges((n) => n + 1);
  const filtered = query !== '' || filter.rating !== null || filter.tag !== null || filter.category !== null;
  const total = page?.total ?? 0;
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + NOTES_PAGE_SIZE, total);

  return (
    <div class="notes-library">
      <NotesFilters filter={filter} facets={facets} onChange={changeFilter} />
      <ErrorText error={error} />
      {page && (
        <p class="result-count" role="status">
          {total === 0 ? t(filtered ? 'optionsNoMatchingNotes' : 'optionsNoNotes') : t('optionsNotesRange', formatCount(first), formatCount(last), formatCount(total))}
        </p>
      )}
      {page && page.items.length > 0 && (
        <ul class="notes" aria-label={t('optionsNotesListLabel')}>
          {page.items.map((note) => (
            <NoteItem
              key={note.url}
              note={note}
              hosts={hosts}
              call={call}
              drafts={drafts}
              onChanged={refresh}
              onTrashed={() => {
                refresh();
                onTrashed();
              }}
            />
          ))}
        </ul>
      )}
      {total > NOTES_PAGE_SIZE && (
        <nav class="pager" aria-label={t('optionsPagerLabel')}>
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - NOTES_PAGE_SIZE))}>
            {t('optionsPrevious')}
          </button>
          <button type="button" disabled={offset + NOTES_PAGE_SIZE >= total} onClick={() => setOffset(offset + NOTES_PAGE_SIZE)}>
            {t('optionsNext')}
          </button>
        </nav>
      )}
    </div>
  );
}
