import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { NotesLibrary } from './NotesLibrary';
import { TrashedHighlights } from './TrashedHighlights';
import { TrashList } from './TrashList';

/** The notes library and the trash (notes, then highlights), which refresh each other when something moves between them. */
export function NotesSection() {
  const [libraryVersion, setLibraryVersion] = useState(0);
  const [trashVersion, setTrashVersion] = useState(0);
  return (
    <section id="notes" aria-labelledby="notes-title" class="card">
      <h2 id="notes-title">{t('optionsNotesTitle')}</h2>
      <NotesLibrary version={libraryVersion} onTrashed={() => setTrashVersion((n) => n + 1)} />
      <TrashList version={trashVersion} onRestored={() => setLibraryVersion((n) => n + 1)} />
      <TrashedHighlights onRestored={() => setLibraryVersion((n) => n + 1)} />
    </section>
  );
}
