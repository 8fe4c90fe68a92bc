import { useState } from 'preact/hooks';
import { t } from '../i18n';
import type { DraftSink } from '../services';
import type { SectionDeps } from './deps';
import { NotesLibrary } from './NotesLibrary';
import { TrashList } from './TrashList';

/** The notes library and the trash, which refresh each other when a note moves between them. */
export function NotesSection({ call, subscribe, drafts }: SectionDeps & { drafts?: DraftSink }) {
  const [libraryVersion, setLibraryVersion] = useState(0);
  const [trashVersion, setTrashVersion] = useState(0);
  return (
    <section id="notes" aria-labelledby="notes-title" class="card">
      <h2 id="notes-title">{t('optionsNotesTitle')}</h2>
      <NotesLibrary call={call} subscribe={subscribe} version={libraryVersion} drafts={drafts} onTrashed={() => setTrashVersion((n) => n + 1)} />
      <TrashList call={call} subscribe={subscribe} version={trashVersion} onRestored={() => setLibraryVersion((n) => n + 1)} />
    </section>
  );
}
