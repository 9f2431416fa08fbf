import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ImportJob } from '../../../common/engagement-import';
import { Alert, Button, PageHeader, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { importApi } from './import-api';
import { ImportErrorTable } from './import-error-table';
import { ImportMappingStep } from './import-mapping-step';
import { ImportProgress } from './import-progress';
import { ImportCounts, ImportPreviewStep } from './import-preview-step';
import { ImportUploadStep } from './import-upload-step';

type Step = 'file' | 'mapping' | 'check' | 'import';
const steps: readonly Step[] = ['file', 'mapping', 'check', 'import'];
const headingId = 'import-step-heading';
const pollMs = 700;

/**
 * /import: the import wizard. The job lives on the server (its id in the URL), so a reload or a later visit
 * resumes where it was; while the server checks or writes, the page polls it and shows the progress.
 */
export function ImportPage() {
  const { t, problem, formatNumber } = useT();
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job');
  const [job, setJob] = useState<ImportJob | null>(null);
  const [remap, setRemap] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    if (!jobId) {
      setJob(null);
      return undefined;
    }
    if (job?.id === jobId) return undefined;
    let current = true;
    importApi.get(jobId).then((j) => { if (current) setJob(j); }, (e: unknown) => { if (current) setError(e); });
    return () => { current = false; };
  }, [jobId, job?.id]);

  useEffect(() => {
    if (!job || (job.status !== 'validating' && job.status !== 'applying')) return undefined;
    const timer = window.setTimeout(() => { importApi.get(job.id).then(setJob, setError); }, pollMs);
    return () => window.clearTimeout(timer);
  }, [job]);

  const open = (next: ImportJob) => {
    setJob(next);
    setRemap(false);
    setError(null);
    setNotice('');
    setParams({ job: next.id });
  };
  const startOver = () => {
    setJob(null);
    setRemap(false);
    setError(null);
    setParams({});
  };
  async function discard() {
    if (!job) return;
    try {
      await importApi.discard(job.id);
      startOver();
      setNotice(t('import.discarded'));
    } catch (e) {
      setError(e);
    }
  }

  const status = job?.status;
  const step: Step = !job || status === 'discarded' ? 'file'
    : status === 'uploaded' || remap ? 'mapping'
      : status === 'validating' || status === 'validated' || status === 'failed' ? 'check' : 'import';
  const view = `${step}-${status ?? ''}-${remap}`;

  // Each new step starts screen readers and keyboard users at its heading (not on the first load).
  const shown = useRef(view);
  useEffect(() => {
    if (shown.current === view) return;
    shown.current = view;
    window.setTimeout(() => document.getElementById(headingId)?.focus(), 0);
  }, [view]);

  let body;
  if (jobId && !job) {
    body = error ? null : <Spinner label={t('app.loading')} />;
  } else if (!job || status === 'discarded') {
    body = <ImportUploadStep headingId={headingId} onUploaded={open} onOpen={(id) => setParams({ job: id })} />;
  } else if (step === 'mapping') {
    body = (
      <ImportMappingStep
        key={`${job.id}-${remap}`} job={job} headingId={headingId} onStarted={open} onDiscard={() => void discard()}
        onBack={remap ? () => setRemap(false) : undefined}
      />
    );
  } else if (status === 'validating') {
    body = (
      <section className="card" aria-labelledby={headingId}>
        <h2 id={headingId} tabIndex={-1}>{t('import.checkingTitle')}</h2>
        <p>{t('import.checkingIntro')}</p>
        <ImportProgress
          labelledBy={headingId} value={job.processedRows} max={job.totalRows}
          text={t('import.progressChecked', { done: formatNumber(job.processedRows), total: formatNumber(job.totalRows) })}
        />
        {job.errorRows > 0 ? <p>{t('import.progressErrors', { count: formatNumber(job.errorRows) })}</p> : null}
      </section>
    );
  } else if (status === 'validated') {
    body = <ImportPreviewStep job={job} headingId={headingId} onApplied={open} onEditMapping={() => setRemap(true)} onDiscard={() => void discard()} />;
  } else if (status === 'applying') {
    const total = job.counts?.valid ?? 0;
    body = (
      <section className="card" aria-labelledby={headingId}>
        <h2 id={headingId} tabIndex={-1}>{t('import.applyingTitle')}</h2>
        <p>{t('import.applyingIntro')}</p>
        <ImportProgress
          labelledBy={headingId} value={job.appliedRows} max={total}
          text={job.appliedRows === null ? t('import.progressWorking', { total: formatNumber(total) })
            : t('import.progressApplied', { done: formatNumber(job.appliedRows), total: formatNumber(total) })}
        />
      </section>
    );
  } else if (status === 'applied') {
    const result = job.result ?? { inserted: 0, updated: 0, skipped: 0, tasksCreated: 0 };
    body = (
      <section className="card" aria-labelledby={headingId}>
        <h2 id={headingId} tabIndex={-1}>{t('import.doneTitle')}</h2>
        <Alert tone="success">
          <p>{t('import.doneSummary', { inserted: formatNumber(result.inserted), updated: formatNumber(result.updated), kind: t(`import.doneKind.${job.kind}`) })}</p>
          {result.tasksCreated > 0 ? <p>{t('import.doneTasks', { count: formatNumber(result.tasksCreated) })}</p> : null}
          {result.skipped > 0 ? <p>{t('import.doneSkipped', { count: formatNumber(result.skipped) })}</p> : null}
          {job.errorRows > 0 ? <p>{t('import.doneErrors', { count: formatNumber(job.errorRows) })}</p> : null}
        </Alert>
        <ImportCounts job={job} />
        {job.errorRows > 0 ? <><h3>{t('import.errorsTitle')}</h3><ImportErrorTable jobId={job.id} errorRows={job.errorRows} /></> : null}
        <div className="form-actions">
          <Button onClick={startOver}>{t('import.newImport')}</Button>
          <Link to="/virksomheder">{t('import.goToCompanies')}</Link>
        </div>
      </section>
    );
  } else {
    body = (
      <section className="card" aria-labelledby={headingId}>
        <h2 id={headingId} tabIndex={-1}>{t('import.failedTitle')}</h2>
        <Alert tone="error">{job.failure}</Alert>
        <div className="form-actions">
          {job.preview ? <Button onClick={() => setRemap(true)}>{t('import.retryMapping')}</Button> : null}
          <Button variant="secondary" onClick={startOver}>{t('import.newImport')}</Button>
        </div>
      </section>
    );
  }

  return (
    <>
      <PageHeader title={t('import.title')} intro={t('import.intro')} />
      <ol aria-label={t('import.stepsLabel')} style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem 2rem', paddingLeft: '1.25rem', margin: '0 0 1.25rem' }}>
        {steps.map((s) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} style={s === step ? { fontWeight: 700 } : { color: 'var(--muted)' }}>
            {t(`import.step.${s}`)}{s === step ? <span className="visually-hidden"> {t('import.stepCurrent')}</span> : null}
          </li>
        ))}
      </ol>
      <div aria-live="polite">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
      {error ? <Alert tone="error">{problem(error)}</Alert> : null}
      {body}
    </>
  );
}
