import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert, Button, PageHeader } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { api, ApiError } from '../../lib/api';
import { NewPasswordFields, passwordProblem } from './new-password-fields';

export function ResetPasswordPage() {
  const { t, problem } = useT();
  const [params] = useSearchParams();
  const { token: pathToken } = useParams();
  const token = params.get('token') ?? pathToken ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [localError, setLocalError] = useState<ReturnType<typeof passwordProblem>>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const check = passwordProblem(password, confirm);
    setLocalError(check);
    if (check) return;
    setBusy(true);
    setError(null);
    try {
      await api('POST', '/auth/password-reset/confirm', { token, password });
      setDone(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const serverPasswordError = error instanceof ApiError ? error.fieldError('password') : undefined;
  return (
    <div className="narrow">
      <PageHeader title={t('reset.title')} />
      {!token ? <Alert tone="error">{t('reset.missingToken')}</Alert> : null}
      {error ? <Alert tone="error">{problem(error)}</Alert> : null}
      {done ? (
        <Alert tone="success">
          {t('reset.done')} <Link to="/login">{t('login.submit')}</Link>
        </Alert>
      ) : token ? (
        <form onSubmit={submit} noValidate className="form card">
          <NewPasswordFields
            password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm}
            passwordError={localError === 'reset.tooShort' ? t(localError) : serverPasswordError}
            confirmError={localError === 'reset.mismatch' ? t(localError) : undefined}
          />
          <div className="form-actions"><Button type="submit" disabled={busy}>{t('reset.submit')}</Button></div>
        </form>
      ) : (
        <p><Link to="/glemt-adgangskode">{t('forgot.title')}</Link></p>
      )}
    </div>
  );
}
