import { useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { SessionResponse } from '../../../common/identity';
import { Alert, Button, PageHeader, Spinner, TextField } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { api, ApiError } from '../../lib/api';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { NewPasswordFields, passwordProblem } from './new-password-fields';

interface Invitation { email: string; name: string; organisationName: string }

export function AcceptInvitationPage() {
  const { t, problem } = useT();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { token: pathToken } = useParams();
  const token = params.get('token') ?? pathToken ?? '';
  const invitation = useAsync(
    () => (token ? api<Invitation>('GET', `/auth/invitations/${encodeURIComponent(token)}`) : Promise.reject(new Error('no token'))),
    token,
  );
  const [name, setName] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [localError, setLocalError] = useState<ReturnType<typeof passwordProblem>>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const check = passwordProblem(password, confirm);
    setLocalError(check);
    if (check) return;
    setBusy(true);
    setError(null);
    try {
      const shownName = (name ?? invitation.data?.name ?? '').trim();
      const response = await api<SessionResponse>('POST', '/auth/invitations/accept', {
        token, password, ...(shownName ? { name: shownName } : {}),
      });
      session.accept(response);
      navigate('/', { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const serverError = (path: string) => (error instanceof ApiError ? error.fieldError(path) : undefined);
  return (
    <div className="narrow">
      <PageHeader title={t('invite.title')} />
      {invitation.loading ? <Spinner label={t('app.loading')} /> : null}
      {!invitation.loading && !invitation.data ? <Alert tone="error">{t('invite.invalid')}</Alert> : null}
      {error ? <Alert tone="error">{problem(error)}</Alert> : null}
      {invitation.data ? (
        <form onSubmit={submit} noValidate className="form card">
          <p>{t('invite.intro', { organisation: invitation.data.organisationName, email: invitation.data.email })}</p>
          <TextField
            id="name" autoComplete="name" label={t('invite.name')} required
            value={name ?? invitation.data.name} onChange={(e) => setName(e.target.value)} error={serverError('name')}
          />
          <NewPasswordFields
            password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm}
            passwordError={localError === 'reset.tooShort' ? t(localError) : serverError('password')}
            confirmError={localError === 'reset.mismatch' ? t(localError) : undefined}
          />
          <div className="form-actions"><Button type="submit" disabled={busy}>{t('invite.submit')}</Button></div>
        </form>
      ) : null}
    </div>
  );
}
