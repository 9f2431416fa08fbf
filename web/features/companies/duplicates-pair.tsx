import { Link } from 'react-router';
import type { CompanyDuplicatePair, DuplicateCompany, DuplicateReason } from '../../../common/duplicates';
import { Badge, Button } from '../../components/ui';
import { useT, type MessageKey } from '../../i18n/i18n';

/** A reason in the current language ("navne ligner hinanden (0,82)"). */
export function useReasonText(): (reason: DuplicateReason) => string {
  const { t, formatNumber } = useT();
  return (reason) => t(`duplicates.reason.${reason.code}` as MessageKey, { similarity: formatNumber(reason.similarity) });
}

function Side({ company, survives, idPrefix }: { company: DuplicateCompany; survives: boolean; idPrefix: string }) {
  const { t, formatDate } = useT();
  const none = t('common.none');
  const address = [company.street, [company.postalCode, company.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return (
    <section className={`duplicate-side${survives ? ' duplicate-survivor' : ''}`} aria-labelledby={`${idPrefix}-name`}>
      <p className="badges">
        <Badge tone={survives ? 'success' : 'warning'}>{t(survives ? 'duplicates.keep' : 'duplicates.mergedAway')}</Badge>
        <Badge tone={company.source === 'manual' ? 'neutral' : 'info'}>{t(`duplicates.source.${company.source}` as MessageKey)}</Badge>
      </p>
      <h3 id={`${idPrefix}-name`}>
        <Link to={`/virksomheder/${company.id}`}>{company.name}</Link>
      </h3>
      <dl className="facts facts-compact">
        <div><dt>{t('company.cvr')}</dt><dd>{company.cvr ?? t('duplicates.noCvr')}</dd></div>
        <div><dt>{t('company.address')}</dt><dd>{address || none}</dd></div>
        <div><dt>{t('company.phone')}</dt><dd>{company.phone ?? none}</dd></div>
        <div><dt>{t('company.email')}</dt><dd>{company.email ?? none}</dd></div>
        <div><dt>{t('duplicates.created')}</dt><dd>{formatDate(company.createdAt)}</dd></div>
      </dl>
    </section>
  );
}

/** One candidate pair side by side: why it looks like a duplicate, which record survives, merge or dismiss. */
export function DuplicatePairCard({ pair, survivorId, canMerge, busy, onSurvivor, onMerge, onDismiss }: {
  pair: CompanyDuplicatePair; survivorId: string; canMerge: boolean; busy: boolean;
  onSurvivor(id: string): void; onMerge(trigger: HTMLElement): void; onDismiss(): void;
}) {
  const { t } = useT();
  const reasonText = useReasonText();
  const id = `pair-${pair.a.id}-${pair.b.id}`;
  const survivor = survivorId === pair.a.id ? pair.a : pair.b;
  const merged = survivor === pair.a ? pair.b : pair.a;
  return (
    <li className="card duplicate-pair" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('duplicates.pairHeading', { a: pair.a.name, b: pair.b.name })}</h2>
      <p className="duplicate-reasons">
        <strong>{t('duplicates.reasons')}:</strong>{' '}
        {pair.reasons.map((r) => <Badge key={r.code} tone="info">{reasonText(r)}</Badge>)}
      </p>
      <div className="duplicate-sides">
        <Side company={pair.a} survives={survivor === pair.a} idPrefix={`${id}-a`} />
        <Side company={pair.b} survives={survivor === pair.b} idPrefix={`${id}-b`} />
      </div>
      {canMerge ? (
        <>
          {pair.survivorChoice ? (
            <fieldset className="duplicate-choice">
              <legend>{t('duplicates.chooseSurvivor')}</legend>
              {[pair.a, pair.b].map((c) => (
                <label key={c.id} className="checkbox">
                  <input type="radio" name={`${id}-survivor`} checked={survivorId === c.id} onChange={() => onSurvivor(c.id)} />
                  {t('duplicates.keepThis', { name: c.name })}
                </label>
              ))}
            </fieldset>
          ) : <p className="muted small">{t('duplicates.cvrSurvives')}</p>}
          <div className="form-actions">
            <Button disabled={busy} aria-label={t('duplicates.mergeFor', { merged: merged.name, survivor: survivor.name })} onClick={(e) => onMerge(e.currentTarget)}>
              {t('duplicates.merge')}
            </Button>
            <Button variant="secondary" disabled={busy} aria-label={t('duplicates.dismissFor', { a: pair.a.name, b: pair.b.name })} onClick={onDismiss}>
              {t('duplicates.dismiss')}
            </Button>
          </div>
        </>
      ) : null}
    </li>
  );
}
