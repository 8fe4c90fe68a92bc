import { useEffect, useRef, useState } from 'preact/hooks';
import { formatCount, t } from '../i18n';
import { useBackgroundEvent, useCall } from '../use-background';
import { ErrorText } from './ErrorText';
import { loadNoteFacets } from './note-facets';
import { NoteItem } from './NoteItem';
import { EMPTY_FILTER, NotesFilters, type NoteFilter } from './NotesFilters';

export const NOTES_PAGE_SIZE = 20;
const SEARCH_DEBOUNCE_MS = 250;

interface Props {
  /** Bumped by the owner when notes changed elsewhere (restored from the trash). */
  version: number;
  onTrashed: () => void;
}

/** The reader's notes: search, filters, sort, pages of NoteItems. */
export function NotesLibrary({ version, onTrashed }: Props) {
  const [filter, setFilter] = useState<NoteFilter>(EMPTY_FILTER);
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const [changes, setChanges] = useState(0);

  // Typing waits for a pause before querying; the other filters apply at once.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(filter.query.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [filter.query]);

  useBackgroundEvent('bg.noteChanged', () => setChanges((n) => n + 1));
  useBackgroundEvent('bg.highlightsChanged', () => setChanges((n) => n + 1));
  const facets = useCall(loadNoteFacets, [version, changes]).value;
  const listed = useCall(
    (call) =>
      call('ui.listNotes', {
        ...(query ? { query } : {}),
        ...(filter.rating !== null ? { rating: filter.rating } : {}),
        ...(filter.tag ? { tag: filter.tag } : {}),
        ...(filter.category ? { category: filter.category } : {}),
        ...(filter.highlighted ? { highlighted: true } : {}),
        sort: filter.sort,
        offset,
        limit: NOTES_PAGE_SIZE,
      }),
    [query, filter.rating, filter.tag, filter.category, filter.highlighted, filter.sort, offset, version, changes],
  );
  // A page emptied by deletions steps back instead of showing nothing (the page before stays shown meanwhile).
  const emptied = listed.value !== null && listed.value.items.length === 0 && offset > 0;
  useEffect(() => {
    if (emptied) setOffset((old) => Math.max(0, old - NOTES_PAGE_SIZE));
  }, [emptied, listed.value]);
  const shown = useRef(listed.value);
  if (!emptied) shown.current = listed.value;
  const page = shown.current;
  const error = listed.error;

  const changeFilter = (next: NoteFilter) => {
    setFilter(next);
    setOffset(0);
  };
  const refresh = () => setChanges((n) => n + 1);
  const filtered = query !== '' || filter.rating !== null || filter.tag !== null || filter.category !== null || filter.highlighted;
  const total = page?.total ?? 0;
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + NOTES_PAGE_SIZE, total);

  return (
    <div class="notes-library">
      <NotesFilters filter={filter} facets={facets} onChange={changeFilter} />
      <ErrorText error={error} />
      {page && (
        <p class="result-count" role="status">
          {total === 0
            ? t(filtered ? 'optionsNoMatchingNotes' : 'optionsNoNotes')
            : t('optionsNotesRange', formatCount(first), formatCount(last), formatCount(total))}
        </p>
      )}
      {page && page.items.length > 0 && (
        <ul class="notes" aria-label={t('optionsNotesListLabel')}>
          {page.items.map((note) => (
            <NoteItem
              key={note.url}
              note={note}
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
