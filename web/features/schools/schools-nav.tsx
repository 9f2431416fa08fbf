import { useCallback, type ReactNode } from 'react';
import { Navigate, NavLink, useSearchParams } from 'react-router';
import { PageHeader, Select } from '../../components/ui';
import { useT, type MessageKey } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { schoolYearChoices, schoolYearOf } from './labels';

/** The hub's pages, in the order of the sub-navigation, each with the permission that shows it. */
export const schoolsPages: readonly { path: string; label: MessageKey; permission: string }[] = [
  { path: '/skoler/klasser', label: 'schools.nav.classes', permission: 'school.read' },
  { path: '/skoler/vaertsvirksomheder', label: 'schools.nav.hosts', permission: 'host_offer.read' },
  { path: '/skoler/tutorer', label: 'schools.nav.tutors', permission: 'school.read' },
  { path: '/skoler/fordeling', label: 'schools.nav.allocation', permission: 'school.read' },
  { path: '/skoler/aftaler', label: 'schools.nav.agreements', permission: 'agreement.read' },
  { path: '/skoler/evalueringer', label: 'schools.nav.evaluations', permission: 'evaluation.read' },
];

/** Permissions that open the hub at all: the main menu's "Skoler" shows for any of them. */
export const schoolsHubPermissions = ['school.read', 'host_offer.read', 'agreement.read', 'evaluation.read'] as const;

/** The school year every page of the hub works in: `?aar=2026/27`, by default the current one. Kept across the hub's links. */
export function useSchoolYear(): [string, (year: string) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('aar');
  const year = raw && /^\d{4}\/\d{2}$/.test(raw) ? raw : schoolYearOf();
  const set = useCallback((next: string) => {
    setParams((current) => {
      const copy = new URLSearchParams(current);
      if (next === schoolYearOf()) copy.delete('aar'); else copy.set('aar', next);
      return copy;
    });
  }, [setParams]);
  return [year, set];
}

/** A hub link that keeps the chosen school year: `/skoler/klasser?aar=2025/26`. */
export function useHubLink(): (path: string) => string {
  const [params] = useSearchParams();
  const aar = params.get('aar');
  return (path) => (aar ? `${path}${path.includes('?') ? '&' : '?'}aar=${encodeURIComponent(aar)}` : path);
}

/** /skoler: the first page of the hub this user may open. */
export function SchoolsHomePage() {
  const { can } = useSession();
  const { t } = useT();
  const first = schoolsPages.find((p) => can(p.permission));
  if (!first) return <PageHeader title={t('forbidden.title')} intro={t('forbidden.body')} />;
  return <Navigate to={first.path} replace />;
}

/**
 * The hub's frame: title, the sub-navigation (links, not ARIA tabs: each page has its own address) and the
 * school-year choice. `actions` sit at the header's right.
 */
export function SchoolsFrame({ title, intro, actions, yearChoice = true, children }: {
  title: string; intro?: ReactNode; actions?: ReactNode; yearChoice?: boolean; children: ReactNode;
}) {
  const { t } = useT();
  const { can } = useSession();
  const [year, setYear] = useSchoolYear();
  const link = useHubLink();
  const choices = schoolYearChoices();
  const years = choices.includes(year) ? choices : [...choices, year].sort();
  return (
    <>
      <nav className="schools-nav" aria-label={t('schools.nav.label')}>
        <ul style={navListStyle}>
          {schoolsPages.filter((p) => can(p.permission)).map((p) => (
            <li key={p.path}>
              <NavLink to={link(p.path)} style={({ isActive }) => (isActive ? activeLinkStyle : linkStyle)}>{t(p.label)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <PageHeader title={title} intro={intro} actions={actions}>
        {yearChoice ? (
          <div style={{ maxWidth: '14rem' }}>
            <Select id="schools-year" label={t('schools.schoolYear')} value={year} onChange={(e) => setYear(e.target.value)}
              options={years.map((y) => ({ value: y, label: y }))} />
          </div>
        ) : null}
      </PageHeader>
      {children}
    </>
  );
}

const navListStyle = {
  listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: '0.25rem', padding: 0, margin: '0 0 1.5rem', borderBottom: '2px solid var(--border)',
} as const;
const linkStyle = { display: 'block', padding: '0.5rem 0.9rem', textDecoration: 'none', borderBottom: '4px solid transparent', marginBottom: '-2px' } as const;
const activeLinkStyle = { ...linkStyle, borderBottomColor: 'var(--primary)', fontWeight: 700, color: 'var(--text)' } as const;
