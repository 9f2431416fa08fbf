import { useState, type FormEvent } from 'react';
import { importKinds, importMaxBytes, type ImportJob, type ImportKind } from '../../../common/engagement-import';
import { Alert, Badge, Button, Table, type Column } from '../../components/ui';
import { useT, type MessageKey } from '../../i18n/i18n';
import { useAsync } from '../../lib/use-async';
import { importApi, readFileText } from './import-api';

export const importStatusKey = (status: ImportJob['status']): MessageKey => `import.status.${status}`;

/** Step 1: what the file holds, and the file itself; below it the organisation's recent imports to resume. */
export function ImportUploadStep({ headingId, onUploaded, onOpen }: {
  headingId: string; onUploaded(job: ImportJob): void; onOpen(id: string): void;
}) {
  const { t, problem, formatDate, formatNumber } = useT();
  const [kind, setKind] = useState<ImportKind>('interactions');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const recent = useAsync(() => importApi.list(), 'imports');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!file) {
      setFileError(t('import.fileMissing'));
      document.getElementById('import-file')?.focus();
      return;
    }
    if (file.size > importMaxBytes) {
      setFileError(t('import.fileTooLarge', { size: formatNumber(Math.round(file.size / 1_048_576)) }));
      return;
    }
    setBusy(true);
    try {
      const content = await readFileText(file);
      onUploaded(await importApi.upload({ kind, fileName: file.name, content }));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  const columns: Column<ImportJob>[] = [
    { key: 'file', header: t('import.colFile'), rowHeader: true, cell: (j) => j.fileName },
    { key: 'kind', header: t('import.colKind'), cell: (j) => t(`import.kindShort.${j.kind}`) },
    { key: 'rows', header: t('import.colRows'), numeric: true, cell: (j) => formatNumber(j.totalRows) },
    { key: 'status', header: t('import.colStatus'), cell: (j) => <Badge tone={j.status === 'failed' ? 'danger' : j.status === 'applied' ? 'success' : 'neutral'}>{t(importStatusKey(j.status))}</Badge> },
    { key: 'created', header: t('import.colCreated'), cell: (j) => formatDate(j.createdAt, true) },
    {
      key: 'open', header: t('common.actions'),
      cell: (j) => <Button variant="link" aria-label={t('import.openFile', { file: j.fileName })} onClick={() => onOpen(j.id)}>{t('import.open')}</Button>,
    },
  ];

  return (
    <>
      <section className="card" aria-labelledby={headingId}>
        <h2 id={headingId} tabIndex={-1}>{t('import.step.file')}</h2>
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <fieldset>
            <legend>{t('import.kindLegend')}</legend>
            {importKinds.map((k) => (
              <div className="checkbox" key={k}>
                <input id={`import-kind-${k}`} type="radio" name="import-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                <label htmlFor={`import-kind-${k}`}>{t(`import.kind.${k}`)}</label>
              </div>
            ))}
          </fieldset>
          <div className={fileError ? 'field field-invalid' : 'field'}>
            <label htmlFor="import-file">{t('import.file')}</label>
            <p id="import-file-hint" className="field-hint">{t('import.fileHint')}</p>
            <input
              id="import-file" type="file" accept=".csv,.txt,text/csv" aria-invalid={fileError ? true : undefined}
              aria-describedby={fileError ? 'import-file-hint import-file-error' : 'import-file-hint'}
              onChange={(e) => { setFile(e.target.files?.[0] ?? null); setFileError(''); }}
            />
            {fileError ? <p id="import-file-error" className="field-error">{fileError}</p> : null}
          </div>
          {error ? <Alert tone="error">{problem(error)}</Alert> : null}
          <div className="form-actions">
            <Button type="submit" disabled={busy}>{busy ? t('import.uploading') : t('import.upload')}</Button>
          </div>
        </form>
      </section>
      {recent.data && recent.data.items.length > 0 ? (
        <section aria-labelledby="import-recent-heading">
          <h2 id="import-recent-heading">{t('import.recent')}</h2>
          <Table caption={t('import.recentCaption')} captionHidden columns={columns} rows={recent.data.items} rowKey={(j) => j.id} />
        </section>
      ) : null}
    </>
  );
}
