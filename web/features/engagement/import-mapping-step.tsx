import { useRef, useState, type FormEvent } from 'react';
import {
  importFields, isRequiredField, type ImportField, type ImportJob, type ImportMapping,
} from '../../../common/engagement-import';
import { Alert, Button, Select, Table, type Column } from '../../components/ui';
import { useT, type MessageKey } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';
import { importApi } from './import-api';
import { ImportProgress } from './import-progress';

const hints: Partial<Record<ImportField, MessageKey>> = {
  externalRef: 'import.fieldHint.externalRef',
  consultantEmail: 'import.fieldHint.consultantEmail',
  followUpDate: 'import.fieldHint.followUpDate',
  confidential: 'import.fieldHint.confidential',
};

/** Step 2: a select per target field with the file's columns (suggested from the headers), then the dry run starts. */
export function ImportMappingStep({ job, headingId, onStarted, onDiscard, onBack }: {
  job: ImportJob; headingId: string; onStarted(job: ImportJob): void; onDiscard(): void;
  /** Back to the dry run's result (when the columns are changed after a check). */
  onBack?(): void;
}) {
  const { t, problem, formatNumber } = useT();
  const [mapping, setMapping] = useState<ImportMapping>(job.mapping as ImportMapping);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const fields = importFields[job.kind] as readonly ImportField[];
  const preview = job.preview ?? [];

  function example(column: string | undefined): string {
    if (!column) return '';
    const index = job.header.indexOf(column);
    const value = preview.map((row) => row[index] ?? '').find((v) => v !== '');
    return value ? t('import.example', { value: value.length > 60 ? `${value.slice(0, 60)} …` : value }) : t('import.exampleEmpty');
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const chosen = Object.fromEntries(Object.entries(mapping).filter(([, column]) => column)) as ImportMapping;
      onStarted(await importApi.setMapping(job.id, chosen));
    } catch (e) {
      setError(e);
      setBusy(false);
      window.setTimeout(() => alertRef.current?.focus(), 0);
    }
  }

  const fieldError = (field: ImportField) => (error instanceof ApiError ? error.fieldError(field) : undefined);
  const previewRows = preview.map((cells, i) => ({ i, cells }));
  const previewColumns: Column<{ i: number; cells: string[] }>[] = job.header.map((name, index) => ({
    key: `c${index}`, header: name, cell: (row) => row.cells[index] ?? '',
  }));

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>{t('import.mappingTitle')}</h2>
      <p>{t('import.mappingIntro', { file: job.fileName, rows: formatNumber(job.totalRows), columns: formatNumber(job.header.length) })}</p>
      <p className="muted">{t('import.mappingRequiredNote')}</p>
      {previewRows.length > 0 ? <Table caption={t('import.previewCaption')} columns={previewColumns} rows={previewRows} rowKey={(row) => String(row.i)} /> : null}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="filters">
          {fields.map((field) => {
            const marker = field === 'cvr' || field === 'pNumber' ? t('import.companyMark') : isRequiredField(job.kind, field) ? t('import.requiredMark') : '';
            const hint = [hints[field] ? t(hints[field]) : '', example(mapping[field])].filter(Boolean).join(' ');
            return (
              <Select
                key={field} id={`import-map-${field}`} label={marker ? `${t(`import.field.${field}`)} ${marker}` : t(`import.field.${field}`)}
                value={mapping[field] ?? ''} emptyLabel={t('import.notInFile')} error={fieldError(field)}
                options={job.header.map((column) => ({ value: column, label: column }))}
                hint={hint || undefined}
                onChange={(e) => setMapping((m) => ({ ...m, [field]: e.target.value || undefined }))}
              />
            );
          })}
        </div>
        <div ref={alertRef} tabIndex={-1}>{error ? <Alert tone="error">{problem(error)}</Alert> : null}</div>
        {busy ? (
          <ImportProgress labelledBy={headingId} value={0} max={job.totalRows} text={t('import.progressChecked', { done: 0, total: formatNumber(job.totalRows) })} />
        ) : null}
        <div className="form-actions">
          <Button type="submit" disabled={busy}>{busy ? t('import.startingCheck') : t('import.startCheck')}</Button>
          {onBack ? <Button variant="secondary" onClick={onBack} disabled={busy}>{t('common.back')}</Button> : null}
          <Button variant="danger" onClick={onDiscard} disabled={busy}>{t('import.discard')}</Button>
        </div>
      </form>
    </section>
  );
}
