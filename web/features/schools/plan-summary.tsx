import type { Plan } from '../../../common/schools';
import { Alert, Badge } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { decimalText, planStatusLabel } from './labels';
import { ProblemList } from './reasons';

export const planTone = (status: Plan['status']) => (status === 'published' ? 'success' : status === 'draft' ? 'warning' : 'neutral');

/** A plan's key figures: classes and assigned, the proven optimality gap, solve time and the objective with its bound. */
export function PlanSummary({ plan }: { plan: Plan }) {
  const { t, locale, formatNumber: n, formatDate } = useT();
  const d = (v: number, digits = 1) => decimalText(locale, v, digits);
  const scope = plan.municipalityName ?? (plan.municipalityCode === null ? t('schools.run.wholePartnership') : String(plan.municipalityCode));
  return (
    <>
      <dl className="facts">
        <div><dt>{t('schools.plan.version')}</dt><dd>{t('schools.plan.versionN', { version: plan.version })}{' '}
          <Badge tone={planTone(plan.status)}>{planStatusLabel(locale, plan.status)}</Badge></dd></div>
        <div><dt>{t('schools.plan.scope')}</dt><dd>{scope} · {plan.schoolYear}</dd></div>
        <div><dt>{t('schools.plan.classes')}</dt><dd>{t('schools.plan.assignedOf', { assigned: n(plan.assigned), classes: n(plan.classes) })}</dd></div>
        <div>
          <dt>{t('schools.plan.gap')}</dt>
          <dd>
            {t('schools.plan.gapValue', { gap: d(plan.gapPct, 2) })}{' '}
            <Badge tone={plan.solverStatus === 'optimal' ? 'success' : 'warning'}>
              {plan.solverStatus === 'optimal' ? t('schools.plan.optimal') : t('schools.plan.feasible')}
            </Badge>
          </dd>
        </div>
        <div><dt>{t('schools.plan.solveTime')}</dt><dd>{t('schools.plan.seconds', { seconds: d(plan.solveSeconds, 1) })}</dd></div>
        <div><dt>{t('schools.plan.objective')}</dt><dd>{t('schools.plan.objectiveValue', { objective: d(plan.objective, 1), bound: d(plan.bound, 1) })}</dd></div>
        <div><dt>{t('schools.plan.created')}</dt><dd>{formatDate(plan.createdAt, true)}{plan.createdBy ? ` · ${plan.createdBy}` : ''}</dd></div>
        {plan.publishedAt ? <div><dt>{t('schools.plan.published')}</dt><dd>{formatDate(plan.publishedAt, true)}</dd></div> : null}
      </dl>
      <p className="muted small" style={{ marginTop: '0.75rem' }}>{t('schools.plan.gapHelp')}</p>
      {plan.warnings.length > 0 ? (
        <Alert tone="warning" title={t('schools.plan.warnings', { count: n(plan.warnings.length) })}><ProblemList problems={plan.warnings} /></Alert>
      ) : null}
    </>
  );
}
