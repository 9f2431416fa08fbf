import type { AgreementDashboard as Dashboard } from '../../../common/schools';
import { useT } from '../../i18n/i18n';
import { percentText } from './labels';

/**
 * Agreements per municipality against the target (≥ 3 active) and the share of 7th-grade classes allocated. A
 * municipality below target is marked in red AND with an icon and words, so it never rests on colour alone.
 */
export function AgreementDashboard({ data }: { data: Dashboard }) {
  const { t, locale, formatNumber: n } = useT();
  const totals = data.totals;
  return (
    <>
      <p>
        {t('schools.dashboard.totals', { agreements: n(totals.activeAgreements), below: n(totals.municipalitiesBelowTarget), count: n(data.municipalities.length) })}{' '}
        {totals.grade7Classes > 0 ? t('schools.dashboard.totalsAllocated', {
          allocated: n(totals.grade7Allocated), classes: n(totals.grade7Classes), share: percentText(locale, totals.allocatedShare),
        }) : null}
      </p>
      <p className="muted small">
        {data.plan ? t('schools.dashboard.planBasis', { version: data.plan.version, status: t(data.plan.status === 'published' ? 'schools.dashboard.basisPublished' : 'schools.dashboard.basisDraft') })
          : t('schools.dashboard.noPlan')}
      </p>
      <ul className="plain-list" style={gridStyle}>
        {data.municipalities.map((m) => {
          const below = m.belowTarget;
          const width = `${Math.min(100, (m.activeAgreements / Math.max(1, data.target)) * 100)}%`;
          return (
            <li key={m.municipalityCode} className="card" style={{ ...cardStyle, borderLeftColor: below ? 'var(--danger)' : 'var(--success)' }}>
              <h3 style={{ margin: 0, fontSize: '1.125rem' }}>{m.municipalityName}</h3>
              <p style={{ margin: '0.4rem 0', fontSize: '1.5rem', fontWeight: 700 }}>
                {t('schools.dashboard.agreements', { count: n(m.activeAgreements), target: n(data.target) })}
              </p>
              <div aria-hidden="true" style={barTrack}>
                <div style={{ ...barFill, width, background: below ? 'var(--danger)' : 'var(--success)' }} />
              </div>
              <p style={{ margin: '0.5rem 0', fontWeight: 700, color: below ? 'var(--danger)' : 'var(--success)' }}>
                <span aria-hidden="true">{below ? '⚠ ' : '✓ '}</span>
                {below ? t('schools.dashboard.below', { missing: n(m.missing) }) : t('schools.dashboard.reached')}
              </p>
              <p style={{ margin: 0 }}>
                {m.grade7Classes > 0 ? t('schools.dashboard.allocated', {
                  allocated: n(m.grade7Allocated), classes: n(m.grade7Classes), share: percentText(locale, m.allocatedShare),
                }) : t('schools.dashboard.noClasses')}
              </p>
            </li>
          );
        })}
      </ul>
    </>
  );
}

const gridStyle = { gridTemplateColumns: 'repeat(auto-fill, minmax(15rem, 1fr))', gap: '1rem', marginBottom: '1.5rem' } as const;
const cardStyle = { borderLeftWidth: 6, borderLeftStyle: 'solid', marginBottom: 0, padding: '1rem 1.1rem' } as const;
const barTrack = { height: '0.6rem', background: 'var(--bg-soft)', border: '1px solid var(--border)', borderRadius: 999, overflow: 'hidden' } as const;
const barFill = { height: '100%' } as const;
