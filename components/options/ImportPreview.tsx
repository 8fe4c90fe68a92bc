import { useEffect, useRef } from 'preact/hooks';
import type { ImportReport } from '@/lib/model';
import { formatCount, t } from '../i18n';
import { ImportSettingsDiff } from './ImportSettingsDiff';

const ROWS = [
  ['articles', 'optionsImportArticles'],
  ['notes', 'optionsImportNotes'],
  ['trash', 'optionsImportTrash'],
  ['highlights', 'optionsImportHighlights'],
] as const;
const COLUMNS = [
  ['added', 'optionsImportAdded'],
  ['updated', 'optionsImportUpdated'],
  ['kept', 'optionsImportKept'],
  ['rejected', 'optionsImportRejected'],
] as const;

/**
 * What an import will change (preview) or changed (applied): counts per kind, the settings that differ
 * (applied only when ticked: `applySettings`), and rejection reasons.
 */
export function ImportPreview({
  report,
  fileName,
  applySettings,
}: {
  report: ImportReport;
  fileName: string;
  applySettings?: { checked: boolean; onChange: (checked: boolean) => void };
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Moving focus to the result tells keyboard and screen-reader users the preview is ready.
  useEffect(() => heading.current?.focus(), [report]);
  return (
    <div class="import-preview">
      <h3 ref={heading} tabIndex={-1}>
        {t(report.applied ? 'optionsImportAppliedTitle' : 'optionsImportPreviewTitle', fileName)}
      </h3>
      <table>
        <caption class="sr-only">{t(report.applied ? 'optionsImportAppliedCaption' : 'optionsImportPreviewCaption')}</caption>
        <thead>
          <tr>
            <td />
            {COLUMNS.map(([, key]) => (
              <th key={key} scope="col">
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map(([kind, key]) => (
            <tr key={kind} data-kind={kind}>
              <th scope="row">{t(key)}</th>
              {COLUMNS.map(([column]) => (
                <td key={column} data-column={column}>
                  {formatCount(report[kind][column])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {report.futureTimes > 0 && <p>{t('optionsImportFutureTimes', formatCount(report.futureTimes))}</p>}
      <h4>{t('optionsImportSettingsTitle')}</h4>
      {report.settings ? (
        <ImportSettingsDiff settings={report.settings} applied={report.applied} apply={applySettings} />
      ) : (
        <p>{t('optionsImportSettingsNone')}</p>
      )}
      {!report.applied && <p class="hint">{t('optionsImportMergeRule')}</p>}
      {report.rejections.length > 0 && (
        <>
          <h4>{t('optionsImportRejections')}</h4>
          <ul class="rejections">
            {report.rejections.map((rejection, i) => (
              <li key={i}>{t('optionsImportRejectionLine', formatCount(rejection.count), rejection.reason)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
