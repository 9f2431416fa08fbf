import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { auditEntrySchema } from '../../../../common/identity';
import { Alert, Button, EmptyState, ExportMenu, PageHeader, Spinner, Table, type Column } from '../../../components/ui';
import { useT } from '../../../i18n/i18n';
import { apiGet, toQuery } from '../../../lib/api';
import { auditDiff } from './audit-diff';
import { AuditFilterForm, dayRange, type AuditFilter } from './audit-filter';

type AuditEntry = z.infer<typeof auditEntrySchema>;
interface AuditPage { items: AuditEntry[]; nextCursor: number | null }
const pageSize = 50;
const keys = ['q', 'entity', 'action', 'from', 'to'] as const;

function Diff({ entry }: { entry: AuditEntry }) {
  const { t } = useT();
  const rows = auditDiff(entry.before, entry.after);
  if (rows.length === 0) return <span className="muted">{t('audit.noChanges')}</span>;
  return (
    <table className="diff">
      <caption className="visually-hidden">{t('audit.diffCaption', { entity: entry.entity })}</caption>
      <thead><tr><th scope="col">{t('audit.field')}</th><th scope="col">{t('audit.before')}</th><th scope="col">{t('audit.after')}</th></tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.field}>
            <th scope="row">{r.field}</th>
            <td>{r.before ? <del>{r.before}</del> : <span className="muted">{t('common.none')}</span>}</td>
            <td>{r.after ? <ins>{r.after}</ins> : <span className="muted">{t('common.none')}</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AuditPage() {
  const { t, problem, formatDate, formatNumber } = useT();
  const [params, setParams] = useSearchParams();
  const filter = useMemo<AuditFilter>(
    () => Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as unknown as AuditFilter, [params],
  );
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const baseQuery = useMemo(() => {
    const range = dayRange(filter.from, filter.to);
    return { q: filter.q, entity: filter.entity, action: filter.action, ...range, limit: pageSize };
  }, [filter]);

  async function load(after: number | null) {
    setLoading(true);
    setError(null);
    try {
      const page = await apiGet<AuditPage>(`/admin/audit${toQuery({ ...baseQuery, cursor: after ?? undefined })}`);
      setEntries((prev) => (after === null ? page.items : [...prev, ...page.items]));
      setCursor(page.nextCursor ?? null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }

  // Reload from the first page exactly when the filter changes.
  useEffect(() => { void load(null); }, [baseQuery]);

  const columns: Column<AuditEntry>[] = [
    { key: 'at', header: t('audit.colAt'), cell: (e) => formatDate(e.at, true) },
    { key: 'user', header: t('audit.colUser'), cell: (e) => e.userName ?? t('audit.system') },
    { key: 'action', header: t('audit.colAction'), rowHeader: true, cell: (e) => <code>{e.action}</code> },
    {
      key: 'entity', header: t('audit.colEntity'),
      cell: (e) => <>{e.entity}{e.entityId ? <><br /><span className="muted small">{e.entityId}</span></> : null}</>,
    },
    {
      key: 'changes', header: t('audit.colChanges'),
      cell: (e) => <><Diff entry={e} />{e.reason ? <p className="small">{t('audit.reason', { reason: e.reason })}</p> : null}</>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('audit.title')} intro={t('audit.intro')}
        actions={<ExportMenu path="/admin/audit" query={{ ...baseQuery, limit: undefined }} />}
      />
      <AuditFilterForm
        value={filter}
        onChange={(next) => setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)))}
      />
      <p className="results-count" aria-live="polite">{loading ? '' : entries.length === 1 ? t('audit.countOne') : t('audit.count', { count: formatNumber(entries.length) })}</p>
      {error ? <Alert tone="error">{problem(error)}</Alert> : null}
      {!loading && !error && entries.length === 0 ? <EmptyState title={t('audit.emptyTitle')}>{t('audit.emptyBody')}</EmptyState> : null}
      {entries.length > 0 ? <Table caption={t('audit.caption')} columns={columns} rows={entries} rowKey={(e) => String(e.id)} /> : null}
      {loading ? <Spinner label={t('app.loading')} /> : null}
      {cursor !== null && !loading ? <Button variant="secondary" onClick={() => void load(cursor)}>{t('audit.more')}</Button> : null}
    </>
  );
}
