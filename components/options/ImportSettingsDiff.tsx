import type { ImportSettings, Settings, SettingKey } from '@/lib/model';
import { t } from '../i18n';

const NAMES: Record<SettingKey, string> = {
  archiveHosts: 'optionsHostsTitle',
  panelEnabled: 'optionsPanelEnabled',
  waybackEnabled: 'optionsWaybackEnabled',
  crawlDelayMs: 'optionsCrawlDelay',
  crawlConcurrency: 'optionsCrawlConcurrency',
};

function shown(settings: Settings, key: SettingKey): string {
  const value = settings[key];
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return t(value ? 'optionsValueOn' : 'optionsValueOff');
  return key === 'crawlDelayMs' ? String(value / 1000) : String(value);
}

/**
 * The settings a file carries, beside the reader's: only those that differ, and (in the preview) the
 * box that applies them — unticked by default, since a file from someone else would otherwise point the
 * crawler at their hosts.
 */
export function ImportSettingsDiff({
  settings,
  applied,
  apply,
}: {
  settings: ImportSettings;
  applied: boolean;
  apply?: { checked: boolean; onChange: (checked: boolean) => void };
}) {
  if (settings.changed.length === 0) return <p>{t('optionsImportSettingsSame')}</p>;
  return (
    <div class="import-settings">
      {!applied && apply && (
        <>
          <label class="check">
            <input type="checkbox" checked={apply.checked} onChange={(e) => apply.onChange(e.currentTarget.checked)} />
            <span>{t('optionsImportSettingsApply')}</span>
          </label>
          <p class="hint">{t('optionsImportSettingsWarning')}</p>
        </>
      )}
      {applied && <p>{t(settings.applied ? 'optionsImportSettingsApplied' : 'optionsImportSettingsKept')}</p>}
      <table>
        <caption class="sr-only">{t('optionsImportSettingsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('optionsImportSettingName')}</th>
            <th scope="col">{t('optionsImportSettingYours')}</th>
            <th scope="col">{t('optionsImportSettingFile')}</th>
          </tr>
        </thead>
        <tbody>
          {settings.changed.map((key) => (
            <tr key={key} data-setting={key}>
              <th scope="row">{t(NAMES[key])}</th>
              <td data-column="current">{shown(settings.current, key)}</td>
              <td data-column="incoming">{shown(settings.incoming, key)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
