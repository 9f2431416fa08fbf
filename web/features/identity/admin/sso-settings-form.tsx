import { useState, type FormEvent } from 'react';
import type { Organisation } from '../../../../common/identity';
import { Button, Checkbox, TextField } from '../../../components/ui';
import { useT } from '../../../i18n/i18n';
import type { ApiError } from '../../../lib/api';

export interface SsoFields {
  enabled: boolean; issuer: string | null; clientId: string | null; clientSecret?: string | null; label: string | null;
}

/** OpenID Connect settings; the secret is write-only (an empty field keeps the stored one). */
export function SsoSettingsForm({ organisation, error, busy, onSubmit }: {
  organisation: Organisation; error: ApiError | null; busy: boolean; onSubmit(sso: SsoFields): void;
}) {
  const { t } = useT();
  const [enabled, setEnabled] = useState(organisation.ssoEnabled);
  const [issuer, setIssuer] = useState(organisation.ssoIssuer ?? '');
  const [clientId, setClientId] = useState(organisation.ssoClientId ?? '');
  const [secret, setSecret] = useState('');
  const [label, setLabel] = useState(organisation.ssoLabel ?? '');
  const fieldError = (name: string) => error?.errors.find((e) => e.path === `sso.${name}`)?.message;

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit({
      enabled,
      issuer: issuer.trim() || null,
      clientId: clientId.trim() || null,
      ...(secret ? { clientSecret: secret } : {}),
      label: label.trim() || null,
    });
  }

  return (
    <form onSubmit={submit} noValidate className="form card" aria-labelledby="sso-heading">
      <h2 id="sso-heading">{t('orgs.sso')}</h2>
      <Checkbox id="sso-enabled" label={t('orgs.ssoEnabled')} checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
      <TextField id="sso-issuer" type="url" label={t('orgs.ssoIssuer')} value={issuer} onChange={(e) => setIssuer(e.target.value)} error={fieldError('issuer')} />
      <TextField id="sso-client-id" label={t('orgs.ssoClientId')} value={clientId} onChange={(e) => setClientId(e.target.value)} error={fieldError('clientId')} />
      <TextField
        id="sso-client-secret" type="password" autoComplete="new-password" label={t('orgs.ssoClientSecret')}
        hint={t('orgs.ssoSecretHint')} value={secret} onChange={(e) => setSecret(e.target.value)} error={fieldError('clientSecret')}
      />
      <TextField id="sso-label" label={t('orgs.ssoLabel')} value={label} onChange={(e) => setLabel(e.target.value)} error={fieldError('label')} />
      <div className="form-actions"><Button type="submit" disabled={busy}>{t('common.save')}</Button></div>
    </form>
  );
}
