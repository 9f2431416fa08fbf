import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { Spinner } from '../components/ui';
import { useT, type MessageKey } from '../i18n/i18n';
import { useSession } from '../lib/session';
import { schoolsHubPermissions } from '../features/schools';
import { LanguageSwitch } from './language-switch';

// `staffOnly`: hidden from company users, who have the permission but their own employer pages instead.
// `anyOf`: shown with any of these permissions (a hub whose pages need different ones).
const navItems: { to: string; label: MessageKey; permission: string; end?: boolean; staffOnly?: boolean; anyOf?: readonly string[] }[] = [
  { to: '/virksomheder', label: 'nav.companies', permission: 'company.read' },
  { to: '/arbejdsliste', label: 'nav.worklist', permission: 'worklist.read' },
  { to: '/opgaver', label: 'nav.tasks', permission: 'task.read' },
  { to: '/dubletter', label: 'nav.duplicates', permission: 'duplicate.read' },
  { to: '/ydelser', label: 'nav.offers', permission: 'offer.read' },
  { to: '/henvisninger', label: 'nav.referrals', permission: 'referral.create', end: true },
  { to: '/henvisninger/indgaaende', label: 'nav.incomingReferrals', permission: 'referral.handle' },
  { to: '/henvisninger/noegletal', label: 'nav.referralKpis', permission: 'referral.kpi' },
  { to: '/jobordrer', label: 'nav.orders', permission: 'order.read', staffOnly: true },
  { to: '/kandidater', label: 'nav.candidates', permission: 'candidate.read' },
  { to: '/rekruttering/noegletal', label: 'nav.recruitmentKpis', permission: 'recruitment.kpi' },
  { to: '/mine-jobordrer', label: 'nav.myOrders', permission: 'candidate.released' },
  { to: '/kandidater-til-mig', label: 'nav.releasedCandidates', permission: 'candidate.released' },
  { to: '/portefoelje/fordel', label: 'nav.bulkAssign', permission: 'portfolio.bulk_assign' },
  { to: '/daekning', label: 'nav.coverage', permission: 'coverage.read' },
  { to: '/kontaktniveauer', label: 'nav.tiers', permission: 'tier.read' },
  { to: '/skoler', label: 'nav.schools', permission: 'school.read', anyOf: schoolsHubPermissions },
  { to: '/import', label: 'nav.import', permission: 'engagement.import' },
  { to: '/admin/organisationer', label: 'nav.organisations', permission: 'organisation.manage' },
  { to: '/admin/brugere', label: 'nav.users', permission: 'user.read' },
  { to: '/admin/udbakke', label: 'nav.outbox', permission: 'outbox.read' },
  { to: '/admin/revisionslog', label: 'nav.audit', permission: 'audit.read' },
];

export function Layout() {
  const { t } = useT();
  const session = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const shownPath = useRef(pathname);

  // After in-app navigation (not on first load), start screen readers and keyboard users at the new page's content.
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    main.current?.focus();
  }, [pathname]);

  // The page title follows the page's h1, so every page has a distinct title.
  useEffect(() => {
    const id = window.setTimeout(() => {
      const h1 = document.querySelector('main h1')?.textContent?.trim();
      document.title = h1 ? `${h1} – ${t('app.name')}` : t('app.name');
    }, 50);
    return () => window.clearTimeout(id);
  });

  const user = session.user;
  async function logout() {
    await session.logout().catch(() => undefined);
    navigate('/login', { replace: true });
  }

  return (
    <>
      <a className="skip-link" href="#main">{t('app.skipLink')}</a>
      <header className="site-header">
        <div className="header-inner">
          <div className="brand">
            <NavLink to="/" className="brand-name">{t('app.name')}</NavLink>
            {user ? <span className="brand-partnership">{user.partnership.name}</span> : null}
          </div>
          <div className="header-tools">
            {user ? (
              <>
                <span className="signed-in">{t('nav.signedInAs', { name: user.name, organisation: user.organisation.name })}</span>
                <button type="button" className="btn btn-link" onClick={() => void logout()}>{t('nav.logout')}</button>
              </>
            ) : null}
            <LanguageSwitch />
          </div>
        </div>
        {user ? (
          <nav className="main-nav" aria-label={t('nav.label')}>
            <ul>
              {navItems.filter((item) => (item.anyOf ?? [item.permission]).some((p) => session.can(p)) && !(item.staffOnly && user.roles.includes('company_user'))).map((item) => (
                <li key={item.to}><NavLink to={item.to} end={item.end}>{t(item.label)}</NavLink></li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {user === undefined ? <Spinner label={t('app.loading')} /> : <Outlet />}
      </main>
      <footer className="site-footer"><p>{t('app.footer')}</p></footer>
    </>
  );
}
