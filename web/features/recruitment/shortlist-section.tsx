import { useState } from 'react';
import type { ShortlistEntry } from '../../../common/recruitment';
import { Alert, Badge, Button, EmptyState, Spinner, Table, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { certificateLabel, PlacementStatusBadge, scoreText } from './labels';
import { orderApi, placementApi } from './recruitment-api';

/** The reasons of a match as a list of short readable items. */
export function ReasonList({ reasons }: { reasons: { code: string; text: string }[] }) {
  if (reasons.length === 0) return null;
  return (
    <ul className="small" style={{ margin: 0, paddingLeft: '1.1rem' }}>
      {reasons.map((r, i) => <li key={`${r.code}-${i}`}>{r.text}</li>)}
    </ul>
  );
}

/**
 * The merged shortlist across every job centre of the partnership: score, owning centre, "also registered at"
 * (the same person at other centres, shown once), the reasons, and near misses with what they lack. Own-centre
 * candidates can be proposed to the order ("Foreslå").
 */
export function ShortlistSection({ orderId, open, version, onProposed }: { orderId: string; open: boolean; version: number; onProposed(): void }) {
  const { t, locale, problem, formatNumber } = useT();
  const { can } = useSession();
  const list = useAsync(() => orderApi.shortlist(orderId), `shortlist-${orderId}-${version}`);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');

  async function propose(entry: ShortlistEntry) {
    setBusy(entry.candidateId);
    setError(null);
    setDone('');
    try {
      await placementApi.propose(orderId, entry.candidateId);
      setDone(t('recruitment.shortlist.proposed', { ref: entry.ref }));
      onProposed();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  const columns = (near: boolean): Column<ShortlistEntry>[] => [
    { key: 'ref', header: t('recruitment.candidate.ref'), rowHeader: true, cell: (e) => <><span style={{ whiteSpace: 'nowrap' }}>{e.ref}</span>{e.own ? <> <Badge tone="info">{t('recruitment.shortlist.own')}</Badge></> : null}</> },
    { key: 'score', header: t('recruitment.shortlist.score'), numeric: true, cell: (e) => scoreText(e.score) },
    {
      key: 'centre', header: t('recruitment.shortlist.centre'),
      cell: (e) => (
        <>
          {e.organisationName}
          {e.alsoAt.length ? <div className="field-hint">{t('recruitment.shortlist.alsoAt', { centres: e.alsoAt.map((a) => a.organisationName).join(', ') })}</div> : null}
        </>
      ),
    },
    { key: 'reasons', header: t('recruitment.shortlist.reasons'), cell: (e) => <ReasonList reasons={e.reasons} /> },
    ...(near ? [{
      key: 'missing', header: t('recruitment.shortlist.missing'),
      cell: (e: ShortlistEntry) => t('recruitment.shortlist.missingList', {
        items: [...e.missingSkills.map((s) => s.label), ...e.missingCertificates.map((c) => certificateLabel(locale, c))].join(', ') || t('common.none'),
      }),
    }] : []),
    {
      key: 'action', header: t('common.actions'),
      cell: (e) => (e.placement ? <PlacementStatusBadge status={e.placement.status} />
        : e.own && open && can('placement.write') ? (
          <Button variant="secondary" disabled={busy !== null} onClick={() => void propose(e)} aria-label={t('recruitment.shortlist.proposeRef', { ref: e.ref })}>
            {busy === e.candidateId ? t('common.saving') : t('recruitment.shortlist.propose')}
          </Button>
        ) : t('common.none')),
    },
  ];

  const data = list.data;
  return (
    <section aria-labelledby="shortlist-heading" className="card">
      <h2 id="shortlist-heading">{t('recruitment.shortlist.title')}</h2>
      {data ? <p className="field-hint">{t('recruitment.shortlist.intro', { considered: formatNumber(data.considered), centres: formatNumber(data.centres) })}</p> : null}
      <div aria-live="polite">{done ? <Alert tone="success">{done}</Alert> : null}</div>
      {error ? <Alert tone="error">{problem(error)}</Alert> : null}
      {list.error ? <Alert tone="error">{problem(list.error)}</Alert> : null}
      {list.loading && !data ? <Spinner label={t('app.loading')} /> : null}
      {data ? (
        <>
          {data.matches.length === 0
            ? <EmptyState title={t('recruitment.shortlist.empty')} />
            : <Table caption={t('recruitment.shortlist.caption')} columns={columns(false)} rows={data.matches} rowKey={(e) => e.candidateId} />}
          {data.nearMisses.length ? (
            <>
              <h3>{t('recruitment.shortlist.nearMisses')}</h3>
              <p className="field-hint">{t('recruitment.shortlist.nearMissesIntro')}</p>
              <Table caption={t('recruitment.shortlist.nearMisses')} captionHidden columns={columns(true)} rows={data.nearMisses} rowKey={(e) => e.candidateId} />
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
