import { useMemo, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { User } from '../../../../common/identity';
import type { Role } from '../../../../common/roles';
import { Alert, Badge, Button, EmptyState, ExportMenu, PageHeader, Pagination, Spinner, Table, type Column } from '../../../components/ui';
import { useT } from '../../../i18n/i18n';
import { api } from '../../../lib/api';
import { useAsync } from '../../../lib/use-async';
import { listOrganisations, listUsers, updateUser } from './admin-api';
import { UserRolesEditor } from './user-roles-editor';
import { UsersFilter, type UserFilter } from './users-filter';

const pageSize = 50;
const statusTone = { active: 'success', invited: 'info', deactivated: 'neutral' } as const;

export function UsersPage() {
  const { t, problem, formatDate } = useT();
  const flash = (useLocation().state as { flash?: string } | null)?.flash;
  const [params, setParams] = useSearchParams();
  const filter = useMemo<UserFilter>(() => ({
    q: params.get('q') ?? '', organisationId: params.get('organisationId') ?? '', status: params.get('status') ?? '',
  }), [params]);
  const offset = Number(params.get('offset') ?? 0) || 0;
  const key = JSON.stringify({ ...filter, offset });
  const users = useAsync(() => listUsers({ ...filter, limit: pageSize, offset }), key);
  const organisations = useAsync(listOrganisations, 'organisations');
  const [message, setMessage] = useState<string | null>(flash ?? null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<User | null>(null);
  const [busy, setBusy] = useState(false);

  function applyFilter(next: UserFilter, nextOffset = 0) {
    const entries = Object.fromEntries(Object.entries(next).filter(([, v]) => v));
    setParams(nextOffset ? { ...entries, offset: String(nextOffset) } : entries);
  }

  async function act(run: () => Promise<unknown>, success: string) {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      await run();
      setMessage(success);
      users.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const saveRoles = (user: User, roles: Role[]) =>
    act(async () => { await updateUser(user.id, { roles }); setEditing(null); }, t('users.rolesSaved', { name: user.name }));

  const columns: Column<User>[] = [
    {
      key: 'name', header: `${t('users.colName')} / ${t('users.colEmail')}`, rowHeader: true,
      cell: (u) => (<>{u.name}<br /><span className="muted small">{u.email}</span></>),
    },
    { key: 'organisation', header: t('users.colOrganisation'), cell: (u) => u.organisationName },
    { key: 'roles', header: t('users.colRoles'), cell: (u) => u.roles.map((r) => t(`role.${r}`)).join(', ') },
    {
      key: 'status', header: t('users.colStatus'),
      cell: (u) => (
        <>
          <Badge tone={statusTone[u.status]}>{t(`userStatus.${u.status}`)}</Badge>
          {u.lockedUntil && new Date(u.lockedUntil) > new Date() ? <> <Badge tone="danger">{t('users.locked')}</Badge></> : null}
        </>
      ),
    },
    { key: 'last', header: t('users.colLastLogin'), cell: (u) => (u.lastLoginAt ? formatDate(u.lastLoginAt, true) : t('users.never')) },
    {
      key: 'actions', header: t('common.actions'),
      cell: (u) => (
        <div className="row-actions">
          <Button variant="secondary" disabled={busy} onClick={() => setEditing(u)} aria-label={`${t('users.editRoles')}: ${u.name}`}>
            {t('users.editRoles')}
          </Button>
          {u.status === 'deactivated' ? (
            <Button variant="secondary" disabled={busy} aria-label={`${t('users.reactivate')}: ${u.name}`}
              onClick={() => void act(() => updateUser(u.id, { status: 'active' }), t('users.reactivatedMsg', { name: u.name }))}>
              {t('users.reactivate')}
            </Button>
          ) : (
            <Button variant="danger" disabled={busy} aria-label={`${t('users.deactivate')}: ${u.name}`}
              onClick={() => void act(() => updateUser(u.id, { status: 'deactivated' }), t('users.deactivatedMsg', { name: u.name }))}>
              {t('users.deactivate')}
            </Button>
          )}
          {u.status === 'invited' ? (
            <Button variant="secondary" disabled={busy} aria-label={`${t('users.reinvite')}: ${u.name}`}
              onClick={() => void act(() => api('POST', `/admin/users/${u.id}/reinvite`), t('users.reinvitedMsg', { email: u.email }))}>
              {t('users.reinvite')}
            </Button>
          ) : null}
        </div>
      ),
    },
  ];

  const data = users.data;
  return (
    <>
      <PageHeader
        title={t('users.title')} intro={t('users.intro')}
        actions={(
          <>
            <ExportMenu path="/admin/users" query={{ ...filter }} total={data?.total} />
            <Link className="btn btn-primary" to="/admin/brugere/inviter">{t('users.invite')}</Link>
          </>
        )}
      />
      <div aria-live="polite">{message ? <Alert tone="success">{message}</Alert> : null}</div>
      {error ? <Alert tone="error">{problem(error)}</Alert> : null}
      <UsersFilter value={filter} organisations={organisations.data ?? []} onChange={(f) => applyFilter(f)} />
      {editing ? <UserRolesEditor user={editing} busy={busy} onSave={(r) => void saveRoles(editing, r)} onCancel={() => setEditing(null)} /> : null}
      {users.loading && !data ? <Spinner label={t('app.loading')} /> : null}
      {users.error ? <Alert tone="error">{problem(users.error)}</Alert> : null}
      {data && data.items.length === 0 ? <EmptyState title={t('users.emptyTitle')}>{t('users.emptyBody')}</EmptyState> : null}
      {data && data.items.length > 0 ? (
        <>
          <Table caption={t('users.caption')} captionHidden columns={columns} rows={data.items} rowKey={(u) => u.id} />
          <Pagination total={data.total} limit={data.limit} offset={data.offset} onChange={(o) => applyFilter(filter, o)} />
        </>
      ) : null}
    </>
  );
}
