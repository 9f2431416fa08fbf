import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { PageHeader } from '../components/ui';
import { useT } from '../i18n/i18n';
import { useSession } from '../lib/session';

/** Sends signed-out visitors to /login (and back afterwards); shows "no access" without the permission. */
export function RequireAuth({ permission, children }: { permission?: string; children: ReactNode }) {
  const { user, can } = useSession();
  const location = useLocation();
  const { t } = useT();
  if (user === undefined) return null;
  if (user === null) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  if (permission && !can(permission)) {
    return <PageHeader title={t('forbidden.title')} intro={t('forbidden.body')} />;
  }
  return <>{children}</>;
}

/** The front page: the first thing this user may use. */
export function HomeRedirect() {
  const { user, can } = useSession();
  if (user === undefined) return null;
  if (user === null) return <Navigate to="/login" replace />;
  if (can('company.read')) return <Navigate to="/virksomheder" replace />;
  if (can('organisation.manage')) return <Navigate to="/admin/organisationer" replace />;
  if (can('candidate.released')) return <Navigate to="/mine-jobordrer" replace />;
  if (can('order.read')) return <Navigate to="/jobordrer" replace />;
  return <ForbiddenPage />;
}

function ForbiddenPage() {
  const { t } = useT();
  return <PageHeader title={t('forbidden.title')} intro={t('forbidden.body')} />;
}

export function NotFoundPage() {
  const { t } = useT();
  return (
    <>
      <PageHeader title={t('notFound.title')} intro={t('notFound.body')} />
      <p><Link to="/">{t('notFound.home')}</Link></p>
    </>
  );
}
