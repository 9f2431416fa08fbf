import { useState } from 'react';
import type { ImportRowError } from '../../../common/engagement-import';
import { Alert, Pagination, Spinner, Table, type Column } from '../../components/ui';
import { isMessageKey, useT } from '../../i18n/i18n';
import { useAsync } from '../../lib/use-async';
import { importApi } from './import-api';

/** The dry run's row errors, a page at a time: row (as in the spreadsheet), the file's column, and what is wrong. */
export function ImportErrorTable({ jobId, errorRows }: { jobId: string; errorRows: number }) {
  const { t, problem, locale, formatNumber } = useT();
  const [page, setPage] = useState(1);
  const errors = useAsync(() => importApi.errors(jobId, page), `${jobId}-${page}`);

  // Danish: the server's own message; English: the catalogue's text for the code (same facts, same placeholders).
  const message = (e: ImportRowError) => {
    const key = `import.error.${e.code}`;
    return locale === 'en' && isMessageKey(key) ? t(key, e.params) : e.message;
  };
  const columns: Column<ImportRowError & { key: string }>[] = [
    { key: 'row', header: t('import.colRow'), numeric: true, rowHeader: true, cell: (e) => formatNumber(e.rowNumber) },
    { key: 'column', header: t('import.colColumn'), cell: (e) => e.column ?? t('common.none') },
    { key: 'message', header: t('import.colMessage'), cell: message },
  ];

  if (errorRows === 0) return <p>{t('import.noErrors')}</p>;
  const data = errors.data;
  return (
    <>
      {errors.error ? <Alert tone="error">{problem(errors.error)}</Alert> : null}
      {errors.loading && !data ? <Spinner label={t('app.loading')} /> : null}
      {data ? (
        <>
          <Table
            caption={t('import.errorsCaption')} columns={columns}
            rows={data.items.map((e, i) => ({ ...e, key: `${e.rowNumber}-${i}` }))} rowKey={(e) => e.key}
          />
          <Pagination
            total={data.total} limit={data.pageSize} offset={(data.page - 1) * data.pageSize}
            onChange={(offset) => setPage(Math.floor(offset / data.pageSize) + 1)}
          />
        </>
      ) : null}
    </>
  );
}
