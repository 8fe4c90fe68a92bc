import { useState } from 'preact/hooks';
import { IndexStatusCard } from '@/components/IndexStatusCard';
import { RecentNotes } from '@/components/RecentNotes';
import { SearchBox } from '@/components/SearchBox';
import { t } from '@/components/i18n';
import { useServices } from '@/components/services';
import type { PageInfo } from '@/lib/model';

interface Props {
  /** The active tab, when the popup should offer "Check this page". */
  tabId: number | null;
  reason: string | null;
  onRecognised?: (page: PageInfo) => void;
}

/** Anywhere else: not an archive page, "Check this page", search, recent notes and the index. */
export function Dashboard({ tabId, reason, onRecognised }: Props) {
  const { call } = useServices();
  const [checking, setChecking] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);

  const check = async () => {
    if (tabId === null) return;
    setChecking(true);
    const result = await call('ui.checkTab', { tabId });
    setChecking(false);
    if (!result.ok) {
      setOutcome(t('checkFailed', result.error.message));
      return;
    }
    if (result.value.kind === 'not-archive' || result.value.kind === 'not-found') {
      setOutcome(t('checkNotArchive', result.value.reason ?? ''));
      return;
    }
    onRecognised?.(result.value);
  };

  return (
    <div class="sv-dashboard">
      {onRecognised && (
        <section class="sv-elsewhere">
          <h1 class="sv-title">{t('notArchiveTitle')}</h1>
          <p class="sv-muted">{reason ? t('notArchiveReason', reason) : t('notArchiveHelp')}</p>
          {tabId !== null && (
            <button type="button" class="sv-button" onClick={() => void check()} disabled={checking}>
              {checking ? t('checking') : t('checkThisPage')}
            </button>
          )}
          {outcome && (
            <p class="sv-muted" role="status">
              {outcome}
            </p>
          )}
        </section>
      )}
      <SearchBox />
      <RecentNotes />
      <IndexStatusCard />
    </div>
  );
}
