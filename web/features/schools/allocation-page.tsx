import { useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { AllocationFailure, PlanSummary } from '../../../common/schools';
import { Alert, Badge, Button, ExportMenu, Spinner, Table, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { AssignmentsTable } from './assignments-table';
import { ConfirmDialog, runDialogAction } from './confirm-dialog';
import { ConstraintsSection } from './constraints-section';
import { decimalText, planStatusLabel } from './labels';
import { PlanChanges } from './plan-changes';
import { planTone, PlanSummary as PlanFigures } from './plan-summary';
import { RunForm, type Weights } from './run-form';
import { AllocationFailed, schoolsApi } from './schools-api';
import { SchoolsFrame, useSchoolYear } from './schools-nav';
import { ShortagePanel } from './shortage-panel';

/**
 * /skoler/fordeling: run the allocation for a municipality or the whole partnership, see the plan with every
 * assignment and why, lock or forbid and run again, see an infeasible run's shortage (never a partial plan), and
 * publish a version (e-mails to the outbox, calendar files). `?plan=` names the version shown.
 */
export function AllocationPage() {
  const { t, problem, locale, formatNumber: n, formatDate } = useT();
  const { can } = useSession();
  const [year] = useSchoolYear();
  const [params, setParams] = useSearchParams();
  const plans = useAsync(() => schoolsApi.plans(year), `plans-${year}`);
  const constraints = useAsync(() => schoolsApi.constraints(year), `constraints-${year}`);
  const schools = useAsync(() => schoolsApi.schools(), 'schools');
  const places = useAsync(() => schoolsApi.municipalities(), 'municipalities');
  const list = useMemo(() => [...(plans.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt)), [plans.data]);
  const planId = params.get('plan') ?? list[0]?.id ?? '';
  const plan = useAsync(() => (planId ? schoolsApi.plan(planId) : Promise.resolve(null)), `plan-${planId}`);
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<AllocationFailure | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [publishing, setPublishing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<unknown>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const municipalities = useMemo(() => {
    const seen = new Map<number, string>();
    for (const s of schools.data?.items ?? []) seen.set(s.municipalityCode, s.municipalityName ?? String(s.municipalityCode));
    return [...seen].map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name, 'da'));
  }, [schools.data]);
  const municipalityName = (code: string) => places.data?.items.find((m) => String(m.code) === code)?.name ?? code;
  const show = (id: string) => { const next = new URLSearchParams(params); next.set('plan', id); setParams(next); };
  const focusResult = () => window.setTimeout(() => resultRef.current?.querySelector<HTMLElement>('h2')?.focus(), 50);

  async function run(input: { municipalityCode: number | null; weights: Weights; timeLimitS: number }) {
    setRunning(true);
    setFailure(null);
    setError(null);
    setNotice('');
    try {
      const made = await schoolsApi.run({ schoolYear: year, ...input });
      plans.reload();
      show(made.id);
      setNotice(t('schools.run.done', { version: made.version, assigned: n(made.assigned), classes: n(made.classes) }));
    } catch (e) {
      if (e instanceof AllocationFailed) setFailure(e.failure); else setError(e);
    } finally {
      setRunning(false);
      focusResult();
    }
  }

  const changed = (message: string) => { setNotice(message); constraints.reload(); plan.reload(); };
  const versionColumns: Column<PlanSummary>[] = [
    { key: 'version', header: t('schools.plan.version'), rowHeader: true, cell: (p) => t('schools.plan.versionN', { version: p.version }) },
    { key: 'scope', header: t('schools.plan.scope'), cell: (p) => p.municipalityName ?? t('schools.run.wholePartnership') },
    { key: 'status', header: t('schools.plan.status'), cell: (p) => <Badge tone={planTone(p.status)}>{planStatusLabel(locale, p.status)}</Badge> },
    { key: 'assigned', header: t('schools.plan.classes'), numeric: true, cell: (p) => t('schools.plan.assignedOf', { assigned: n(p.assigned), classes: n(p.classes) }) },
    { key: 'gap', header: t('schools.plan.gap'), numeric: true, cell: (p) => t('schools.plan.gapValue', { gap: decimalText(locale, p.gapPct, 2) }) },
    { key: 'created', header: t('schools.plan.created'), cell: (p) => formatDate(p.createdAt, true) },
    {
      key: 'show', header: t('common.actions'),
      cell: (p) => (p.id === planId ? <span>{t('schools.plan.shown')}</span>
        : <Button variant="link" aria-label={t('schools.plan.showFor', { version: p.version })} onClick={() => show(p.id)}>{t('schools.plan.show')}</Button>),
    },
  ];
  const current = plan.data;
  const planSchools = current ? [...new Map(current.assignments.map((a) => [a.schoolId, a.schoolName]))].sort((a, b) => a[1].localeCompare(b[1], 'da')) : [];

  return (
    <SchoolsFrame title={t('schools.allocation.title')} intro={t('schools.allocation.intro')}>
      {can('allocation.run') ? (
        <section className="card" aria-labelledby="run-heading">
          <h2 id="run-heading">{t('schools.run.heading')}</h2>
          <RunForm year={year} municipalities={municipalities} busy={running} onRun={(input) => void run(input)} />
        </section>
      ) : null}
      <div ref={resultRef}>
        <div aria-live="polite">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
        {error ? <Alert tone="error">{problem(error)}</Alert> : null}
        {failure ? <ShortagePanel failure={failure} municipalityName={municipalityName} /> : null}
      </div>
      {plans.error ? <Alert tone="error">{problem(plans.error)}</Alert> : null}
      <section aria-labelledby="versions-heading">
        <h2 id="versions-heading">{t('schools.plan.versionsHeading', { year })}</h2>
        {plans.loading && !plans.data ? <Spinner label={t('app.loading')} /> : null}
        {plans.data && list.length === 0 ? <p>{t('schools.plan.noPlans')}</p> : null}
        {list.length > 0 ? <Table caption={t('schools.plan.versionsCaption', { year })} captionHidden columns={versionColumns} rows={list} rowKey={(p) => p.id} /> : null}
      </section>
      {plan.error ? <Alert tone="error">{problem(plan.error)}</Alert> : null}
      {current ? (
        <section aria-labelledby="plan-heading">
          <div className="section-tools">
            <h2 id="plan-heading" tabIndex={-1}>{t('schools.plan.heading', { version: current.version })}</h2>
            <div className="page-actions">
              {current.status === 'draft' && can('allocation.publish')
                ? <Button onClick={() => { setDialogError(null); setPublishing(true); }}>{t('schools.plan.publish')}</Button> : null}
              <ExportMenu path={`/allocations/${current.id}/assignments`} total={current.assignments.length} />
            </div>
          </div>
          <PlanFigures plan={current} />
          {current.status !== 'draft' && planSchools.length > 0 ? (
            <details style={{ margin: '1rem 0' }}>
              <summary>{t('schools.plan.calendars', { count: planSchools.length })}</summary>
              <ul>{planSchools.map(([id, name]) => <li key={id}><a href={schoolsApi.schoolCalendarUrl(current.id, id)} download>{t('schools.plan.calendarFor', { school: name })}</a></li>)}</ul>
            </details>
          ) : null}
          <h3>{t('schools.changes.heading')}</h3>
          <PlanChanges plan={current} plans={list} />
          <h3>{t('schools.assign.heading', { count: n(current.assignments.length) })}</h3>
          <AssignmentsTable plan={current} onChanged={changed} />
        </section>
      ) : null}
      <section aria-labelledby="constraints-heading">
        <h2 id="constraints-heading">{t('schools.constraints.heading', { year })}</h2>
        <p className="muted small">{t('schools.constraints.help')}</p>
        <ConstraintsSection constraints={constraints} onChanged={changed} />
      </section>
      {publishing && current ? (
        <ConfirmDialog title={t('schools.plan.publishTitle', { version: current.version })} confirmLabel={t('schools.plan.publish')} busy={busy} error={dialogError}
          onCancel={() => setPublishing(false)}
          onConfirm={() => void runDialogAction(async () => {
            const result = await schoolsApi.publish(current.id);
            setNotice(t('schools.plan.publishedNotice', { version: result.plan.version, emails: n(result.emailsQueued), changes: n(result.changes) }));
          }, { busy: setBusy, error: setDialogError }, () => { setPublishing(false); plans.reload(); plan.reload(); })}>
          <p>{t('schools.plan.publishBody')}</p>
        </ConfirmDialog>
      ) : null}
    </SchoolsFrame>
  );
}
