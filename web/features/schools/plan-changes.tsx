import type { Plan, PlanChange, PlanSummary } from '../../../common/schools';
import { Alert, EmptyState, Spinner, Table, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useAsync } from '../../lib/use-async';
import { schoolsApi } from './schools-api';

type Change = Omit<PlanChange, 'at'> & { at: string | null };

/** A draft against the published plan of the same scope: every class whose host or week differs (or that is new or gone). */
export function diffPlans(published: Plan, draft: Plan): Change[] {
  const before = new Map(published.assignments.map((a) => [a.classId, a]));
  const after = new Map(draft.assignments.map((a) => [a.classId, a]));
  const changes: Change[] = [];
  for (const classId of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(classId);
    const a = after.get(classId);
    if (b && a && b.hostOfferId === a.hostOfferId && b.week === a.week) continue;
    const side = (x: typeof a) => (x ? { companyName: x.companyName, week: x.week, hostOfferId: x.hostOfferId } : null);
    const any = (a ?? b)!;
    changes.push({ id: classId, classId, classLabel: any.classLabel, schoolName: any.schoolName, before: side(b), after: side(a), at: null });
  }
  return changes.sort((x, y) => `${x.schoolName} ${x.classLabel}`.localeCompare(`${y.schoolName} ${y.classLabel}`, 'da'));
}

/**
 * What a plan changes against the published version before it: classes moved, added or removed (who must be told).
 * A published version shows the changes recorded when it was published; a draft is compared with the published
 * version of the same scope, so the coordinator sees what publishing it would change.
 */
export function PlanChanges({ plan, plans }: { plan: Plan; plans: PlanSummary[] }) {
  const { t, problem, formatDate } = useT();
  const published = plan.status === 'draft'
    ? plans.find((p) => p.status === 'published' && p.municipalityCode === plan.municipalityCode && p.id !== plan.id) : undefined;
  const changes = useAsync<{ previous: boolean; items: Change[] }>(async () => {
    if (plan.status === 'draft') {
      if (!published) return { previous: false, items: [] };
      return { previous: true, items: diffPlans(await schoolsApi.plan(published.id), plan) };
    }
    const stored = await schoolsApi.changes(plan.id);
    return { previous: stored.previousPlanId !== null || plans.some((p) => p.status === 'superseded' && p.municipalityCode === plan.municipalityCode), items: stored.items };
  }, `changes-${plan.id}-${published?.id ?? ''}`);

  const place = (side: PlanChange['before']) => (side ? t('schools.changes.place', { company: side.companyName, week: side.week }) : t('schools.changes.nothing'));
  const columns: Column<Change>[] = [
    { key: 'class', header: t('schools.assign.colClass'), rowHeader: true, cell: (c) => `${c.classLabel}, ${c.schoolName}` },
    { key: 'before', header: t('schools.changes.before'), cell: (c) => (c.before ? <del>{place(c.before)}</del> : place(null)) },
    { key: 'after', header: t('schools.changes.after'), cell: (c) => (c.after ? <ins>{place(c.after)}</ins> : place(null)) },
    ...(plan.status === 'draft' ? [] : [{ key: 'at', header: t('schools.changes.at'), cell: (c: Change) => formatDate(c.at, true) }]),
  ];
  if (changes.error) return <Alert tone="error">{problem(changes.error)}</Alert>;
  if (!changes.data) return <Spinner label={t('app.loading')} />;
  if (!changes.data.previous) return <p>{t('schools.changes.noPrevious')}</p>;
  if (changes.data.items.length === 0) return <EmptyState title={t('schools.changes.none')} />;
  return (
    <>
      {published ? <p>{t('schools.changes.draftAgainst', { version: published.version })}</p> : null}
      <Table caption={t('schools.changes.caption', { count: changes.data.items.length })} columns={columns} rows={changes.data.items} rowKey={(c) => c.id} />
    </>
  );
}
