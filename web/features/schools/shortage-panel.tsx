import type { AllocationFailure } from '../../../common/schools';
import { Alert, Table, type Column } from '../../components/ui';
import { useT, type MessageKey } from '../../i18n/i18n';
import { weeksText } from './labels';
import { ProblemList } from './reasons';

type Bottleneck = NonNullable<AllocationFailure['shortage']>['bottlenecks'][number];
const causeKeys: Record<string, MessageKey> = {
  all_forbidden: 'schools.shortage.cause.all_forbidden', no_week_overlap: 'schools.shortage.cause.no_week_overlap',
  too_many_pupils: 'schools.shortage.cause.too_many_pupils',
};

/**
 * A run that cannot place every class. No plan is made (never a partial one); instead the exact shortage: how many
 * classes are short in total, each bottleneck's weeks and, per municipality, classes against places, and the
 * classes no host can take at all with the reason.
 */
export function ShortagePanel({ failure, municipalityName }: { failure: AllocationFailure; municipalityName(code: string): string }) {
  const { t, formatNumber: n } = useT();
  const shortage = failure.shortage;
  const title = failure.code === 'allocation_infeasible' ? t('schools.shortage.title') : t('schools.shortage.invalidTitle');

  const columns: Column<Bottleneck & { key: string }>[] = [
    { key: 'weeks', header: t('schools.shortage.colWeeks'), rowHeader: true, cell: (b) => (b.allWeeks ? t('schools.shortage.allWeeks') : weeksText(b.weeks)) },
    {
      key: 'where', header: t('schools.shortage.colWhere'),
      cell: (b) => (
        <ul className="plain-list" style={{ gap: '0.2rem' }}>
          {b.municipalities.map((m) => (
            <li key={m.municipalityCode}>{t('schools.shortage.municipalityLine', {
              name: municipalityName(m.municipalityCode), classes: n(m.classes), capacity: n(m.capacity),
            })}</li>
          ))}
        </ul>
      ),
    },
    { key: 'classes', header: t('schools.shortage.colClasses'), numeric: true, cell: (b) => n(b.classes) },
    { key: 'capacity', header: t('schools.shortage.colCapacity'), numeric: true, cell: (b) => n(b.capacity) },
    { key: 'short', header: t('schools.shortage.colShort'), numeric: true, cell: (b) => <strong>{n(b.short)}</strong> },
  ];

  return (
    <section aria-labelledby="shortage-heading" className="card" style={{ borderLeft: '6px solid var(--danger)' }}>
      <h2 id="shortage-heading" tabIndex={-1}><span aria-hidden="true">⚠ </span>{title}</h2>
      <Alert tone="error">
        <p>{failure.detail}</p>
        <p>{t('schools.shortage.noPlan')}</p>
      </Alert>
      {shortage ? (
        <>
          <p>{shortage.shortClasses === 1
            ? t('schools.shortage.summaryOne', { classes: n(shortage.totalClasses), capacity: n(shortage.totalCapacity) })
            : t('schools.shortage.summary', { short: n(shortage.shortClasses), classes: n(shortage.totalClasses), capacity: n(shortage.totalCapacity) })}</p>
          {shortage.bottlenecks.length > 0 ? (
            <>
              <h3>{t('schools.shortage.bottlenecksHeading')}</h3>
              <p className="muted small">{t('schools.shortage.bottlenecksHelp')}</p>
              <Table caption={t('schools.shortage.bottlenecksCaption')} captionHidden columns={columns}
                rows={shortage.bottlenecks.map((b, i) => ({ ...b, key: `b-${i}` }))} rowKey={(b) => b.key} />
            </>
          ) : null}
          {shortage.noEligibleHost.length > 0 ? (
            <>
              <h3>{t('schools.shortage.noHostHeading', { count: n(shortage.noEligibleHost.length) })}</h3>
              <ul>
                {shortage.noEligibleHost.map((c) => (
                  <li key={c.classId}><strong>{c.label}</strong>: {c.causes.map((cause) => (causeKeys[cause] ? t(causeKeys[cause]) : cause)).join('; ')}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
      {failure.problems.length > 0 ? (
        <>
          <h3>{t('schools.shortage.problemsHeading')}</h3>
          <ProblemList problems={failure.problems} />
        </>
      ) : null}
      <p>{t('schools.shortage.whatNow')}</p>
    </section>
  );
}
