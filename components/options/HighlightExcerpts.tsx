import type { NoteView } from '@/lib/protocol';
import { t, tCount } from '../i18n';

/** Quotes longer than this are cut in the library (the whole passage is on the article's page). */
const QUOTE_EXCERPT_CHARS = 280;

const excerpt = (quote: string) => (quote.length > QUOTE_EXCERPT_CHARS ? `${quote.slice(0, QUOTE_EXCERPT_CHARS).trimEnd()}…` : quote);

/**
 * An article's highlights in the library, in text order: each passage quoted, then the reader's note on
 * it. Page words and notes are rendered as text only. Editing happens in the article's panel, where the
 * passage can be seen in place.
 */
export function HighlightExcerpts({ highlights, title }: { highlights: NoteView['highlights']; title: string }) {
  if (highlights.length === 0) return null;
  return (
    <div class="note-highlights">
      <p class="hint">{tCount('optionsHighlightCount', highlights.length)}</p>
      <ul aria-label={t('optionsHighlightsOf', title)}>
        {highlights.map((highlight) => (
          <li key={highlight.id}>
            <blockquote class="highlight-quote">{excerpt(highlight.exact)}</blockquote>
            {highlight.note && <p class="highlight-note">{highlight.note}</p>}
          </li>
        ))}
      </ul>
    </div>
  );
}
