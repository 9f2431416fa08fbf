import { useState, type FormEvent } from 'react';
import type { Organisation } from '../../../../common/identity';
import type { Municipality } from '../../../../common/reference';
import { organisationKinds, type OrganisationKind } from '../../../../common/roles';
import { compareDa } from '../../../../common/text';
import { Button, Select, TextField } from '../../../components/ui';
import { useT } from '../../../i18n/i18n';
import { apiList, type ApiError } from '../../../lib/api';
import { useAsync } from '../../../lib/use-async';

export interface OrganisationFields {
  name: string;
  kind: OrganisationKind;
  municipalityCode: number | null;
  emailDomains: string[];
}

/** Name, kind, municipality and e-mail domains: shared by "create" and "edit". */
export function OrganisationForm({ initial, error, busy, submitLabel, onSubmit }: {
  initial?: Organisation; error: ApiError | null; busy: boolean; submitLabel: string; onSubmit(fields: OrganisationFields): void;
}) {
  const { t } = useT();
  const municipalities = useAsync(
    () => apiList<Municipality>('/reference/municipalities').then((l) => [...l].sort((a, b) => compareDa(a.name, b.name))),
    'municipalities',
  );
  const [name, setName] = useState(initial?.name ?? '');
  const [kind, setKind] = useState<OrganisationKind>(initial?.kind ?? 'business_office');
  const [municipality, setMunicipality] = useState(initial?.municipalityCode ? String(initial.municipalityCode) : '');
  const [domains, setDomains] = useState(initial?.emailDomains.join(', ') ?? '');

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit({
      name: name.trim(),
      kind,
      municipalityCode: municipality ? Number(municipality) : null,
      emailDomains: domains.split(/[,\s]+/).map((d) => d.trim().toLowerCase()).filter(Boolean),
    });
  }

  const fieldError = (path: string) => error?.errors.find((e) => e.path === path || e.path.startsWith(`${path}.`))?.message;
  return (
    <form onSubmit={submit} noValidate className="form card">
      <TextField id="org-name" label={t('orgs.name')} required value={name} onChange={(e) => setName(e.target.value)} error={fieldError('name')} />
      <Select
        id="org-kind" label={t('orgs.kind')} required value={kind} onChange={(e) => setKind(e.target.value as OrganisationKind)}
        options={organisationKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} error={fieldError('kind')}
      />
      <Select
        id="org-municipality" label={t('orgs.municipality')} emptyLabel={t('orgs.noMunicipality')} value={municipality}
        onChange={(e) => setMunicipality(e.target.value)} error={fieldError('municipalityCode')}
        options={(municipalities.data ?? []).map((m) => ({ value: String(m.code), label: m.name }))}
      />
      <TextField
        id="org-domains" label={t('orgs.domains')} hint={t('orgs.domainsHint')} value={domains}
        onChange={(e) => setDomains(e.target.value)} error={fieldError('emailDomains')}
      />
      <div className="form-actions"><Button type="submit" disabled={busy}>{busy ? t('common.saving') : submitLabel}</Button></div>
    </form>
  );
}
