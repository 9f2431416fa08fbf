import type { Constraint } from '../../../common/schools';
import { Alert, Badge, Button, Table, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import type { AsyncState } from '../../lib/use-async';
import { schoolsApi } from './schools-api';

/** The year's locks and forbidden pairs, which every run respects until they are removed here. */
export function ConstraintsSection({ constraints, onChanged }: { constraints: AsyncState<{ items: Constraint[] }>; onChanged(message: string): void }) {
  const { t, problem } = useT();
  const { can } = useSession();
  const items = constraints.data?.items ?? [];

  async function remove(c: Constraint) {
    await schoolsApi.deleteConstraint(c.id);
    onChanged(t('schools.constraints.removed', { label: c.classLabel, school: c.schoolName }));
  }

  const columns: Column<Constraint>[] = [
    { key: 'class', header: t('schools.assign.colClass'), rowHeader: true, cell: (c) => `${c.classLabel}, ${c.schoolName}` },
    {
      key: 'kind', header: t('schools.constraints.colKind'),
      cell: (c) => <Badge tone={c.kind === 'lock' ? 'info' : 'danger'}>{c.kind === 'lock' ? t('schools.constraints.lock') : t('schools.constraints.forbid')}</Badge>,
    },
    {
      key: 'what', header: t('schools.constraints.colWhat'),
      cell: (c) => (c.kind === 'lock' ? t('schools.constraints.lockText', { company: c.companyName ?? '', week: c.week ?? '' })
        : t('schools.constraints.forbidText', { company: c.companyName ?? '' })),
    },
    ...(can('allocation.run') ? [{
      key: 'remove', header: t('common.actions'),
      cell: (c: Constraint) => <Button variant="secondary" aria-label={t('schools.constraints.removeFor', { label: c.classLabel, school: c.schoolName })}
        onClick={() => void remove(c).catch((e: unknown) => onChanged(problem(e)))}>{t('schools.constraints.remove')}</Button>,
    }] : []),
  ];

  if (constraints.error) return <Alert tone="error">{problem(constraints.error)}</Alert>;
  if (items.length === 0) return <p>{t('schools.constraints.none')}</p>;
  return <Table caption={t('schools.constraints.caption')} captionHidden columns={columns} rows={items} rowKey={(c) => c.id} />;
}
