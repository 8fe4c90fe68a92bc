import { ok } from '@/lib/protocol';
import { t } from '../i18n';
import { useRequiredService, type StorageProbe } from '../services';
import { useCall } from '../use-background';
import { formatBytes } from './format';

type Kept = 'persistent' | 'unlimited' | 'best-effort';
interface Status {
  kept: Kept;
  usage: number | null;
  quota: number | null;
}

const KEPT_MESSAGE: Record<Kept, string> = {
  persistent: 'optionsStoragePersistent',
  unlimited: 'optionsStorageUnlimited',
  'best-effort': 'optionsStorageBestEffort',
};

/** Persistent if it is, or once asked (Firefox grants it with unlimitedStorage; Chrome answers no but never evicts an unlimited origin). */
async function readStatus(storage: StorageProbe): Promise<Status> {
  const persisted = (await storage.persisted().catch(() => false)) || (await storage.persist().catch(() => false));
  const unlimited = persisted ? false : await storage.unlimited().catch(() => false);
  const estimate = await storage.estimate().catch(() => ({ usage: undefined, quota: undefined }));
  return { kept: persisted ? 'persistent' : unlimited ? 'unlimited' : 'best-effort', usage: estimate.usage ?? null, quota: estimate.quota ?? null };
}

/**
 * Whether the browser will keep the store under disk pressure, and how much it uses: the store holds the
 * reader's only copy of their notes, so they should know (and export a backup when it is not protected).
 */
export function StorageStatus() {
  const storage = useRequiredService('storage');
  // readStatus never fails (each probe falls back), so the answer is always ok.
  const { value: status } = useCall(async () => ok(await readStatus(storage)), [storage]);
  return (
    <div class="storage-status" aria-live="polite">
      <h3>{t('optionsStorageTitle')}</h3>
      {!status && <p>{t('optionsStorageChecking')}</p>}
      {status && (
        <>
          <p data-kept={status.kept} class={status.kept === 'best-effort' ? 'error' : undefined}>
            {t(KEPT_MESSAGE[status.kept])}
          </p>
          <p data-usage>
            {status.usage === null
              ? t('optionsStorageUsageUnknown')
              : status.quota === null
                ? t('optionsStorageUsage', formatBytes(status.usage))
                : t('optionsStorageUsageOf', formatBytes(status.usage), formatBytes(status.quota))}
          </p>
        </>
      )}
    </div>
  );
}
