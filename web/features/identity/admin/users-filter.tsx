import { useEffect, useState, type FormEvent } from 'react';
import type { Organisation } from '../../../../common/identity';
import { userStatuses } from '../../../../common/roles';
import { Button, Select, TextField } from '../../../components/ui';
import { useT } from '../../../i18n/i18n';

export interface UserFilter { q: string; organisationId: string; status: string }

export function UsersFilter({ value, organisations, onChange }: {
  value: UserFilter; organisations: Organisation[]; onChange(next: UserFilter): void;
}) {
  const { t } = useT();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const submit = (event: FormEvent) => { event.preventDefault(); onChange(draft); };
  return (
    <form role="search" onSubmit={submit} className="search-form card filters-inline">
      <TextField id="user-q" type="search" label={t('users.search')} value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
      <Select
        id="user-organisation" label={t('users.organisation')} emptyLabel={t('common.all')} value={draft.organisationId}
        onChange={(e) => setDraft({ ...draft, organisationId: e.target.value })}
        options={organisations.map((o) => ({ value: o.id, label: o.name }))}
      />
      <Select
        id="user-status" label={t('users.status')} emptyLabel={t('common.all')} value={draft.status}
        onChange={(e) => setDraft({ ...draft, status: e.target.value })}
        options={userStatuses.map((s) => ({ value: s, label: t(`userStatus.${s}`) }))}
      />
      <div className="form-actions"><Button type="submit">{t('common.search')}</Button></div>
    </form>
  );
}
