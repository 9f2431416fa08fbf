import { useState, type FormEvent } from 'react';
import type { ContactCreate } from '../../../common/engagement';
import { Button, TextField } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import type { ApiError } from '../../lib/api';

/** Name, title, work phone and e-mail, role. Empty optional fields are left out, not sent as "". */
export function ContactForm({ busy, error, onSubmit }: { busy: boolean; error: ApiError | null; onSubmit(draft: ContactCreate): void }) {
  const { t } = useT();
  const [fields, setFields] = useState({ name: '', title: '', phone: '', email: '', role: '' });
  const set = (key: keyof typeof fields) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [key]: e.target.value }));
  const fieldError = (path: string) => error?.fieldError(path);
  const optional = (value: string) => value.trim() || undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit({
      name: fields.name.trim(), title: optional(fields.title), phone: optional(fields.phone),
      email: optional(fields.email), role: optional(fields.role),
    });
  }

  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="contact-add-heading">
      <TextField id="contact-name" label={t('contacts.name')} required value={fields.name} onChange={set('name')} error={fieldError('name')} autoComplete="off" />
      <TextField id="contact-title" label={t('contacts.jobTitle')} value={fields.title} onChange={set('title')} error={fieldError('title')} autoComplete="off" />
      <TextField id="contact-phone" inputMode="tel" label={t('contacts.phone')} value={fields.phone} onChange={set('phone')} error={fieldError('phone')} autoComplete="off" />
      <TextField id="contact-email" type="email" label={t('contacts.email')} value={fields.email} onChange={set('email')} error={fieldError('email')} autoComplete="off" />
      <TextField id="contact-role" label={t('contacts.role')} hint={t('contacts.roleHint')} value={fields.role} onChange={set('role')} error={fieldError('role')} autoComplete="off" />
      <div className="form-actions"><Button type="submit" disabled={busy}>{busy ? t('common.saving') : t('contacts.add')}</Button></div>
    </form>
  );
}
