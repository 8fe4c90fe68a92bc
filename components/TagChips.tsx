import type { Tag } from '@/lib/model';
import { t } from './i18n';

interface Props {
  tags: readonly Tag[];
  /** Opens that tag's article list; without it the chips are plain labels. */
  onSelect?: (tag: Tag) => void;
  label?: string;
}

/** Tags as chips; names are shown as text only. */
export function TagChips({ tags, onSelect, label }: Props) {
  if (tags.length === 0) return null;
  return (
    <ul class="sv-chips" aria-label={label ?? t('tagsLabel')}>
      {tags.map((tag) => (
        <li key={tag.slug}>
          {onSelect ? (
            <button type="button" class="sv-chip" onClick={() => onSelect(tag)} title={t('tagBrowseTitle', tag.name)}>
              {tag.name}
            </button>
          ) : (
            <span class="sv-chip sv-chip-static">{tag.name}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
