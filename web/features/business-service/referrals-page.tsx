import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Referral } from '../../../common/referrals';
import { Alert, Button, ExportMenu, PageHeader, Select, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { referralApi } from './referral-api';
import { ReferralResults } from './referral-results';
import { parseStatusFilter, ReferralStatusSelect } from './referral-filters';
import { formatReferralDay, ReferralStatusBadge } from './referral-labels';

const pageSize = 50;

/**
 * /henvisninger: the consultant's view of referrals their organisation sent (the secretariat may widen it to
 * the partnership), with status, the response clock and the outcome once the provider closes the loop.
 */
export function ReferralsPage() {
  const { t, problem, locale } = useT();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const status = parseStatusFilter(params.get('status'));
  const partnershipWide = session.can('referral.remind');
  const scope = partnershipWide && params.get('scope') === 'all' ? 'all' : 'outgoing';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const list = useAsync(
    () => referralApi.list({ direction: scope, status: status || undefined, limit: pageSize, offset }),
    `referrals-${scope}-${status}-${offset}`,
  );
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [running, setRunning] = useState(false);

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value); else next.delete(key);
    if (key !== 'offset') next.delete('offset');
    setParams(next);
  };

  async function runReminders() {
    setRunning(true);
    setNotice(null);
    try {
      const result = await referralApi.runReminders();
      setNotice({ tone: 'success', text: t('referrals.remindersDone', { reminded: result.reminded, escalated: result.escalated }) });
      list.reload();
    } catch (e) {
      setNotice({ tone: 'error', text: problem(e) });
    } finally {
      setRunning(false);
    }
  }

  const columns: Column<Referral>[] = [
    { key: 'company', header: t('referrals.colCompany'), rowHeader: true, cell: (r) => <Link to={`/virksomheder/${r.company.id}`}>{r.company.name}</Link> },
    { key: 'offer', header: t('referrals.colOffer'), cell: (r) => r.offer.title },
    { key: 'provider', header: t('referrals.colProvider'), cell: (r) => r.provider.name },
    ...(scope === 'all' ? [{ key: 'from', header: t('referrals.colFrom'), cell: (r: Referral) => `${r.from.userName}, ${r.from.organisationName}` }] : []),
    { key: 'status', header: t('referrals.colStatus'), cell: (r) => <ReferralStatusBadge status={r.status} overdue={r.overdue} /> },
    { key: 'sent', header: t('referrals.colSent'), cell: (r) => formatReferralDay(locale, r.sentAt) },
    {
      key: 'due', header: t('referrals.colDue'),
      cell: (r) => (
        <>
          {formatReferralDay(locale, r.responseDue)}
          {r.reminderSentAt ? <div className="field-hint">{t('referrals.reminded', { date: formatReferralDay(locale, r.reminderSentAt) })}</div> : null}
          {r.escalatedAt ? <div className="field-hint">{t('referrals.escalated', { date: formatReferralDay(locale, r.escalatedAt) })}</div> : null}
        </>
      ),
    },
    {
      key: 'outcome', header: t('referrals.colOutcome'),
      cell: (r) => (r.status === 'afsluttet'
        ? <>{t('referrals.outcomeOf', { outcome: r.outcome ?? '' })}{r.satisfaction ? <div>{t('referrals.satisfaction', { value: r.satisfaction })}</div> : null}</>
        : r.status === 'afvist' ? t('referrals.rejectedBecause', { reason: r.rejectionReason ?? '' }) : t('common.none')),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('referrals.title')} intro={t('referrals.intro', { organisation: session.user?.organisation.name ?? '' })}
        actions={(
          <>
            {session.can('referral.kpi') ? <Link to="/henvisninger/noegletal">{t('referrals.kpiLink')}</Link> : null}
            {partnershipWide ? <Button variant="secondary" disabled={running} onClick={() => void runReminders()}>{t('referrals.runReminders')}</Button> : null}
            <ExportMenu path="/referrals" query={{ direction: scope, status: status || undefined }} total={list.data?.total} />
          </>
        )}
      />
      <div aria-live="polite">{notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}</div>
      <div className="filters">
        <ReferralStatusSelect id="referrals-status" value={status} onChange={(v) => setParam('status', v)} />
        {partnershipWide ? (
          <Select
            id="referrals-scope" label={t('referrals.scope')} value={scope === 'all' ? 'all' : ''}
            onChange={(e) => setParam('scope', e.target.value)}
            options={[{ value: '', label: t('referrals.scopeOwn') }, { value: 'all', label: t('referrals.scopeAll') }]}
          />
        ) : null}
      </div>
      <ReferralResults
        list={list} columns={columns} caption={t('referrals.tableCaption')} emptyTitle={t('referrals.emptyTitle')} emptyBody={t('referrals.emptyBody')}
        pageSize={pageSize} offset={offset} onOffset={(o) => setParam('offset', String(o))}
      />
    </>
  );
}
