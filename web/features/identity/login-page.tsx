import { useEffect, useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { SessionResponse } from '../../../common/identity';
import { Alert, Button, PageHeader, TextField } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { api, ApiError, toQuery } from '../../lib/api';
import { useSession } from '../../lib/session';
import { safeReturnTo } from './return-to';

interface SsoProvider { organisationId: string; organisationName: string; label: string }

const looksLikeEmail = (value: string) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value.trim());

export function LoginPage() {
  const { t, problem } = useT();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // A new key per failed attempt re-creates the alert, so screen readers announce a repeated message again.
  const [attempts, setAttempts] = useState(0);
  const [providers, setProviders] = useState<SsoProvider[]>([]);
  const fromState = (location.state as { from?: string } | null)?.from;
  const returnTo = safeReturnTo(params.get('returnTo') ?? fromState);

  // SSO buttons depend on the e-mail's domain; asked for only once the address looks complete.
  useEffect(() => {
    if (!looksLikeEmail(email)) { setProviders([]); return; }
    let current = true;
    const timer = setTimeout(() => {
      api<SsoProvider[]>('GET', `/auth/sso/providers${toQuery({ email: email.trim() })}`)
        .then((list) => { if (current) setProviders(Array.isArray(list) ? list : []); })
        .catch(() => { if (current) setProviders([]); });
    }, 300);
    return () => { current = false; clearTimeout(timer); };
  }, [email]);

  if (session.user) return <Navigate to={returnTo} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const response = await api<SessionResponse>('POST', '/auth/login', { email: email.trim(), password });
      session.accept(response);
      navigate(returnTo, { replace: true });
    } catch (e) {
      setError(e);
      setAttempts((n) => n + 1);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (path: string) => (error instanceof ApiError ? error.fieldError(path) : undefined);
  const ssoFailed = params.get('sso') === 'fejl';

  return (
    <div className="narrow">
      <PageHeader title={t('login.title')} intro={t('login.intro')} />
      {ssoFailed ? (
        <Alert tone="error" title={t('login.ssoFailed')}>
          {params.get('grund') ? t('login.ssoReason', { reason: params.get('grund') ?? '' }) : null}
        </Alert>
      ) : null}
      {error ? <Alert key={attempts} tone="error">{problem(error)}</Alert> : null}
      <form onSubmit={submit} noValidate className="form card">
        <TextField
          id="email" type="email" autoComplete="username" label={t('login.email')} required
          value={email} onChange={(e) => setEmail(e.target.value)} error={fieldError('email')}
        />
        <TextField
          id="password" type="password" autoComplete="current-password" label={t('login.password')} required
          value={password} onChange={(e) => setPassword(e.target.value)} error={fieldError('password')}
        />
        <div className="form-actions">
          <Button type="submit" disabled={busy}>{busy ? t('login.busy') : t('login.submit')}</Button>
          <Link to="/glemt-adgangskode">{t('login.forgot')}</Link>
        </div>
      </form>
      <section aria-live="polite" className="sso">
        {providers.length > 0 ? (
          <>
            <h2>{t('login.ssoHeading')}</h2>
            <ul className="plain-list">
              {providers.map((p) => (
                <li key={p.organisationId}>
                  <a
                    className="btn btn-secondary"
                    href={`/api/v1/auth/sso/${encodeURIComponent(p.organisationId)}/start${toQuery({ returnTo })}`}
                  >
                    {t('login.ssoButton', { label: p.label || p.organisationName })}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </div>
  );
}
