import { useEffect, useState, type FormEvent } from 'react';
import { Button, TextField } from '../../../components/ui';
import { useT } from '../../../i18n/i18n';

export interface AuditFilter { q: string; entity: string; action: string; from: string; to: string }

export function AuditFilterForm({ value, onChange }: { value: AuditFilter; onChange(next: AuditFilter): void }) {
  const { t } = useT();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const set = (key: keyof AuditFilter) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));
  const submit = (event: FormEvent) => { event.preventDefault(); onChange(draft); };
  return (
    <form role="search" onSubmit={submit} className="search-form card filters-inline">
      <TextField id="audit-q" type="search" label={t('audit.q')} value={draft.q} onChange={set('q')} />
      <TextField id="audit-entity" label={t('audit.entity')} value={draft.entity} onChange={set('entity')} />
      <TextField id="audit-action" label={t('audit.action')} value={draft.action} onChange={set('action')} />
      <TextField id="audit-from" type="date" label={t('audit.from')} value={draft.from} onChange={set('from')} />
      <TextField id="audit-to" type="date" label={t('audit.to')} value={draft.to} onChange={set('to')} />
      <div className="form-actions"><Button type="submit">{t('common.search')}</Button></div>
    </form>
  );
}

/** Local calendar days to the instants the API takes; "to" includes the whole day. */
export function dayRange(from: string, to: string): { from?: string; to?: string } {
  const start = from ? new Date(`${from}T00:00:00`) : null;
  const end = to ? new Date(`${to}T00:00:00`) : null;
  if (end) end.setDate(end.getDate() + 1);
  return {
    from: start && !Number.isNaN(start.getTime()) ? start.toISOString() : undefined,
    to: end && !Number.isNaN(end.getTime()) ? new Date(end.getTime() - 1).toISOString() : undefined,
  };
}
