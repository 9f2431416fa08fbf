import { Link } from 'react-router';
import type { Organisation } from '../../../../common/identity';
import { Alert, Badge, EmptyState, ExportMenu, PageHeader, Spinner, Table, type Column } from '../../../components/ui';
import { useT } from '../../../i18n/i18n';
import { useAsync } from '../../../lib/use-async';
import { listOrganisations } from './admin-api';

export function OrganisationsPage() {
  const { t, problem, formatNumber } = useT();
  const list = useAsync(listOrganisations, 'organisations');
  const columns: Column<Organisation>[] = [
    { key: 'name', header: t('orgs.colName'), rowHeader: true, cell: (o) => <Link to={`/admin/organisationer/${o.id}`}>{o.name}</Link> },
    { key: 'kind', header: t('orgs.colKind'), cell: (o) => t(`kind.${o.kind}`) },
    { key: 'municipality', header: t('orgs.colMunicipality'), cell: (o) => o.municipalityName ?? t('common.none') },
    { key: 'users', header: t('orgs.colUsers'), numeric: true, cell: (o) => formatNumber(o.userCount) },
    { key: 'sso', header: t('orgs.colSso'), cell: (o) => (o.ssoEnabled ? t('common.yes') : t('common.no')) },
    {
      key: 'status', header: t('orgs.colStatus'),
      cell: (o) => <Badge tone={o.active ? 'success' : 'neutral'}>{o.active ? t('common.active') : t('common.inactive')}</Badge>,
    },
  ];
  return (
    <>
      <PageHeader
        title={t('orgs.title')} intro={t('orgs.intro')}
        actions={(
          <>
            <ExportMenu path="/admin/organisations" total={list.data?.length} />
            <Link className="btn btn-primary" to="/admin/organisationer/ny">{t('orgs.new')}</Link>
          </>
        )}
      />
      {list.loading && !list.data ? <Spinner label={t('app.loading')} /> : null}
      {list.error ? <Alert tone="error">{problem(list.error)}</Alert> : null}
      {list.data && list.data.length === 0 ? <EmptyState title={t('orgs.title')} /> : null}
      {list.data && list.data.length > 0
        ? <Table caption={t('orgs.caption')} columns={columns} rows={list.data} rowKey={(o) => o.id} /> : null}
    </>
  );
}
