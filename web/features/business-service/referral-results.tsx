import type { Referral } from '../../../common/referrals';
import { Alert, EmptyState, Pagination, Spinner, Table, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import type { AsyncState } from '../../lib/use-async';

/** A page of referrals as both referral lists show it: error, loading, count, the table or an empty state, paging. */
export function ReferralResults({ list, columns, caption, emptyTitle, emptyBody, pageSize, offset, onOffset }: {
  list: AsyncState<{ items: Referral[]; total: number }>;
  columns: Column<Referral>[];
  caption: string;
  emptyTitle: string;
  emptyBody: string;
  pageSize: number;
  offset: number;
  onOffset(offset: number): void;
}) {
  const { t, problem, formatNumber } = useT();
  return (
    <>
      {list.error ? <Alert tone="error">{problem(list.error)}</Alert> : null}
      {list.loading && !list.data ? <Spinner label={t('app.loading')} /> : null}
      {list.data ? (
        <>
          <h2 className="results-count">
            {list.data.total === 1 ? t('referrals.countOne') : t('referrals.count', { count: formatNumber(list.data.total) })}
          </h2>
          {list.data.items.length === 0
            ? <EmptyState title={emptyTitle}>{emptyBody}</EmptyState>
            : <Table caption={caption} captionHidden columns={columns} rows={list.data.items} rowKey={(r) => r.id} />}
          <Pagination total={list.data.total} limit={pageSize} offset={offset} onChange={onOffset} />
        </>
      ) : null}
    </>
  );
}
