import { useState } from 'preact/hooks';
import { HostName, LIMITS } from '@/lib/model';
import { t } from '../i18n';

/** Lower-cases and trims what a person typed; a pasted URL is reduced to its host. */
export function normaliseHost(input: string): string {
  const trimmed = input.trim().toLowerCase().replace(/\.$/, '');
  if (/^https?:\/\//.test(trimmed)) {
    try {
      return new URL(trimmed).host;
    } catch {
      return trimmed;
    }
  }
  return trimmed;
}

/** Why `host` cannot be added, as a message key, or null when it can. */
export function hostProblem(host: string, hosts: readonly string[]): string | null {
  if (!host) return 'optionsHostEmpty';
  if (!HostName.safeParse(host).success || host.startsWith('.') || host.includes('..')) return 'optionsHostInvalid';
  if (hosts.includes(host)) return 'optionsHostDuplicate';
  if (hosts.length >= LIMITS.archiveHosts) return 'optionsHostTooMany';
  return null;
}

/** The archive host names: add (validated) and remove; at least one must remain. */
export function HostListEditor({ hosts, disabled, onChange }: { hosts: readonly string[]; disabled: boolean; onChange: (next: string[]) => void }) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = (event: Event) => {
    event.preventDefault();
    const host = normaliseHost(draft);
    const why = hostProblem(host, hosts);
    setProblem(why);
    if (why) return;
    onChange([...hosts, host]);
    setDraft('');
  };

  return (
    <fieldset class="hosts">
      <legend>{t('optionsHostsTitle')}</legend>
      <p class="hint">{t('optionsHostsHint')}</p>
      <ul class="host-list">
        {hosts.map((host) => (
          <li key={host}>
            <span class="host">{host}</span>
            <button
              type="button"
              disabled={disabled || hosts.length <= 1}
              aria-label={t('optionsHostRemoveNamed', host)}
              onClick={() => onChange(hosts.filter((h) => h !== host))}
            >
              {t('optionsRemove')}
            </button>
          </li>
        ))}
      </ul>
      <form class="host-add" onSubmit={add}>
        <label class="field">
          <span>{t('optionsHostAddLabel')}</span>
          <input
            type="text"
            value={draft}
            spellcheck={false}
            autocomplete="off"
            placeholder="www.example.org"
            aria-invalid={problem ? 'true' : undefined}
            aria-describedby={problem ? 'host-problem' : undefined}
            onInput={(e) => setDraft(e.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={disabled}>
          {t('optionsHostAdd')}
        </button>
      </form>
      {problem && (
        <p id="host-problem" class="error" role="alert">
          {t(problem)}
        </p>
      )}
    </fieldset>
  );
}
