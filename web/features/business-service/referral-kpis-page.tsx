import { lazy, Suspense, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { ReferralKpiRow } from '../../../common/referrals';
import { Alert, Button, PageHeader, Spinner, TextField, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { referralApi } from './referral-api';
import { themeLabel } from './referral-labels';

const ProviderChart = lazy(() => import('./referral-kpi-chart').then((m) => ({ default: m.ReferralProviderChart })));

const danishToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
const yearBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
const isDay = (v: string | null): v is string => Boolean(v && /^\d{4}-\d{2}-\d{2}$/.test(v));

/**
 * A wide table of figures in a scroll box that keyboard users can focus and scroll (the shared Table's box
 * is not focusable, and ten columns overflow on narrow screens).
 */
function KpiTable({ caption, columns, rows }: { caption: string; columns: Column<ReferralKpiRow>[]; rows: ReferralKpiRow[] }) {
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>{columns.map((c) => <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>{c.header}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {columns.map((c) => (c.rowHeader
                ? <th key={c.key} scope="row">{c.cell(row)}</th>
                : <td key={c.key} className={c.numeric ? 'num' : undefined}>{c.cell(row)}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /henvisninger/noegletal: referral KPIs for a period (default the last 12 months), as tables with one chart. */
export function ReferralKpisPage() {
  const { t, problem, formatNumber } = useT();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const to = isDay(params.get('to')) ? params.get('to')! : danishToday();
  const from = isDay(params.get('from')) ? params.get('from')! : yearBefore(to);
  const [draft, setDraft] = useState({ from, to });
  const kpis = useAsync(() => referralApi.kpis(from, to), `kpis-${from}-${to}`);

  function submit(event: FormEvent) {
    event.preventDefault();
    setParams({ from: draft.from, to: draft.to });
  }

  const num = (v: number | null) => formatNumber(v);
  const percent = (v: number | null) => (v == null ? t('common.none') : t('referralKpis.percent', { value: formatNumber(Math.round(v * 1000) / 10) }));
  const columns = (name: (r: ReferralKpiRow) => string): Column<ReferralKpiRow>[] => [
    { key: 'name', header: t('referralKpis.colName'), rowHeader: true, cell: name },
    { key: 'sent', header: t('referralKpis.colSent'), numeric: true, cell: (r) => num(r.sent) },
    { key: 'started', header: t('referralKpis.colStarted'), numeric: true, cell: (r) => num(r.started) },
    { key: 'closed', header: t('referralKpis.colClosed'), numeric: true, cell: (r) => num(r.closed) },
    { key: 'rejected', header: t('referralKpis.colRejected'), numeric: true, cell: (r) => num(r.rejected) },
    { key: 'overdue', header: t('referralKpis.colOverdue'), numeric: true, cell: (r) => num(r.overdue) },
    { key: 'conversion', header: t('referralKpis.colConversion'), numeric: true, cell: (r) => percent(r.conversion) },
    { key: 'median', header: t('referralKpis.colMedian'), numeric: true, cell: (r) => num(r.medianResponseDays) },
    { key: 'p90', header: t('referralKpis.colP90'), numeric: true, cell: (r) => num(r.p90ResponseDays) },
    { key: 'satisfaction', header: t('referralKpis.colSatisfaction'), numeric: true, cell: (r) => (r.meanSatisfaction == null ? t('common.none') : formatNumber(r.meanSatisfaction)) },
  ];
  const byLabel = (r: ReferralKpiRow) => r.label;
  const k = kpis.data;

  return (
    <>
      <PageHeader
        title={t('referralKpis.title')} intro={t('referralKpis.intro')}
        actions={can('referral.export') ? <a className="btn btn-secondary" href={referralApi.exportUrl(from, to)} download>{t('referralKpis.export')}</a> : null}
      />
      <form className="filters filters-inline" onSubmit={submit} aria-label={t('referralKpis.title')}>
        <TextField id="kpi-from" type="date" label={t('referralKpis.from')} value={draft.from} max={draft.to} onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))} />
        <TextField id="kpi-to" type="date" label={t('referralKpis.to')} value={draft.to} min={draft.from} onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))} />
        <div><Button type="submit">{t('referralKpis.show')}</Button></div>
      </form>
      {kpis.error ? <Alert tone="error">{problem(kpis.error)}</Alert> : null}
      {kpis.loading && !k ? <Spinner label={t('app.loading')} /> : null}
      {k ? (
        <>
          <h2>{t('referralKpis.totalHeading')}</h2>
          <KpiTable caption={t('referralKpis.totalHeading')} columns={columns(() => t('referralKpis.totalHeading'))} rows={[k.total]} />
          {k.total.sent === 0 ? <p>{t('referralKpis.empty')}</p> : (
            <>
              <h2>{t('referralKpis.byProvider')}</h2>
              <Suspense fallback={<Spinner label={t('app.loading')} />}>
                <ProviderChart rows={k.byProvider} label={t('referralKpis.chartTitle')} sentLabel={t('referralKpis.chartSent')} startedLabel={t('referralKpis.chartStarted')} />
              </Suspense>
              <KpiTable caption={t('referralKpis.byProvider')} columns={columns(byLabel)} rows={k.byProvider} />
              <h2>{t('referralKpis.byOffer')}</h2>
              <KpiTable caption={t('referralKpis.byOffer')} columns={columns(byLabel)} rows={k.byOffer} />
              <h2>{t('referralKpis.byTheme')}</h2>
              <KpiTable caption={t('referralKpis.byTheme')} columns={columns((r) => themeLabel(t, r.key))} rows={k.byTheme} />
            </>
          )}
        </>
      ) : null}
    </>
  );
}
