import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Alert, Button, PageHeader, TextField } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { api, ApiError } from '../../lib/api';

export function ForgotPasswordPage() {
  const { t, problem } = useT();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('POST', '/auth/password-reset', { email: email.trim() });
      setSent(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="narrow">
      <PageHeader title={t('forgot.title')} intro={t('forgot.intro')} />
      {sent ? <Alert tone="success">{t('forgot.sent')}</Alert> : null}
      {error ? <Alert tone="error">{problem(error)}</Alert> : null}
      {!sent ? (
        <form onSubmit={submit} noValidate className="form card">
          <TextField
            id="email" type="email" autoComplete="email" label={t('login.email')} required
            value={email} onChange={(e) => setEmail(e.target.value)}
            error={error instanceof ApiError ? error.fieldError('email') : undefined}
          />
          <div className="form-actions">
            <Button type="submit" disabled={busy}>{t('forgot.submit')}</Button>
          </div>
        </form>
      ) : null}
      <p><Link to="/login">{t('forgot.back')}</Link></p>
    </div>
  );
}
