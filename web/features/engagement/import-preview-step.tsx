import { useState } from 'react';
import type { ImportJob, ImportSampleRow } from '../../../common/engagement-import';
import { Alert, Badge, Button, ExportMenu, Table, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { importApi } from './import-api';
import { ImportErrorTable } from './import-error-table';
import { ImportProgress } from './import-progress';
import { channelKey, formatDay, purposeKey } from './labels';

/** The figures of a dry run (or of an applied import) as a definition list. */
export function ImportCounts({ job }: { job: ImportJob }) {
  const { t, formatNumber } = useT();
  const counts = job.counts ?? { valid: 0, new: 0, updates: 0 };
  const items: [string, number][] = [
    [t('import.countTotal'), job.totalRows], [t('import.countValid'), counts.valid], [t('import.countErrors'), job.errorRows],
    [t('import.countNew'), counts.new], [t('import.countUpdates'), counts.updates],
  ];
  return (
    <dl className="facts" style={{ marginBottom: '1.25rem' }}>
      {items.map(([label, value]) => <div key={label}><dt>{label}</dt><dd>{formatNumber(value)}</dd></div>)}
    </dl>
  );
}

/** Step 3: counts, the row errors, a sample of valid rows, and the confirmation that writes them. */
export function ImportPreviewStep({ job, headingId, onApplied, onEditMapping, onDiscard }: {
  job: ImportJob; headingId: string; onApplied(job: ImportJob): void; onEditMapping(): void; onDiscard(): void;
}) {
  const { t, problem, locale, formatNumber } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const valid = job.counts?.valid ?? 0;

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      onApplied(await importApi.apply(job.id));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  const action = (r: ImportSampleRow) => <Badge tone={r.update ? 'info' : 'success'}>{t(r.update ? 'import.willUpdate' : 'import.willInsert')}</Badge>;
  const columns: Column<ImportSampleRow>[] = job.kind === 'interactions' ? [
    { key: 'row', header: t('import.colRow'), numeric: true, cell: (r) => r.rowNumber },
    { key: 'company', header: t('import.colCompany'), rowHeader: true, cell: (r) => r.companyName },
    { key: 'date', header: t('import.colDate'), cell: (r) => formatDay(locale, r.date) },
    {
      key: 'channel', header: t('import.colChannel'),
      cell: (r) => <>{r.channel ? t(channelKey(r.channel)) : ''} {r.confidential ? <Badge tone="warning">{t('import.confidential')}</Badge> : null}</>,
    },
    { key: 'purpose', header: t('import.colPurpose'), cell: (r) => (r.purpose ? t(purposeKey(r.purpose)) : '') },
    { key: 'author', header: t('import.colAuthor'), cell: (r) => r.authorName ?? '' },
    { key: 'ref', header: t('import.colRef'), cell: (r) => r.externalRef ?? t('common.none') },
    { key: 'action', header: t('import.colAction'), cell: action },
  ] : [
    { key: 'row', header: t('import.colRow'), numeric: true, cell: (r) => r.rowNumber },
    { key: 'name', header: t('import.colName'), rowHeader: true, cell: (r) => r.name ?? '' },
    { key: 'company', header: t('import.colCompany'), cell: (r) => r.companyName },
    { key: 'email', header: t('import.colEmail'), cell: (r) => r.email ?? t('common.none') },
    { key: 'ref', header: t('import.colRef'), cell: (r) => r.externalRef ?? t('common.none') },
    { key: 'action', header: t('import.colAction'), cell: action },
  ];

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>{t('import.previewTitle')}</h2>
      <ImportCounts job={job} />
      <div className="section-tools">
        <h3>{t('import.errorsTitle')}</h3>
        {job.errorRows > 0 ? <ExportMenu path={`/engagement/imports/${job.id}/errors`} label={t('import.exportErrors')} /> : null}
      </div>
      {job.errorRows > 0 ? <p className="muted small">{t('import.exportErrorsHint')}</p> : null}
      <ImportErrorTable jobId={job.id} errorRows={job.errorRows} />
      {job.sample && job.sample.length > 0 ? (
        <>
          <h3>{t('import.sampleTitle')}</h3>
          <Table caption={t('import.sampleCaption')} columns={columns} rows={job.sample} rowKey={(r) => String(r.rowNumber)} />
        </>
      ) : null}
      {valid === 0 ? <Alert tone="warning">{t('import.nothingValid')}</Alert> : null}
      {error ? <Alert tone="error">{problem(error)}</Alert> : null}
      {busy ? <ImportProgress labelledBy={headingId} value={null} max={valid} text={t('import.progressWorking', { total: formatNumber(valid) })} /> : null}
      <div className="form-actions">
        {valid > 0 ? (
          <Button onClick={() => void confirm()} disabled={busy}>
            {valid === 1 ? t('import.confirmOne') : t('import.confirm', { count: formatNumber(valid) })}
          </Button>
        ) : null}
        <Button variant="secondary" onClick={onEditMapping} disabled={busy}>{t('import.editMapping')}</Button>
        <Button variant="danger" onClick={onDiscard} disabled={busy}>{t('import.discard')}</Button>
      </div>
    </section>
  );
}
