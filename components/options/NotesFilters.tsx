import { t } from '../i18n';
import type { NoteFacets } from './note-facets';

export type NoteSort = 'updated' | 'created' | 'rating';
export interface NoteFilter {
  query: string;
  rating: number | null;
  tag: string | null;
  category: string | null;
  sort: NoteSort;
}
export const EMPTY_FILTER: NoteFilter = { query: '', rating: null, tag: null, category: null, sort: 'updated' };

const RATINGS = [5, 4, 3, 2, 1];

/** Search box, rating / tag / rubrique filters and sort order of the notes library. */
export function NotesFilters({ filter, facets, onChange }: { filter: NoteFilter; facets: NoteFacets | null; onChange: (next: NoteFilter) => void }) {
  const set = (patch: Partial<NoteFilter>) => onChange({ ...filter, ...patch });
  const value = (event: Event) => (event.currentTarget as HTMLSelectElement | HTMLInputElement).value;
  return (
    <form class="filters" role="search" aria-label={t('optionsNotesFilters')} onSubmit={(e) => e.preventDefault()}>
      <label class="field grow">
        <span>{t('optionsNotesSearch')}</span>
        <input type="search" value={filter.query} maxLength={500} onInput={(e) => set({ query: value(e) })} />
      </label>
      <label class="field">
        <span>{t('optionsFilterRating')}</span>
        <select value={filter.rating === null ? '' : String(filter.rating)} onChange={(e) => set({ rating: value(e) ? Number(value(e)) : null })}>
          <option value="">{t('optionsFilterAny')}</option>
          {RATINGS.map((n) => (
            <option key={n} value={String(n)}>
              {t(n === 1 ? 'optionsStarsOne' : 'optionsStarsN', String(n))}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('optionsFilterTag')}</span>
        <select value={filter.tag ?? ''} onChange={(e) => set({ tag: value(e) || null })}>
          <option value="">{t('optionsFilterAny')}</option>
          {facets?.tags.map((tag) => (
            <option key={tag.slug} value={tag.slug}>
              {`${tag.name} (${tag.count})`}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('optionsFilterRubrique')}</span>
        <select value={filter.category ?? ''} onChange={(e) => set({ category: value(e) || null })}>
          <option value="">{t('optionsFilterAny')}</option>
          {facets?.categories.map((category) => (
            <option key={category.slug} value={category.slug}>
              {`${category.name} (${category.count})`}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('optionsSort')}</span>
        <select value={filter.sort} onChange={(e) => set({ sort: value(e) as NoteSort })}>
          <option value="updated">{t('optionsSortUpdated')}</option>
          <option value="created">{t('optionsSortCreated')}</option>
          <option value="rating">{t('optionsSortRating')}</option>
        </select>
      </label>
    </form>
  );
}
