import { createContext, useContext, type CSSProperties, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { TierCoverage } from '../../../common/engagement-coverage';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { companiesLink, type CoverageFilter } from './coverage-api';

/** The organisation the dashboard shows when it is not the user's own: every link to its companies names it. */
export const CoverageOrganisationContext = createContext<string | undefined>(undefined);

/** A figure that opens the companies behind it; plain text for those who may see aggregates only (analysts). */
export function FigureLink({ filter, children, style }: { filter: CoverageFilter; children: ReactNode; style?: CSSProperties }) {
  const { can } = useSession();
  const organisation = useContext(CoverageOrganisationContext);
  if (!can('coverage.companies')) return <span style={style}>{children}</span>;
  return <Link to={companiesLink({ organisation, ...filter })} style={style}>{children}</Link>;
}

/** A share as whole percent ("23 %"), the way Danish writes it. */
export function usePercent(): (share: number) => string {
  const { t, formatNumber } = useT();
  return (share: number) => t('coverage.percent', { value: formatNumber(Math.round(share * 100)) });
}

const barStyle = { height: '0.9rem', background: 'var(--bg-soft)', border: '1px solid var(--border)', borderRadius: 999, overflow: 'hidden', margin: '0.6rem 0' };
const gridStyle = { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(17rem, 1fr))', gap: '1rem' };

/**
 * One card per tier: covered companies as a large number against the target, a bar drawn to the target
 * (or to the tier's size without one), and links to the companies behind both halves. The bar is decoration:
 * every number it shows is written out beside it.
 */
export function CoverageGauges({ tiers }: { tiers: TierCoverage[] }) {
  const { t, formatNumber } = useT();
  const percent = usePercent();
  return (
    <div style={gridStyle}>
      {tiers.map((tier) => {
        const goal = tier.targetCompanies ?? tier.population;
        const filled = goal > 0 ? Math.min(1, tier.covered / goal) : 0;
        const headingId = `coverage-tier-${tier.tierId}`;
        const uncovered = tier.population - tier.covered;
        return (
          <section key={tier.tierId} className="card" aria-labelledby={headingId} style={{ marginBottom: 0 }}>
            <h3 id={headingId}>{tier.name}</h3>
            <p className="muted small">{t('coverage.cadence', { days: formatNumber(tier.cadenceDays) })}</p>
            <p style={{ margin: 0 }}>
              <FigureLink filter={{ tier: tier.tierId, covered: 'true' }} style={{ fontSize: '2rem', fontWeight: 700 }}>
                {t('coverage.coveredCount', { count: formatNumber(tier.covered) })}
              </FigureLink>
              {' '}
              <span>
                {tier.targetCompanies === null
                  ? t('coverage.noTarget')
                  : t('coverage.ofTarget', { target: formatNumber(tier.targetCompanies) })}
              </span>
            </p>
            <div style={barStyle} aria-hidden="true">
              <div style={{ width: `${filled * 100}%`, height: '100%', background: filled >= 1 ? 'var(--success)' : 'var(--primary)' }} />
            </div>
            <p className="small" style={{ marginBottom: '0.4rem' }}>
              {tier.targetCompanies === null ? null : <>{t('coverage.targetProgress', { value: percent(tier.targetProgress ?? 0) })}<br /></>}
              {t('coverage.shareOfTier', { value: percent(tier.share), population: formatNumber(tier.population) })}
            </p>
            <p className="small" style={{ margin: 0 }}>
              <FigureLink filter={{ tier: tier.tierId, covered: 'false' }}>
                {t('coverage.uncoveredLink', { count: formatNumber(uncovered) })}
              </FigureLink>
              {' · '}
              <FigureLink filter={{ tier: tier.tierId }}>{t('coverage.allLink', { count: formatNumber(tier.population) })}</FigureLink>
            </p>
          </section>
        );
      })}
    </div>
  );
}
