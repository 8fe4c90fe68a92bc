import { useState } from 'preact/hooks';
import type { ImportReport } from '@/lib/model';
import { MAX_IMPORT_CHARS, type ProtocolError } from '@/lib/protocol';
import { t } from '../i18n';
import { useRequiredService, useServices } from '../services';
import { base64ToBytes, safeFilename } from './download';
import { ErrorText } from './ErrorText';
import { ImportPreview } from './ImportPreview';
import { StorageStatus } from './StorageStatus';

type ImportState =
  | { step: 'idle' }
  | { step: 'busy'; fileName: string }
  | { step: 'preview'; fileName: string; json: string; report: ImportReport }
  | { step: 'applied'; fileName: string; report: ImportReport }
  | { step: 'refused'; fileName: string; message: string };

const MEGABYTE = 1024 * 1024;

/** Where the data is kept, export (JSON backup, Markdown zip, Web Annotation highlights) and import with a preview of what will change. */
export function BackupSection() {
  const { call } = useServices();
  const saveFile = useRequiredService('saveFile');
  const [exportError, setExportError] = useState<ProtocolError | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [importError, setImportError] = useState<ProtocolError | null>(null);
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const [inputKey, setInputKey] = useState(0);
  const [applySettings, setApplySettings] = useState(false);

  const exportJson = async () => {
    setExportError(null);
    const result = await call('ui.exportJson', {});
    if (!result.ok) return setExportError(result.error);
    const name = safeFilename(result.value.filename, 'securityvibes-companion.json');
    saveFile(name, new Blob([result.value.json], { type: 'application/json' }));
    setExported(name);
  };

  const exportMarkdown = async () => {
    setExportError(null);
    const result = await call('ui.exportMarkdown', {});
    if (!result.ok) return setExportError(result.error);
    const bytes = base64ToBytes(result.value.base64);
    if (!bytes) return setExportError({ code: 'invalid-message', message: 'ui.exportMarkdown' });
    const name = safeFilename(result.value.filename, 'securityvibes-notes.zip');
    saveFile(name, new Blob([bytes], { type: 'application/zip' }));
    setExported(name);
  };

  const exportWebAnnotations = async () => {
    setExportError(null);
    const result = await call('ui.exportWebAnnotations', {});
    if (!result.ok) return setExportError(result.error);
    const name = safeFilename(result.value.filename, 'securityvibes-highlights.jsonld');
    saveFile(name, new Blob([result.value.json], { type: 'application/ld+json' }));
    setExported(name);
  };

  const chooseFile = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    setImportError(null);
    if (!file) return setState({ step: 'idle' });
    // Refused here, before reading: a file this size would not even fit in one extension message.
    if (file.size > MAX_IMPORT_CHARS) {
      return setState({
        step: 'refused',
        fileName: file.name,
        message: t('optionsImportTooLarge', String(Math.round(file.size / MEGABYTE)), String(MAX_IMPORT_CHARS / MEGABYTE)),
      });
    }
    setState({ step: 'busy', fileName: file.name });
    let json: string;
    try {
      json = await file.text();
    } catch {
      return setState({ step: 'refused', fileName: file.name, message: t('optionsImportUnreadable') });
    }
    const result = await call('ui.previewImport', { json });
    if (!result.ok) {
      setImportError(result.error);
      return setState({ step: 'idle' });
    }
    setApplySettings(false);
    setState({ step: 'preview', fileName: file.name, json, report: result.value });
  };

  const apply = async () => {
    if (state.step !== 'preview') return;
    setState({ step: 'busy', fileName: state.fileName });
    const result = await call('ui.applyImport', { json: state.json, applySettings: applySettings && (state.report.settings?.changed.length ?? 0) > 0 });
    if (!result.ok) {
      setImportError(result.error);
      return setState({ step: 'idle' });
    }
    setState({ step: 'applied', fileName: state.fileName, report: result.value });
    setInputKey((n) => n + 1);
  };

  const cancel = () => {
    setState({ step: 'idle' });
    setInputKey((n) => n + 1);
  };

  return (
    <section id="backup" aria-labelledby="backup-title" class="card">
      <h2 id="backup-title">{t('optionsBackupTitle')}</h2>
      <StorageStatus />
      <h3>{t('optionsExportTitle')}</h3>
      <p class="hint">{t('optionsExportHint')}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={exportJson}>
          {t('optionsExportJson')}
        </button>
        <button type="button" onClick={exportMarkdown}>
          {t('optionsExportMarkdown')}
        </button>
        <button type="button" onClick={exportWebAnnotations}>
          {t('optionsExportWebAnnotations')}
        </button>
      </div>
      {exported && <p role="status">{t('optionsExported', exported)}</p>}
      <ErrorText error={exportError} />

      <h3>{t('optionsImportTitle')}</h3>
      <p class="hint">{t('optionsImportHint', String(MAX_IMPORT_CHARS / MEGABYTE))}</p>
      <label class="field">
        <span>{t('optionsImportChoose')}</span>
        <input key={inputKey} type="file" accept=".json,.jsonld,application/json,application/ld+json" onChange={chooseFile} disabled={state.step === 'busy'} />
      </label>
      {state.step === 'busy' && <p role="status">{t('optionsImportWorking', state.fileName)}</p>}
      {state.step === 'refused' && (
        <p class="error" role="alert">
          <strong>{t('optionsErrorInvalidFile')}</strong> {state.message}
        </p>
      )}
      <ErrorText error={importError} />
      {state.step === 'preview' && (
        <ImportPreview report={state.report} fileName={state.fileName} applySettings={{ checked: applySettings, onChange: setApplySettings }} />
      )}
      {state.step === 'applied' && <ImportPreview report={state.report} fileName={state.fileName} />}
      {state.step === 'preview' && (
        <div class="actions">
          <button type="button" class="primary" onClick={apply}>
            {t('optionsImportApply')}
          </button>
          <button type="button" onClick={cancel}>
            {t('optionsCancel')}
          </button>
        </div>
      )}
    </section>
  );
}
