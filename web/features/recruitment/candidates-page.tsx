import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Badge, Button, EmptyState, ExportMenu, PageHeader, Pagination, Select, Spinner, Table, TextField, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { formatDay, targetGroupKey } from './labels';
import { candidateApi, type CandidateListItem } from './recruitment-api';

const pageSize = 50;
type Active = 'true' | 'false' | 'all';

/**
 * /kandidater: the own job centre's candidates as pseudonymous profiles (reference, occupations, place,
 * availability). Names and CPR numbers are never in the list: they are read one candidate at a time, with a purpose.
 */
export function CandidatesPage() {
  const { t, problem, locale, formatNumber } = useT();
  const { can, user } = useSession();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const active: Active = params.get('active') === 'false' || params.get('active') === 'all' ? params.get('active') as Active : 'true';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const list = useAsync(() => candidateApi.list({ scope: 'own', q: q || undefined, active, limit: pageSize, offset }), `candidates-${q}-${active}-${offset}`);
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);

  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value); else next.delete(name);
    if (name !== 'offset') next.delete('offset');
    setParams(next);
  };
  const search = (event: FormEvent) => { event.preventDefault(); setParam('q', draft.trim()); };

  const columns: Column<CandidateListItem>[] = [
    {
      key: 'ref', header: t('recruitment.candidate.ref'), rowHeader: true,
      cell: (c) => <><Link to={`/kandidater/${c.id}`} style={{ whiteSpace: 'nowrap' }}>{c.ref}</Link>{!c.active ? <> <Badge>{t('common.inactive')}</Badge></> : null}</>,
    },
    { key: 'name', header: t('recruitment.candidate.name'), cell: (c) => c.name ?? t('common.none') },
    { key: 'occupations', header: t('recruitment.candidate.occupations'), cell: (c) => c.occupations.map((o) => o.label).join(', ') || t('common.none') },
    { key: 'place', header: t('recruitment.candidate.postalCode'), cell: (c) => [c.postalCode, c.postalName].filter(Boolean).join(' ') || t('common.none') },
    { key: 'available', header: t('recruitment.candidate.availableFrom'), cell: (c) => formatDay(locale, c.availableFrom) },
    { key: 'target', header: t('recruitment.candidate.targetGroup'), cell: (c) => (c.targetGroup ? t(targetGroupKey(c.targetGroup)) : t('common.none')) },
    { key: 'skills', header: t('recruitment.candidate.skillCount'), numeric: true, cell: (c) => formatNumber(c.skills.length) },
  ];

  return (
    <>
      <PageHeader
        title={t('recruitment.candidates.title')} intro={t('recruitment.candidates.intro', { organisation: user?.organisation.name ?? '' })}
        actions={(
          <>
            {can('candidate.write') ? <Link className="btn btn-primary" to="/kandidater/ny">{t('recruitment.candidates.new')}</Link> : null}
            {can('candidate.import') ? <Link className="btn btn-secondary" to="/kandidater/import">{t('recruitment.candidates.import')}</Link> : null}
            <ExportMenu path="/candidates" query={{ scope: 'own', q: q || undefined, active }} total={list.data?.total} />
          </>
        )}
      />
      <form role="search" className="card search-form" onSubmit={search} aria-label={t('recruitment.candidates.searchLabel')}>
        <div className="search-row">
          <TextField id="candidates-q" type="search" label={t('recruitment.candidates.q')} hint={t('recruitment.candidates.qHint')} value={draft} onChange={(e) => setDraft(e.target.value)} autoComplete="off" />
          <Button type="submit">{t('common.search')}</Button>
        </div>
        <div className="filters">
          <Select
            id="candidates-active" label={t('recruitment.candidates.active')} value={active} onChange={(e) => setParam('active', e.target.value === 'true' ? '' : e.target.value)}
            options={[{ value: 'true', label: t('recruitment.candidates.activeOnly') }, { value: 'false', label: t('recruitment.candidates.inactiveOnly') }, { value: 'all', label: t('common.all') }]}
          />
        </div>
      </form>
      {list.error ? <Alert tone="error">{problem(list.error)}</Alert> : null}
      {list.loading && !list.data ? <Spinner label={t('app.loading')} /> : null}
      {list.data ? (
        <>
          <h2 className="results-count">
            {list.data.total === 1 ? t('recruitment.candidates.countOne') : t('recruitment.candidates.count', { count: formatNumber(list.data.total) })}
          </h2>
          {list.data.items.length === 0
            ? <EmptyState title={t('recruitment.candidates.emptyTitle')}>{t('recruitment.candidates.emptyBody')}</EmptyState>
            : <Table caption={t('recruitment.candidates.caption')} captionHidden columns={columns} rows={list.data.items} rowKey={(c) => c.id} />}
          <Pagination total={list.data.total} limit={pageSize} offset={offset} onChange={(o) => setParam('offset', String(o))} />
        </>
      ) : null}
    </>
  );
}
