import { useState } from 'react';
import { Button } from '../../components/ui';
import { describedBy, Field } from '../../components/ui/field';
import { useT } from '../../i18n/i18n';

/** "0101901234" or "010190-1234" as typed → "010190-1234" once six digits are in. */
export function formatCpr(text: string): string {
  const digits = text.replace(/\D/g, '').slice(0, 10);
  return digits.length > 6 ? `${digits.slice(0, 6)}-${digits.slice(6)}` : digits;
}

/**
 * The CPR number, masked like a password while typed (people look over shoulders at job centres); "Vis" shows it.
 * The browser is told not to remember it.
 */
export function CprInput({ id, value, onChange, error, hint }: { id: string; value: string; onChange(value: string): void; error?: string; hint?: string }) {
  const { t } = useT();
  const [shown, setShown] = useState(false);
  return (
    <Field id={id} label={t('recruitment.candidate.cpr')} hint={hint ?? t('recruitment.candidate.cprHint')} error={error}>
      <span style={{ display: 'flex', gap: '0.5rem', alignItems: 'center' }}>
        <input
          id={id} name={id} type={shown ? 'text' : 'password'} inputMode="numeric" autoComplete="off" spellCheck={false}
          value={value} onChange={(e) => onChange(formatCpr(e.target.value))} maxLength={11} placeholder="DDMMÅÅ-XXXX"
          aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, true, error)} style={{ maxWidth: '12rem' }}
        />
        <Button variant="link" aria-pressed={shown} aria-controls={id} onClick={() => setShown((s) => !s)}>
          {shown ? t('recruitment.candidate.cprHide') : t('recruitment.candidate.cprShow')}
        </Button>
      </span>
    </Field>
  );
}
