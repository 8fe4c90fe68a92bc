import { LIMITS } from '@/lib/model/limits';
import { t } from '../i18n';
import type { NoteFacets } from './note-facets';

export type NoteSort = 'updated' | 'created' | 'rating';
export interface NoteFilter {
  query: string;
  rating: number | null;
  tag: string | null;
  category: string | null;
  /** Only articles the reader highlighted. */
  highlighted: boolean;
  sort: NoteSort;
}
export const EMPTY_FILTER: NoteFilter = { query: '', rating: null, tag: null, category: null, highlighted: false, sort: 'updated' };

const RATINGS = [5, 4, 3, 2, 1];

/** Search box, rating / tag / rubrique / highlights filters and sort order of the notes library. */
export function NotesFilters({ filter, facets, onChange }: { filter: NoteFilter; facets: NoteFacets | null; onChange: (next: NoteFilter) => void }) {
  const set = (patch: Partial<NoteFilter>) => onChange({ ...filter, ...patch });
  const value = (event: Event) => (event.currentTarget as HTMLSelectElement | HTMLInputElement).value;
  return (
    <form class="filters" role="search" aria-label={t('optionsNotesFilters')} onSubmit={(e) => e.preventDefault()}>
      <label class="field grow">
        <span>{t('optionsNotesSearch')}</span>
        <input type="search" value={filter.query} maxLength={LIMITS.query} onInput={(e) => set({ query: value(e) })} />
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
      <FacetSelect label={t('optionsFilterTag')} selected={filter.tag} facets={facets?.tags} onSelect={(tag) => set({ tag })} />
      <FacetSelect label={t('optionsFilterRubrique')} selected={filter.category} facets={facets?.categories} onSelect={(category) => set({ category })} />
      <label class="check">
        <input type="checkbox" checked={filter.highlighted} onChange={(e) => set({ highlighted: (e.currentTarget as HTMLInputElement).checked })} />
        <span>{t('optionsFilterHighlighted')}</span>
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

/** A tag or rubrique filter: "any", then each value the reader's notes have, with its count. */
function FacetSelect({
  label,
  selected,
  facets,
  onSelect,
}: {
  label: string;
  selected: string | null;
  facets: NoteFacets['tags'] | undefined;
  onSelect: (slug: string | null) => void;
}) {
  return (
    <label class="field">
      <span>{label}</span>
      <select value={selected ?? ''} onChange={(e) => onSelect((e.currentTarget as HTMLSelectElement).value || null)}>
        <option value="">{t('optionsFilterAny')}</option>
        {facets?.map((facet) => (
          <option key={facet.slug} value={facet.slug}>
            {`${facet.name} (${facet.count})`}
          </option>
        ))}
      </select>
    </label>
  );
}
