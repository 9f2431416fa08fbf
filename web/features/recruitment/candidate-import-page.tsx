import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Alert, Button, PageHeader, Table, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { candidateApi, type CandidateImport, type CandidateImportRowError } from './recruitment-api';

const maxBytes = 10 * 1_048_576;

/** The file as text: UTF-8, or Windows-1252 (older Danish Excel exports) when the bytes are not valid UTF-8. */
async function readText(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * /kandidater/import: upload a CSV file of the own centre's candidates, see the dry run (how many rows are fine,
 * and every refused row with the reason), then apply. Nothing is saved before "Importér".
 */
export function CandidateImportPage() {
  const { t, problem, formatNumber } = useT();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState('');
  const [dryRun, setDryRun] = useState<CandidateImport | null>(null);
  const [applied, setApplied] = useState<CandidateImport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function upload(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setApplied(null);
    if (!file) { setFileError(t('recruitment.import.fileMissing')); document.getElementById('candidate-import-file')?.focus(); return; }
    if (file.size > maxBytes) { setFileError(t('recruitment.import.fileTooLarge')); return; }
    setBusy(true);
    try {
      setDryRun(await candidateApi.upload(file.name, await readText(file)));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function apply() {
    if (!dryRun) return;
    setBusy(true);
    setError(null);
    try {
      setApplied(await candidateApi.apply(dryRun.id, dryRun.errorRows > 0));
      setDryRun(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const errorRows = dryRun?.errorRows ?? 0;
  const validRows = dryRun?.validRows ?? 0;
  const columns: Column<CandidateImportRowError & { key: string }>[] = [
    { key: 'row', header: t('recruitment.import.colRow'), numeric: true, rowHeader: true, cell: (e) => formatNumber(e.row) },
    { key: 'column', header: t('recruitment.import.colColumn'), cell: (e) => e.column ?? t('common.none') },
    { key: 'message', header: t('recruitment.import.colMessage'), cell: (e) => e.message },
  ];

  return (
    <>
      <p className="back-link"><Link to="/kandidater">← {t('recruitment.candidates.back')}</Link></p>
      <PageHeader title={t('recruitment.import.title')} intro={t('recruitment.import.intro')} />
      <div aria-live="polite">
        {applied ? (
          <Alert tone="success" title={t('recruitment.import.done')}>
            {t('recruitment.import.doneBody', { created: formatNumber(applied.created ?? 0), updated: formatNumber(applied.updated ?? 0) })}
          </Alert>
        ) : null}
      </div>
      {error ? <Alert tone="error">{problem(error)}</Alert> : null}
      <section className="card" aria-labelledby="import-file-heading">
        <h2 id="import-file-heading">{t('recruitment.import.step1')}</h2>
        <form className="form" onSubmit={(e) => void upload(e)} noValidate>
          <div className={fileError ? 'field field-invalid' : 'field'}>
            <label htmlFor="candidate-import-file">{t('recruitment.import.file')}</label>
            <p id="candidate-import-file-hint" className="field-hint">{t('recruitment.import.fileHint')}</p>
            <input
              id="candidate-import-file" type="file" accept=".csv,.txt,text/csv" aria-invalid={fileError ? true : undefined}
              aria-describedby={fileError ? 'candidate-import-file-hint candidate-import-file-error' : 'candidate-import-file-hint'}
              onChange={(e) => { setFile(e.target.files?.[0] ?? null); setFileError(''); setDryRun(null); }}
            />
            {fileError ? <p id="candidate-import-file-error" className="field-error">{fileError}</p> : null}
          </div>
          <div className="form-actions"><Button type="submit" disabled={busy}>{busy && !dryRun ? t('recruitment.import.checking') : t('recruitment.import.check')}</Button></div>
        </form>
      </section>
      {dryRun ? (
        <section className="card" aria-labelledby="import-result-heading">
          <h2 id="import-result-heading">{t('recruitment.import.step2')}</h2>
          <p>{t('recruitment.import.summary', { total: formatNumber(dryRun.rowCount), valid: formatNumber(validRows), errors: formatNumber(errorRows) })}</p>
          {dryRun.errors.length ? (
            <Table
              caption={t('recruitment.import.errorsCaption')} columns={columns}
              rows={dryRun.errors.map((e, i) => ({ ...e, key: `${e.row}-${i}` }))} rowKey={(e) => e.key}
            />
          ) : <p>{t('recruitment.import.noErrors')}</p>}
          {errorRows ? <p className="field-hint">{t('recruitment.import.errorsSkipped')}</p> : null}
          <div className="form-actions">
            <Button disabled={busy || validRows === 0} onClick={() => void apply()}>
              {busy ? t('recruitment.import.applying') : t('recruitment.import.apply', { count: formatNumber(validRows) })}
            </Button>
            <Button variant="link" onClick={() => setDryRun(null)}>{t('common.cancel')}</Button>
          </div>
        </section>
      ) : null}
    </>
  );
}
