import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { User } from '../../../../common/identity';
import type { Role } from '../../../../common/roles';
import { Button } from '../../../components/ui';
import { useT } from '../../../i18n/i18n';
import { RoleCheckboxes } from './role-checkboxes';

/** Inline editor shown below the user list; focus moves to it so keyboard users land in it. */
export function UserRolesEditor({ user, busy, onSave, onCancel }: {
  user: User; busy: boolean; onSave(roles: Role[]): void; onCancel(): void;
}) {
  const { t } = useT();
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => { heading.current?.focus(); }, [user.id]);
  const submit = (event: FormEvent) => { event.preventDefault(); onSave(roles); };
  return (
    <form onSubmit={submit} className="form card" aria-labelledby="roles-heading">
      <h2 id="roles-heading" tabIndex={-1} ref={heading}>{t('users.editRolesFor', { name: user.name })}</h2>
      <RoleCheckboxes idPrefix="edit-role" legend={t('users.roles')} value={roles} onChange={setRoles} />
      <div className="form-actions">
        <Button type="submit" disabled={busy || roles.length === 0}>{t('common.save')}</Button>
        <Button variant="secondary" onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
