import { t } from '@/components/i18n';
import { BackupSection } from '@/components/options/BackupSection';
import { IndexSection } from '@/components/options/IndexSection';
import { NotesSection } from '@/components/options/NotesSection';
import { SettingsSection } from '@/components/options/SettingsSection';

const SECTIONS = [
  ['index', 'optionsNavIndex'],
  ['notes', 'optionsNavNotes'],
  ['backup', 'optionsNavBackup'],
  ['settings', 'optionsNavSettings'],
] as const;

/** The options page: one page, four sections, a nav of in-page links. Services come from the
 * ServicesProvider (main.tsx), as in the popup and the panel. */
export function App() {
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
        <IndexSection />
        <NotesSection />
        <BackupSection />
        <SettingsSection />
      </main>
    </div>
  );
}
