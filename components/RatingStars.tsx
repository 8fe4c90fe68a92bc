import { useRef } from 'preact/hooks';
import { t } from './i18n';

interface Props {
  value: number | null;
  onChange: (rating: number | null) => void;
  disabled?: boolean;
}

const STARS = [1, 2, 3, 4, 5] as const;

/**
 * Five stars as an ARIA radiogroup with a roving tab stop: arrows move and select, Home/End jump,
 * Delete/Backspace clear, and activating the checked star again clears it (so does the clear button).
 */
export function RatingStars({ value, onChange, disabled = false }: Props) {
  const group = useRef<HTMLDivElement>(null);
  const focusStar = (rating: number) => {
    group.current?.querySelector<HTMLElement>(`[data-star="${rating}"]`)?.focus();
  };
  const select = (rating: number | null) => {
    if (disabled) return;
    onChange(rating);
    focusStar(rating ?? 1);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const current = value ?? 0;
    let next: number | null | undefined;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowUp':
        next = current >= 5 ? 1 : current + 1;
        break;
      case 'ArrowLeft':
      case 'ArrowDown':
        next = current <= 1 ? 5 : current - 1;
        break;
      case 'Home':
        next = 1;
        break;
      case 'End':
        next = 5;
        break;
      case 'Delete':
      case 'Backspace':
        next = null;
        break;
      default:
        return;
    }
    event.preventDefault();
    select(next);
  };
  const tabStop = value ?? 1;
  return (
    <div class="sv-rating">
      <div role="radiogroup" aria-label={t('ratingLabel')} class="sv-stars" ref={group} onKeyDown={onKeyDown} aria-disabled={disabled || undefined}>
        {STARS.map((star) => {
          const checked = value === star;
          return (
            <button
              type="button"
              role="radio"
              key={star}
              data-star={star}
              aria-checked={checked}
              aria-label={star === 1 ? t('ratingOneStar') : t('ratingStars', star)}
              tabIndex={star === tabStop ? 0 : -1}
              class={`sv-star${value !== null && star <= value ? ' sv-star-on' : ''}`}
              disabled={disabled}
              onClick={() => select(checked ? null : star)}
            >
              <span aria-hidden="true">★</span>
            </button>
          );
        })}
      </div>
      {value !== null && (
        <button type="button" class="sv-link-button" onClick={() => select(null)} disabled={disabled}>
          {t('ratingClear')}
        </button>
      )}
    </div>
  );
}
