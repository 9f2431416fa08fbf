import { Alert, EmptyState, PageHeader, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useAsync } from '../../lib/use-async';
import { employerApi } from './recruitment-api';
import { ReleasedList } from './released-list';

/** /kandidater-til-mig: every candidate released to the company user's company, across its orders. */
export function ReleasedCandidatesPage() {
  const { t, problem, formatNumber } = useT();
  const list = useAsync(() => employerApi.candidates(), 'employer-candidates');
  return (
    <>
      <PageHeader title={t('recruitment.released.title')} intro={t('recruitment.released.intro')} />
      {list.error ? <Alert tone="error">{problem(list.error)}</Alert> : null}
      {list.loading && !list.data ? <Spinner label={t('app.loading')} /> : null}
      {list.data ? (
        list.data.length === 0
          ? <EmptyState title={t('recruitment.released.empty')}>{t('recruitment.released.emptyBody')}</EmptyState>
          : (
            <>
              <h2 className="results-count">
                {list.data.length === 1 ? t('recruitment.released.countOne') : t('recruitment.released.count', { count: formatNumber(list.data.length) })}
              </h2>
              <ReleasedList items={list.data} showOrder />
            </>
          )
      ) : null}
    </>
  );
}
