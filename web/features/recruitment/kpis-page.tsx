import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { RecruitmentKpiRow } from '../../../common/recruitment';
import { Alert, Button, PageHeader, Spinner, Table, TextField, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useAsync } from '../../lib/use-async';
import { formatPercent, todayIso } from './labels';
import { kpiApi } from './recruitment-api';

const isDay = (v: string | null): v is string => Boolean(v && /^\d{4}-\d{2}-\d{2}$/.test(v));
const yearBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);

/**
 * /rekruttering/noegletal: recruitment KPIs for a period (default the last 12 months), for the partnership and per
 * job centre: formidlingsgrad, besættelsesgrad, median days to the first candidate and to filling, hires.
 */
export function RecruitmentKpisPage() {
  const { t, locale, problem, formatNumber } = useT();
  const [params, setParams] = useSearchParams();
  const to = isDay(params.get('to')) ? params.get('to')! : todayIso();
  const from = isDay(params.get('from')) ? params.get('from')! : yearBefore(to);
  const [draft, setDraft] = useState({ from, to });
  const kpis = useAsync(() => kpiApi.get(from, to), `recruitment-kpis-${from}-${to}`);

  function submit(event: FormEvent) {
    event.preventDefault();
    setParams({ from: draft.from, to: draft.to });
  }

  const days = (v: number | null) => (v === null ? t('common.none') : t('recruitment.kpis.days', { days: formatNumber(Math.round(v * 10) / 10) }));
  const columns = (total: boolean): Column<RecruitmentKpiRow>[] => [
    { key: 'label', header: t('recruitment.kpis.colCentre'), rowHeader: true, cell: (r) => (total ? t('recruitment.kpis.total') : r.label) },
    { key: 'orders', header: t('recruitment.kpis.colOrders'), numeric: true, cell: (r) => formatNumber(r.orders) },
    { key: 'openings', header: t('recruitment.kpis.colOpenings'), numeric: true, cell: (r) => formatNumber(r.openings) },
    { key: 'ordinary', header: t('recruitment.kpis.colOrdinary'), numeric: true, cell: (r) => formatNumber(r.ordinaryOrders) },
    { key: 'formidlingsgrad', header: t('recruitment.kpis.colFormidlingsgrad'), numeric: true, cell: (r) => formatPercent(locale, r.formidlingsgrad) },
    { key: 'besaettelsesgrad', header: t('recruitment.kpis.colBesaettelsesgrad'), numeric: true, cell: (r) => formatPercent(locale, r.besaettelsesgrad) },
    { key: 'first', header: t('recruitment.kpis.colFirst'), numeric: true, cell: (r) => days(r.medianDaysToFirstCandidate) },
    { key: 'fill', header: t('recruitment.kpis.colFill'), numeric: true, cell: (r) => days(r.medianDaysToFill) },
    { key: 'hires', header: t('recruitment.kpis.colHires'), numeric: true, cell: (r) => formatNumber(r.hires) },
  ];
  const k = kpis.data;

  return (
    <>
      <PageHeader title={t('recruitment.kpis.title')} intro={t('recruitment.kpis.intro')} />
      <form className="filters filters-inline" onSubmit={submit} aria-label={t('recruitment.kpis.period')}>
        <TextField id="rkpi-from" type="date" label={t('recruitment.kpis.from')} value={draft.from} max={draft.to} onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))} />
        <TextField id="rkpi-to" type="date" label={t('recruitment.kpis.to')} value={draft.to} min={draft.from} onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))} />
        <div><Button type="submit">{t('recruitment.kpis.show')}</Button></div>
      </form>
      {kpis.error ? <Alert tone="error">{problem(kpis.error)}</Alert> : null}
      {kpis.loading && !k ? <Spinner label={t('app.loading')} /> : null}
      {k ? (
        <>
          <h2>{t('recruitment.kpis.totalHeading')}</h2>
          <Table caption={t('recruitment.kpis.totalHeading')} captionHidden columns={columns(true)} rows={[k.total]} rowKey={(r) => r.key} />
          <h2>{t('recruitment.kpis.byCentre')}</h2>
          {k.byCentre.length === 0 ? <p>{t('recruitment.kpis.empty')}</p>
            : <Table caption={t('recruitment.kpis.byCentre')} captionHidden columns={columns(false)} rows={k.byCentre} rowKey={(r) => r.key} />}
          <h2>{t('recruitment.kpis.definitionsHeading')}</h2>
          <dl className="facts">
            <div><dt>{t('recruitment.kpis.colFormidlingsgrad')}</dt><dd>{t('recruitment.kpis.formidlingsgradDef')}</dd></div>
            <div><dt>{t('recruitment.kpis.colBesaettelsesgrad')}</dt><dd>{t('recruitment.kpis.besaettelsesgradDef')}</dd></div>
          </dl>
        </>
      ) : null}
    </>
  );
}
