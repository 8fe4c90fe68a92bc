import { useState } from 'preact/hooks';
import { LIMITS, type Settings } from '@/lib/model';
import { t } from '../i18n';

const MAX_DELAY_S = LIMITS.crawlDelayMs / 1000;
const CONCURRENCY = Array.from({ length: LIMITS.crawlConcurrency }, (_, i) => i + 1);

// A text field rather than type=number: "2,5" must work for French readers in any browser locale.

/** Crawl politeness: delay between requests (seconds, shown; milliseconds, stored) and concurrency 1–4.
 * The owner keys it by the stored values, so a save (or an import) starts it afresh from them. */
export function CrawlSettingsForm({
  settings,
  disabled,
  onSave,
}: {
  settings: Settings;
  disabled: boolean;
  onSave: (patch: Partial<Settings>) => Promise<boolean>;
}) {
  const [delay, setDelay] = useState(String(settings.crawlDelayMs / 1000));
  const [concurrency, setConcurrency] = useState(settings.crawlConcurrency);
  const [invalid, setInvalid] = useState(false);

  const submit = (event: Event) => {
    event.preventDefault();
    const seconds = Number(delay.replace(',', '.'));
    const ok = delay.trim() !== '' && Number.isFinite(seconds) && seconds >= 0 && seconds <= MAX_DELAY_S;
    setInvalid(!ok);
    if (ok) void onSave({ crawlDelayMs: Math.round(seconds * 1000), crawlConcurrency: concurrency });
  };

  return (
    <form class="crawl-settings" noValidate onSubmit={submit}>
      <fieldset>
        <legend>{t('optionsCrawlSettingsTitle')}</legend>
        <p class="hint">{t('optionsCrawlSettingsHint')}</p>
        <label class="field">
          <span>{t('optionsCrawlDelay')}</span>
          <input
            type="text"
            inputMode="decimal"
            size={6}
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
            {CONCURRENCY.map((n) => (
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
