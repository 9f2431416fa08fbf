import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Role } from '../../../../common/roles';
import { Alert, Button, PageHeader, Select, TextField } from '../../../components/ui';
import { useT } from '../../../i18n/i18n';
import { api, ApiError } from '../../../lib/api';
import { useAsync } from '../../../lib/use-async';
import { listOrganisations } from './admin-api';
import { RoleCheckboxes } from './role-checkboxes';

export function UserInvitePage() {
  const { t, problem } = useT();
  const navigate = useNavigate();
  const organisations = useAsync(listOrganisations, 'organisations');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('POST', '/admin/users', { email: email.trim(), name: name.trim(), organisationId, roles });
      navigate('/admin/brugere', { state: { flash: t('users.invited', { email: email.trim() }) } });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (path: string) => (error instanceof ApiError ? error.fieldError(path) : undefined);
  return (
    <>
      <p className="back-link"><Link to="/admin/brugere">← {t('users.title')}</Link></p>
      <PageHeader title={t('users.invite')} />
      {error ? <Alert tone="error">{problem(error)}</Alert> : null}
      <form onSubmit={submit} noValidate className="form card">
        <TextField id="invite-email" type="email" autoComplete="off" label={t('users.email')} required value={email} onChange={(e) => setEmail(e.target.value)} error={fieldError('email')} />
        <TextField id="invite-name" autoComplete="off" label={t('users.name')} required value={name} onChange={(e) => setName(e.target.value)} error={fieldError('name')} />
        <Select
          id="invite-organisation" label={t('users.organisation')} required value={organisationId} emptyLabel=""
          onChange={(e) => setOrganisationId(e.target.value)} error={fieldError('organisationId')}
          options={(organisations.data ?? []).filter((o) => o.active).map((o) => ({ value: o.id, label: o.name }))}
        />
        <RoleCheckboxes idPrefix="invite-role" legend={t('users.roles')} value={roles} onChange={setRoles} error={fieldError('roles')} />
        <div className="form-actions"><Button type="submit" disabled={busy}>{t('users.invite')}</Button></div>
      </form>
    </>
  );
}
