import { roles, type Role } from '../../../../common/roles';
import { Checkbox } from '../../../components/ui';
import { useT } from '../../../i18n/i18n';

/** One checkbox per role in a fieldset, so the group has a name for screen readers. */
export function RoleCheckboxes({ idPrefix, legend, value, onChange, error }: {
  idPrefix: string; legend: string; value: readonly Role[]; onChange(next: Role[]): void; error?: string;
}) {
  const { t } = useT();
  const toggle = (role: Role, on: boolean) => onChange(on ? [...value, role] : value.filter((r) => r !== role));
  return (
    <fieldset className="roles" aria-describedby={error ? `${idPrefix}-error` : undefined}>
      <legend>{legend}</legend>
      {roles.map((role) => (
        <Checkbox
          key={role} id={`${idPrefix}-${role}`} label={t(`role.${role}`)}
          checked={value.includes(role)} onChange={(e) => toggle(role, e.target.checked)}
        />
      ))}
      {error ? <p id={`${idPrefix}-error`} className="field-error">{error}</p> : null}
    </fieldset>
  );
}
