import { useMemo, useState } from 'react';
import type { Plan, PlanAssignment } from '../../../common/schools';
import { Alert, Button, Table, TextField, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { ConfirmDialog, runDialogAction } from './confirm-dialog';
import { decimalText, weekDatesText } from './labels';
import { ReasonsCell } from './reasons';
import { schoolsApi } from './schools-api';

/**
 * Every assignment of a plan with why (distance, themes, week, municipality) and, for those who run the allocation,
 * lock (keep it as it is in the next run) and forbid (never this class with this company). Both take effect at the next run.
 */
export function AssignmentsTable({ plan, onChanged }: { plan: Plan; onChanged(message: string): void }) {
  const { t, problem, locale, formatNumber: n } = useT();
  const { can } = useSession();
  const runs = can('allocation.run');
  const [filter, setFilter] = useState('');
  const [forbidding, setForbidding] = useState<PlanAssignment | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [rowError, setRowError] = useState<unknown>(null);
  const published = plan.status !== 'draft';

  const rows = useMemo(() => {
    const q = filter.trim().toLowerCase();
    if (!q) return plan.assignments;
    return plan.assignments.filter((a) => `${a.classLabel} ${a.schoolName} ${a.companyName} ${a.week}`.toLowerCase().includes(q));
  }, [plan.assignments, filter]);

  async function toggleLock(a: PlanAssignment) {
    setRowError(null);
    try {
      if (a.locked && a.lockConstraintId) {
        await schoolsApi.deleteConstraint(a.lockConstraintId);
        onChanged(t('schools.assign.unlocked', { label: a.classLabel, school: a.schoolName }));
      } else {
        await schoolsApi.addConstraint({ kind: 'lock', assignmentId: a.id });
        onChanged(t('schools.assign.lockedDone', { label: a.classLabel, school: a.schoolName, company: a.companyName, week: a.week }));
      }
    } catch (e) {
      setRowError(e);
    }
  }

  const who = (a: PlanAssignment) => ({ label: a.classLabel, school: a.schoolName, company: a.companyName });
  const columns: Column<PlanAssignment>[] = [
    { key: 'class', header: t('schools.assign.colClass'), rowHeader: true, cell: (a) => <>{a.classLabel}<br /><span className="small muted">{a.schoolName}</span></> },
    { key: 'pupils', header: t('schools.class.pupils'), numeric: true, cell: (a) => n(a.pupils) },
    { key: 'host', header: t('schools.assign.colHost'), cell: (a) => <>{a.companyName}<br /><span className="small muted">{a.address}</span></> },
    {
      key: 'week', header: t('schools.assign.colWeek'),
      cell: (a) => <span style={{ whiteSpace: 'nowrap' }}>{t('schools.weekN', { week: a.week })}<br /><span className="small muted">{weekDatesText(locale, a.weekStart, a.weekEnd)}</span></span>,
    },
    { key: 'km', header: t('schools.assign.colKm'), numeric: true, cell: (a) => (a.distanceKm === null ? t('common.none') : decimalText(locale, a.distanceKm)) },
    { key: 'why', header: t('schools.assign.colWhy'), cell: (a) => <ReasonsCell reasons={a.reasons} /> },
    { key: 'tutor', header: t('schools.assign.colTutor'), cell: (a) => (a.tutor ? `${a.tutor.name} (${a.tutor.institution})` : t('common.none')) },
    {
      key: 'actions', header: t('common.actions'),
      cell: (a) => (
        <div className="row-actions">
          {runs ? (
            <>
              <Button variant="secondary" aria-pressed={a.locked} onClick={() => void toggleLock(a)}
                aria-label={t(a.locked ? 'schools.assign.unlockFor' : 'schools.assign.lockFor', who(a))}>
                {a.locked ? t('schools.assign.unlock') : t('schools.assign.lock')}
              </Button>
              <Button variant="danger" aria-label={t('schools.assign.forbidFor', who(a))} onClick={() => { setError(null); setForbidding(a); }}>
                {t('schools.assign.forbid')}
              </Button>
            </>
          ) : null}
          {published ? <a href={schoolsApi.assignmentCalendarUrl(a.id)} download aria-label={t('schools.assign.calendarFor', who(a))}>{t('schools.assign.calendar')}</a> : null}
        </div>
      ),
    },
  ];

  return (
    <>
      <div style={{ maxWidth: '28rem' }}>
        <TextField id="assignments-filter" type="search" label={t('schools.assign.filter')} hint={t('schools.assign.filterHint')} value={filter}
          onChange={(e) => setFilter(e.target.value)} />
      </div>
      <p aria-live="polite" className="small muted">{t('schools.assign.showing', { shown: n(rows.length), total: n(plan.assignments.length) })}</p>
      {rowError ? <Alert tone="error">{problem(rowError)}</Alert> : null}
      <Table caption={t('schools.assign.caption', { version: plan.version })} columns={columns} rows={rows} rowKey={(a) => a.id} />
      {forbidding ? (
        <ConfirmDialog title={t('schools.assign.forbidTitle', who(forbidding))} confirmLabel={t('schools.assign.forbid')} danger busy={busy} error={error}
          onCancel={() => setForbidding(null)}
          onConfirm={() => void runDialogAction(
            () => schoolsApi.addConstraint({ kind: 'forbid', classId: forbidding.classId, companyId: forbidding.companyId }),
            { busy: setBusy, error: setError },
            () => { onChanged(t('schools.assign.forbidden', who(forbidding))); setForbidding(null); },
          )}>
          <p>{t('schools.assign.forbidBody', who(forbidding))}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
