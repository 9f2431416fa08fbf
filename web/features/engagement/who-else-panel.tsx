import type { CompanyEngagement } from '../../../common/engagement';
import { Alert, Badge, Spinner, Table, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import type { AsyncState } from '../../lib/use-async';
import { formatDay } from './labels';

type Row = CompanyEngagement['items'][number];

/** "Hvem arbejder med virksomheden": every engaged organisation, its responsible consultant and last contact. */
export function WhoElsePanel({ companyName, engagement, ownOrganisationId }: {
  companyName: string; engagement: AsyncState<CompanyEngagement>; ownOrganisationId: string;
}) {
  const { t, problem, locale, formatNumber } = useT();
  const none = t('common.none');
  const columns: Column<Row>[] = [
    {
      key: 'org', header: t('engagement.colOrganisation'), rowHeader: true,
      cell: (r) => (
        <>
          {r.organisation.name}
          {r.organisation.id === ownOrganisationId ? <> <Badge>{t('engagement.own')}</Badge></> : null}
        </>
      ),
    },
    { key: 'responsible', header: t('engagement.colResponsible'), cell: (r) => r.responsible?.name ?? none },
    { key: 'last', header: t('engagement.colLastContact'), cell: (r) => formatDay(locale, r.lastContactDate, none) },
    { key: 'count', header: t('engagement.colInteractions'), numeric: true, cell: (r) => formatNumber(r.interactionCount) },
    { key: 'tasks', header: t('engagement.colOpenTasks'), numeric: true, cell: (r) => formatNumber(r.openTaskCount) },
  ];
  const data = engagement.data;
  return (
    <section aria-labelledby="who-else-heading" className="card">
      <h2 id="who-else-heading">{t('engagement.whoElse')}</h2>
      {engagement.error ? <Alert tone="error">{problem(engagement.error)}</Alert> : null}
      {engagement.loading && !data ? <Spinner label={t('app.loading')} /> : null}
      {data && data.items.length === 0 ? <p>{t('engagement.whoElseNone')}</p> : null}
      {data && data.items.length > 0 ? (
        <Table
          caption={t('engagement.whoElseCaption', { name: companyName })} captionHidden columns={columns} rows={data.items}
          rowKey={(r) => r.organisation.id}
        />
      ) : null}
    </section>
  );
}
