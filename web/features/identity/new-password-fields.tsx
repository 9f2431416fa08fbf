import { TextField } from '../../components/ui';
import { useT } from '../../i18n/i18n';

export const minPasswordLength = 12;

/** Client-side check before sending; the server applies the same policy (common/identity.ts). */
export function passwordProblem(password: string, confirm: string): 'reset.tooShort' | 'reset.mismatch' | null {
  if (password.length < minPasswordLength) return 'reset.tooShort';
  if (password !== confirm) return 'reset.mismatch';
  return null;
}

export function NewPasswordFields({ password, confirm, onPassword, onConfirm, passwordError, confirmError }: {
  password: string; confirm: string; onPassword(v: string): void; onConfirm(v: string): void;
  passwordError?: string; confirmError?: string;
}) {
  const { t } = useT();
  return (
    <>
      <TextField
        id="new-password" type="password" autoComplete="new-password" label={t('reset.password')} required
        hint={t('reset.hint')} value={password} onChange={(e) => onPassword(e.target.value)} error={passwordError}
      />
      <TextField
        id="confirm-password" type="password" autoComplete="new-password" label={t('reset.confirm')} required
        value={confirm} onChange={(e) => onConfirm(e.target.value)} error={confirmError}
      />
    </>
  );
}
