import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { classImportHeaders, type ClassImportResult } from '../../../common/schools';
import { Alert, Button, Checkbox, Table, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { schoolsApi } from './schools-api';
import { SchoolsFrame, useHubLink, useSchoolYear } from './schools-nav';

const maxBytes = 5_000_000;

/** A chosen file as text: UTF-8, UTF-16 with a byte order mark (Excel's "Unicode text") or Windows-1252 (older Excel). */
async function readText(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * /skoler/klasser/import: classes from a CSV. First a dry run checks every row and writes nothing (row errors with
 * row number, column and reason); then the coordinator applies it. With errors, only an explicit "skip the rows with
 * errors" writes the valid rows.
 */
export function ClassImportPage() {
  const { t, problem, formatNumber } = useT();
  const [year] = useSchoolYear();
  const link = useHubLink();
  const [file, setFile] = useState<File | null>(null);
  const [content, setContent] = useState('');
  const [fileError, setFileError] = useState('');
  const [check, setCheck] = useState<ClassImportResult | null>(null);
  const [done, setDone] = useState<ClassImportResult | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const focusResult = () => window.setTimeout(() => resultRef.current?.focus(), 0);

  async function dryRun(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDone(null);
    if (!file) { setFileError(t('schools.import.fileMissing')); document.getElementById('class-import-file')?.focus(); return; }
    if (file.size > maxBytes) { setFileError(t('schools.import.fileTooLarge')); return; }
    setBusy(true);
    try {
      const text = await readText(file);
      setContent(text);
      setCheck(await schoolsApi.importClasses({ schoolYear: year, content: text, dryRun: true }));
      setSkipInvalid(false);
      focusResult();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function apply() {
    setBusy(true);
    setError(null);
    try {
      const result = await schoolsApi.importClasses({ schoolYear: year, content, dryRun: false, skipInvalid });
      if (result.applied) { setDone(result); setCheck(null); } else setCheck(result);
      focusResult();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const errorColumns: Column<ClassImportResult['errors'][number] & { key: string }>[] = [
    { key: 'row', header: t('schools.import.colRow'), numeric: true, rowHeader: true, cell: (e) => formatNumber(e.rowNumber) },
    { key: 'column', header: t('schools.import.colColumn'), cell: (e) => e.column ?? t('common.none') },
    { key: 'message', header: t('schools.import.colMessage'), cell: (e) => e.message },
  ];
  const counts = (r: ClassImportResult) => t('schools.import.counts', {
    newClasses: formatNumber(r.counts.newClasses), updated: formatNumber(r.counts.updatedClasses), newSchools: formatNumber(r.counts.newSchools),
  });
  const blocked = check ? check.missingColumns.length > 0 || check.validRows === 0 : true;

  return (
    <SchoolsFrame title={t('schools.import.title')} intro={t('schools.import.intro', { year })}>
      <p><Link to={link('/skoler/klasser')}>{t('schools.import.back')}</Link></p>
      <section className="card" aria-labelledby="class-import-file-heading">
        <h2 id="class-import-file-heading">{t('schools.import.fileHeading')}</h2>
        <p>{t('schools.import.columns')}</p>
        <p><code>{Object.values(classImportHeaders).map((names) => names[0]).join(';')}</code></p>
        <p className="muted small">{t('schools.import.columnsHint')}</p>
        <form className="form" onSubmit={(e) => void dryRun(e)} noValidate>
          <div className={fileError ? 'field field-invalid' : 'field'}>
            <label htmlFor="class-import-file">{t('schools.import.file')}</label>
            <p id="class-import-file-hint" className="field-hint">{t('schools.import.fileHint', { year })}</p>
            <input id="class-import-file" type="file" accept=".csv,.txt,text/csv" aria-invalid={fileError ? true : undefined}
              aria-describedby={fileError ? 'class-import-file-hint class-import-file-error' : 'class-import-file-hint'}
              onChange={(e) => { setFile(e.target.files?.[0] ?? null); setFileError(''); setCheck(null); setDone(null); }} />
            {fileError ? <p id="class-import-file-error" className="field-error">{fileError}</p> : null}
          </div>
          <div className="form-actions"><Button type="submit" disabled={busy}>{busy && !check ? t('schools.import.checking') : t('schools.import.check')}</Button></div>
        </form>
      </section>
      {error ? <Alert tone="error">{problem(error)}</Alert> : null}
      {check ? (
        <section className="card" aria-labelledby="class-import-result">
          <h2 id="class-import-result" ref={resultRef} tabIndex={-1}>{t('schools.import.checkHeading')}</h2>
          <p>{t('schools.import.rows', { total: formatNumber(check.totalRows), valid: formatNumber(check.validRows), errors: formatNumber(check.totalRows - check.validRows) })}</p>
          <p>{counts(check)}</p>
          {check.missingColumns.length > 0
            ? <Alert tone="error" title={t('schools.import.missingColumns')}>{check.missingColumns.join(', ')}</Alert> : null}
          {check.errors.length > 0 ? (
            <>
              <Alert tone="warning">{t('schools.import.hasErrors')}</Alert>
              <Table caption={t('schools.import.errorsCaption')} columns={errorColumns}
                rows={check.errors.map((e, i) => ({ ...e, key: `${e.rowNumber}-${i}` }))} rowKey={(e) => e.key} />
              {!blocked ? <Checkbox id="class-import-skip" label={t('schools.import.skipInvalid', { count: formatNumber(check.validRows) })}
                checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} /> : null}
            </>
          ) : <Alert tone="success">{t('schools.import.noErrors')}</Alert>}
          <div className="form-actions" style={{ marginTop: '1rem' }}>
            <Button disabled={busy || blocked || (check.errors.length > 0 && !skipInvalid)} onClick={() => void apply()}>
              {busy ? t('schools.import.applying') : t('schools.import.apply', { count: formatNumber(check.validRows) })}
            </Button>
          </div>
        </section>
      ) : null}
      {done ? (
        <section className="card" aria-labelledby="class-import-result">
          <h2 id="class-import-result" ref={resultRef} tabIndex={-1}>{t('schools.import.doneHeading')}</h2>
          <Alert tone="success">{counts(done)}</Alert>
          {done.totalRows > done.validRows ? <p>{t('schools.import.doneSkipped', { count: formatNumber(done.totalRows - done.validRows) })}</p> : null}
          <Link to={link('/skoler/klasser')}>{t('schools.import.back')}</Link>
        </section>
      ) : null}
    </SchoolsFrame>
  );
}
