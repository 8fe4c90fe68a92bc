import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/lib/model';
import type { ProtocolError } from '@/lib/protocol';
import { t } from '../i18n';
import { useRequiredService, useServices } from '../services';
import { ErrorText } from './ErrorText';
import { HostListEditor } from './HostListEditor';
import { CrawlSettingsForm } from './CrawlSettingsForm';

export const WAYBACK_ORIGINS = ['https://web.archive.org/*'];

/** Archive hosts, the in-page panel, Wayback Machine support (an optional host permission) and crawl
 * politeness. Every change is saved at once through ui.saveSettings. */
export function SettingsSection() {
  const { call } = useServices();
  const permissions = useRequiredService('permissions');
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<ProtocolError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [waybackGranted, setWaybackGranted] = useState<boolean | null>(null);

  useEffect(() => {
    void call('ui.getSettings', {}).then((result) => (result.ok ? setSettings(result.value) : setError(result.error)));
    permissions.contains(WAYBACK_ORIGINS).then(setWaybackGranted, () => setWaybackGranted(null));
  }, [call, permissions]);

  const save = async (patch: Partial<Settings>): Promise<boolean> => {
    setSaving(true);
    setError(null);
    setNotice(null);
    const result = await call('ui.saveSettings', patch);
    setSaving(false);
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    setSettings(result.value);
    setNotice(t('optionsSettingsSaved'));
    return true;
  };

  // The permission request must start inside the click handler itself (user gesture), before any await.
  const toggleWayback = (event: Event) => {
    if (!settings) return;
    const wanted = (event.currentTarget as HTMLInputElement).checked;
    const pending = wanted ? permissions.request(WAYBACK_ORIGINS) : permissions.remove(WAYBACK_ORIGINS);
    setSettings({ ...settings, waybackEnabled: wanted });
    void pending
      .then(async (changed) => {
        if (wanted && !changed) {
          setSettings({ ...settings, waybackEnabled: false });
          setNotice(t('optionsWaybackDenied'));
          return;
        }
        setWaybackGranted(wanted);
        if (!(await save({ waybackEnabled: wanted }))) setSettings({ ...settings });
      })
      .catch((reason: unknown) => {
        setSettings({ ...settings });
        setError({ code: 'internal', message: reason instanceof Error ? reason.message : String(reason) });
      });
  };

  if (!settings) {
    return (
      <section id="settings" aria-labelledby="settings-title" class="card">
        <h2 id="settings-title">{t('optionsSettingsTitle')}</h2>
        <ErrorText error={error} />
      </section>
    );
  }
  return (
    <section id="settings" aria-labelledby="settings-title" class="card">
      <h2 id="settings-title">{t('optionsSettingsTitle')}</h2>
      <HostListEditor hosts={settings.archiveHosts} disabled={saving} onChange={(archiveHosts) => void save({ archiveHosts })} />
      <fieldset>
        <legend>{t('optionsDisplayTitle')}</legend>
        <label class="check">
          <input type="checkbox" checked={settings.panelEnabled} disabled={saving} onClick={(e) => void save({ panelEnabled: e.currentTarget.checked })} />
          <span>{t('optionsPanelEnabled')}</span>
        </label>
        <p class="hint">{t('optionsPanelHint')}</p>
        <label class="check">
          <input type="checkbox" checked={settings.waybackEnabled} disabled={saving} onClick={toggleWayback} />
          <span>{t('optionsWaybackEnabled')}</span>
        </label>
        <p class="hint">{t('optionsWaybackHint')}</p>
        {settings.waybackEnabled && waybackGranted === false && (
          <p class="error" role="alert">
            {t('optionsWaybackMissing')}
          </p>
        )}
      </fieldset>
      <CrawlSettingsForm key={`${settings.crawlDelayMs}/${settings.crawlConcurrency}`} settings={settings} disabled={saving} onSave={save} />
      {notice && <p role="status">{notice}</p>}
      <ErrorText error={error} />
    </section>
  );
}
