import type { DraftSink } from '@/components/services';
import { t } from '@/components/i18n';
import { BackupSection } from '@/components/options/BackupSection';
import type { HostPermissions, SaveFile, SectionDeps, StorageProbe } from '@/components/options/deps';
import { IndexSection } from '@/components/options/IndexSection';
import { NotesSection } from '@/components/options/NotesSection';
import { SettingsSection } from '@/components/options/SettingsSection';

export interface OptionsDeps extends SectionDeps {
  permissions: HostPermissions;
  saveFile: SaveFile;
  storage: StorageProbe;
  drafts?: DraftSink;
}

const SECTIONS = [
  ['index', 'optionsNavIndex'],
  ['notes', 'optionsNavNotes'],
  ['backup', 'optionsNavBackup'],
  ['settings', 'optionsNavSettings'],
] as const;

/** The options page: one page, four sections, a nav of in-page links. */
export function App({ deps }: { deps: OptionsDeps }) {
  const { call, subscribe } = deps;
  return (
    <div class="sv-root options">
      <a class="skip-link" href="#main">
        {t('optionsSkipToContent')}
      </a>
      <header class="options-header">
        <h1>{t('optionsPageTitle')}</h1>
        <nav aria-label={t('optionsNavLabel')}>
          <ul>
            {SECTIONS.map(([id, key]) => (
              <li key={id}>
                <a href={`#${id}`}>{t(key)}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <IndexSection call={call} subscribe={subscribe} />
        <NotesSection call={call} subscribe={subscribe} drafts={deps.drafts} />
        <BackupSection call={call} saveFile={deps.saveFile} storage={deps.storage} />
        <SettingsSection call={call} permissions={deps.permissions} />
      </main>
    </div>
  );
}
