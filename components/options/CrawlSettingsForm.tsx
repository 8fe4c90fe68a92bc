import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/lib/model';
import { t } from '../i18n';

const MAX_DELAY_S = 60;

/** Crawl politeness: delay between requests (seconds, shown; milliseconds, stored) and concurrency 1–4. */
export function CrawlSettingsForm({ settings, disabled, onSave }: { settings: Settings; disabled: boolean; onSave: (patch: Partial<Settings>) => Promise<boolean> }) {
  const [delay, setDelay] = useState(String(settings.crawlDelayMs / 1000));
  const [concurrency, setConcurrency] = useState(settings.crawlConcurrency);
  const [invalid, setInvalid] = useState(false);

  useEffect(() => {
    setDelay(String(settings.crawlDelayMs / 1000));
    setConcurrency(settings.crawlConcurrency);
  }, [settings.crawlDelayMs, settings.crawlConcurrency]);

  const submit = (event: Event) => {
    event.preventDefault();
    const seconds = Number(delay.replace(',', '.'));
    const ok = delay.trim() !== '' && Number.isFinite(seconds) && seconds >= 0 && seconds <= MAX_DELAY_S;
    setInvalid(!ok);
    if (ok) void onSave({ crawlDelayMs: Math.round(seconds * 1000), crawlConcurrency: concurrency });
  };

  return (
    <form class="crawl-settings" onSubmit={submit}>
      <fieldset>
        <legend>{t('optionsCrawlSettingsTitle')}</legend>
        <p class="hint">{t('optionsCrawlSettingsHint')}</p>
        <label class="field">
          <span>{t('optionsCrawlDelay')}</span>
          <input
            type="number"
            min={0}
            max={MAX_DELAY_S}
            step={0.1}
            inputMode="decimal"
            value={delay}
            aria-invalid={invalid ? 'true' : undefined}
            aria-describedby={invalid ? 'delay-problem' : undefined}
            onInput={(e) => setDelay(e.currentTarget.value)}
          />
        </label>
        {invalid && (
          <p id="delay-problem" class="error" role="alert">
            {t('optionsCrawlDelayInvalid', String(MAX_DELAY_S))}
          </p>
        )}
        <label class="field">
          <span>{t('optionsCrawlConcurrency')}</span>
          <select value={String(concurrency)} onChange={(e) => setConcurrency(Number(e.currentTarget.value))}>
            {[1, 2, 3, 4].map((n) => (
              <option key={n} value={String(n)}>
                {String(n)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={disabled}>
          {t('optionsSave')}
        </button>
      </fieldset>
    </form>
  );
}
