import { Link } from 'react-router';
import type { ReleasedCandidate } from '../../../common/recruitment';
import { useT } from '../../i18n/i18n';
import { certificateLabel, PlacementStatusBadge } from './labels';
import { ReasonList } from './shortlist-section';

/**
 * Candidates released to the employer by consent: name, contact, CV, why they match, and (on the overview) the
 * order they were proposed for. Each one is an article with its name as heading, so screen readers can jump between them.
 */
export function ReleasedList({ items, showOrder }: { items: ReleasedCandidate[]; showOrder: boolean }) {
  const { t, locale, formatDate } = useT();
  const none = t('common.none');
  return (
    <ul className="plain-list">
      {items.map((c) => (
        <li key={c.placementId}>
          <article className="card" aria-labelledby={`released-${c.placementId}`}>
            <h3 id={`released-${c.placementId}`} style={{ marginTop: 0 }}>
              {c.name ?? c.ref} <PlacementStatusBadge status={c.status} />
            </h3>
            <dl className="facts">
              {showOrder ? <div><dt>{t('recruitment.released.order')}</dt><dd><Link to={`/mine-jobordrer/${c.orderId}`}>{c.orderTitle}</Link></dd></div> : null}
              <div><dt>{t('recruitment.released.email')}</dt><dd>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : none}</dd></div>
              <div><dt>{t('recruitment.released.phone')}</dt><dd>{c.phone ? <a href={`tel:${c.phone.replace(/\s/g, '')}`}>{c.phone}</a> : none}</dd></div>
              <div><dt>{t('recruitment.released.occupations')}</dt><dd>{c.occupations.map((o) => o.label).join(', ') || none}</dd></div>
              <div><dt>{t('recruitment.released.skills')}</dt><dd>{c.skills.map((s) => s.label).join(', ') || none}</dd></div>
              <div><dt>{t('recruitment.order.certificates')}</dt><dd>{c.certificates.map((x) => certificateLabel(locale, x)).join(', ') || none}</dd></div>
              <div><dt>{t('recruitment.released.centre')}</dt><dd>{c.centreName}</dd></div>
              <div><dt>{t('recruitment.released.releasedAt')}</dt><dd>{formatDate(c.releasedAt, true)}</dd></div>
            </dl>
            {c.reasons.length ? (
              <>
                <h4>{t('recruitment.released.reasons')}</h4>
                <ReasonList reasons={c.reasons} />
              </>
            ) : null}
            {c.cvText ? (
              <details>
                <summary>{t('recruitment.released.cv')}</summary>
                <div className="message-body" style={{ whiteSpace: 'pre-wrap' }}>{c.cvText}</div>
              </details>
            ) : null}
          </article>
        </li>
      ))}
    </ul>
  );
}
