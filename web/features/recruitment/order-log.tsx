import type { OrderLogEntry } from '../../../common/recruitment';
import { Alert, EmptyState, Spinner, Table, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useAsync } from '../../lib/use-async';
import { orderApi } from './recruitment-api';

/** The formidlingslog: every step of the order and its placements, oldest first as the server keeps it. */
export function OrderLog({ orderId, version }: { orderId: string; version: number }) {
  const { t, problem, formatDate } = useT();
  const log = useAsync(() => orderApi.log(orderId), `log-${orderId}-${version}`);
  const columns: Column<OrderLogEntry>[] = [
    { key: 'at', header: t('recruitment.log.at'), rowHeader: true, cell: (e) => formatDate(e.at, true) },
    { key: 'who', header: t('recruitment.log.who'), cell: (e) => [e.userName, e.organisationName].filter(Boolean).join(', ') || t('recruitment.log.system') },
    { key: 'text', header: t('recruitment.log.text'), cell: (e) => e.text },
  ];
  return (
    <section aria-labelledby="order-log-heading">
      <h2 id="order-log-heading">{t('recruitment.log.title')}</h2>
      {log.error ? <Alert tone="error">{problem(log.error)}</Alert> : null}
      {log.loading && !log.data ? <Spinner label={t('app.loading')} /> : null}
      {log.data ? (log.data.length === 0
        ? <EmptyState title={t('recruitment.log.empty')} />
        : <Table caption={t('recruitment.log.caption')} captionHidden columns={columns} rows={log.data} rowKey={(e) => e.id} />) : null}
    </section>
  );
}
