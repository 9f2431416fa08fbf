import { useState } from 'react';
import type { Placement } from '../../../common/recruitment';
import { Alert, Button, EmptyState, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { ConsentDialog } from './consent-dialog';
import { PlacementStatusBadge, placementStatusLabel, scoreText } from './labels';
import { orderApi, placementApi } from './recruitment-api';
import { ReasonList } from './shortlist-section';
import { StatusActions } from './status-actions';

/**
 * The order's placements (formidlinger) from every centre. The owning centre records the candidate's consent
 * (which releases identity/CV to the employer), moves the placement on, and can withdraw the consent.
 */
export function PlacementsSection({ orderId, companyName, version, onChanged }: {
  orderId: string; companyName: string; version: number; onChanged(): void;
}) {
  const { t, problem } = useT();
  const list = useAsync(() => orderApi.placements(orderId), `placements-${orderId}-${version}`);

  return (
    <section aria-labelledby="placements-heading" className="card">
      <h2 id="placements-heading">{t('recruitment.placements.title')}</h2>
      {list.error ? <Alert tone="error">{problem(list.error)}</Alert> : null}
      {list.loading && !list.data ? <Spinner label={t('app.loading')} /> : null}
      {list.data ? (
        list.data.length === 0
          ? <EmptyState title={t('recruitment.placements.empty')}>{t('recruitment.placements.emptyBody')}</EmptyState>
          : (
            <ul className="plain-list">
              {list.data.map((p) => <li key={p.id}><PlacementItem placement={p} companyName={companyName} onChanged={onChanged} /></li>)}
            </ul>
          )
      ) : null}
    </section>
  );
}

function PlacementItem({ placement: p, companyName, onChanged }: { placement: Placement; companyName: string; onChanged(): void }) {
  const { t, locale, problem, formatDate } = useT();
  const { user, can } = useSession();
  const [consenting, setConsenting] = useState(false);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const own = p.organisationId === user?.organisation.id;
  const consent = p.consent;
  const activeConsent = consent && !consent.withdrawnAt;
  const headingId = `placement-${p.id}`;

  async function withdraw() {
    if (!consent) return;
    setError(null);
    try {
      await placementApi.withdrawConsent(consent.id);
      setConfirmWithdraw(false);
      onChanged();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <article aria-labelledby={headingId} style={{ borderTop: '1px solid var(--border)', paddingTop: '0.75rem' }}>
      <h3 id={headingId} style={{ margin: '0 0 0.25rem' }}>
        {p.candidateRef} <PlacementStatusBadge status={p.status} />
      </h3>
      <p className="small muted" style={{ margin: 0 }}>
        {t('recruitment.placements.meta', {
          centre: p.organisationName, date: formatDate(p.createdAt), score: p.matchScore === null ? t('common.none') : scoreText(p.matchScore),
        })}
      </p>
      <ReasonList reasons={p.matchReasons} />
      <p className="small">
        {consent
          ? consent.withdrawnAt
            ? t('recruitment.placements.consentWithdrawn', { date: formatDate(consent.withdrawnAt, true) })
            : t('recruitment.placements.consentGiven', {
              date: formatDate(consent.givenAt, true), purpose: consent.purpose,
              scope: consent.scope.map((s) => (s === 'cv' ? t('recruitment.consent.scopeCv') : t('recruitment.consent.scopeIdentity'))).join(', '),
            })
          : t('recruitment.placements.noConsent')}
      </p>
      {error ? <Alert tone="error">{problem(error)}</Alert> : null}
      {own ? (
        <div className="form-actions">
          {!activeConsent && p.status === 'udsøgt' && can('consent.write') ? (
            <Button onClick={() => setConsenting(true)}>{t('recruitment.placements.recordConsent')}</Button>
          ) : null}
          {activeConsent && can('consent.write') && !confirmWithdraw ? (
            <Button variant="secondary" onClick={() => setConfirmWithdraw(true)}>{t('recruitment.placements.withdraw')}</Button>
          ) : null}
          {confirmWithdraw ? (
            <span role="group" aria-label={t('recruitment.placements.withdraw')}>
              <span>{t('recruitment.placements.withdrawConfirm')} </span>
              <Button variant="danger" onClick={() => void withdraw()}>{t('recruitment.placements.withdrawYes')}</Button>{' '}
              <Button variant="link" onClick={() => setConfirmWithdraw(false)}>{t('common.cancel')}</Button>
            </span>
          ) : null}
        </div>
      ) : null}
      {own && can('placement.write') && p.allowedTransitions.some((s) => s !== 'samtykke_givet') ? (
        <details>
          <summary>{t('recruitment.placements.moveLegend', { ref: p.candidateRef })}</summary>
          <StatusActions
            legend={t('recruitment.placements.moveLegend', { ref: p.candidateRef })}
            transitions={p.allowedTransitions.filter((s) => s !== 'samtykke_givet')} label={(s) => placementStatusLabel(locale, s)}
            move={(s, note) => placementApi.move(p.id, s, note)} onMoved={onChanged}
          />
        </details>
      ) : null}
      {consenting ? (
        <ConsentDialog
          placementId={p.id} candidateRef={p.candidateRef} companyName={companyName}
          onDone={() => { setConsenting(false); onChanged(); }} onCancel={() => setConsenting(false)}
        />
      ) : null}
    </article>
  );
}
