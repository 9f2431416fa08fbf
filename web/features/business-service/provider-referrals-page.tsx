import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Referral } from '../../../common/referrals';
import { Alert, Button, ExportMenu, PageHeader, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { ProviderReferralDetail } from './provider-referral-detail';
import { referralApi } from './referral-api';
import { ReferralResults } from './referral-results';
import { parseStatusFilter, ReferralStatusSelect } from './referral-filters';
import { formatReferralDay, ReferralStatusBadge } from './referral-labels';

const pageSize = 50;

/**
 * /henvisninger/indgaaende: the provider's incoming referrals, open ones first by deadline, overdue ones
 * marked in words. Opening one shows what the provider needs to act and the actions its status allows.
 */
export function ProviderReferralsPage() {
  const { t, locale } = useT();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const status = parseStatusFilter(params.get('status'));
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const openId = params.get('id');
  const list = useAsync(
    () => referralApi.list({ direction: 'incoming', status: status || undefined, limit: pageSize, offset }),
    `incoming-${status}-${offset}`,
  );
  const [notice, setNotice] = useState('');
  const noticeRef = useRef<HTMLDivElement>(null);

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value); else next.delete(key);
    if (key === 'status') next.delete('offset');
    setParams(next);
  };

  useEffect(() => { if (notice) noticeRef.current?.focus(); }, [notice]);

  const columns: Column<Referral>[] = [
    { key: 'company', header: t('referrals.colCompany'), rowHeader: true, cell: (r) => <>{r.company.name}<div className="field-hint">CVR {r.company.cvr}</div></> },
    { key: 'offer', header: t('referrals.colOffer'), cell: (r) => r.offer.title },
    { key: 'from', header: t('referrals.colFrom'), cell: (r) => `${r.from.userName}, ${r.from.organisationName}` },
    { key: 'status', header: t('referrals.colStatus'), cell: (r) => <ReferralStatusBadge status={r.status} overdue={r.overdue} /> },
    { key: 'sent', header: t('referrals.colSent'), cell: (r) => formatReferralDay(locale, r.sentAt) },
    { key: 'due', header: t('referrals.colDue'), cell: (r) => (r.overdue ? <strong>{formatReferralDay(locale, r.responseDue)}</strong> : formatReferralDay(locale, r.responseDue)) },
    {
      key: 'open', header: t('common.actions'),
      cell: (r) => (
        <div className="row-actions">
          <Button variant="secondary" aria-expanded={openId === r.id} aria-label={t(openId === r.id ? 'providerReferrals.closeFor' : 'providerReferrals.open', { company: r.company.name })}
            onClick={() => { setNotice(''); setParam('id', openId === r.id ? '' : r.id); }}
          >
            {openId === r.id ? t('providerReferrals.close') : t('providerReferrals.openShort')}
          </Button>
        </div>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('providerReferrals.title')} intro={t('providerReferrals.intro', { organisation: session.user?.organisation.name ?? '' })}
        actions={<ExportMenu path="/referrals" query={{ direction: 'incoming', status: status || undefined }} total={list.data?.total} />}
      />
      <div ref={noticeRef} tabIndex={-1} aria-live="polite">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
      {openId ? (
        <ProviderReferralDetail
          key={openId} id={openId} onClose={() => setParam('id', '')}
          onMoved={(text) => { setNotice(text); list.reload(); }}
        />
      ) : null}
      <div className="filters">
        <ReferralStatusSelect id="incoming-status" value={status} onChange={(v) => setParam('status', v)} />
      </div>
      <ReferralResults
        list={list} columns={columns} caption={t('providerReferrals.tableCaption')} emptyTitle={t('providerReferrals.emptyTitle')} emptyBody={t('providerReferrals.emptyBody')}
        pageSize={pageSize} offset={offset} onOffset={(o) => setParam('offset', String(o))}
      />
    </>
  );
}
