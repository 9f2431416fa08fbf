import { useRef, useState, type FormEvent } from 'react';
import { schoolKinds, type School, type SchoolKind } from '../../../common/schools';
import { Alert, Button, Select, TextField } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useAsync } from '../../lib/use-async';
import { fieldErrorOf, localError, orNull } from './form-parts';
import { kindLabel } from './labels';
import { schoolsApi } from './schools-api';

/** Register a school: name, kind, municipality and address (the address places it for the distance to hosts). */
export function SchoolForm({ onSaved, onCancel }: { onSaved(school: School): void; onCancel(): void }) {
  const { t, problem, locale } = useT();
  const municipalities = useAsync(() => schoolsApi.municipalities(), 'municipalities');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<SchoolKind>('folkeskole');
  const [municipality, setMunicipality] = useState('');
  const [street, setStreet] = useState('');
  const [postalCode, setPostalCode] = useState('');
  const [contactName, setContactName] = useState('');
  const [contactEmail, setContactEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  const fail = (e: unknown) => { setError(e); window.setTimeout(() => errorRef.current?.focus(), 0); };
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!name.trim()) return fail(localError('name', t('schools.school.nameRequired')));
    if (!municipality) return fail(localError('municipalityCode', t('schools.school.municipalityRequired')));
    setBusy(true);
    try {
      onSaved(await schoolsApi.createSchool({
        name: name.trim(), kind, municipalityCode: Number(municipality), street: orNull(street), postalCode: orNull(postalCode),
        contactName: orNull(contactName), contactEmail: orNull(contactEmail),
      }));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = fieldErrorOf(error);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="form">
      <div ref={errorRef} tabIndex={-1}>{error ? <Alert tone="error">{problem(error)}</Alert> : null}</div>
      <div className="filters filters-inline">
        <TextField id="school-name" label={t('schools.school.name')} required value={name} onChange={(e) => setName(e.target.value)} error={fieldError('name')} />
        <Select id="school-kind" label={t('schools.school.kind')} value={kind} onChange={(e) => setKind(e.target.value as SchoolKind)}
          options={schoolKinds.map((k) => ({ value: k, label: kindLabel(locale, k) }))} error={fieldError('kind')} />
        <Select id="school-municipality" label={t('schools.municipality')} required value={municipality} emptyLabel={t('schools.chooseMunicipality')}
          onChange={(e) => setMunicipality(e.target.value)} error={fieldError('municipalityCode')}
          options={(municipalities.data?.items ?? []).map((m) => ({ value: String(m.code), label: m.name }))} />
        <TextField id="school-street" label={t('schools.street')} value={street} onChange={(e) => setStreet(e.target.value)} error={fieldError('street')} />
        <TextField id="school-postal" label={t('schools.postalCode')} inputMode="numeric" value={postalCode} maxLength={4}
          onChange={(e) => setPostalCode(e.target.value)} error={fieldError('postalCode')} />
        <TextField id="school-contact" label={t('schools.school.contactName')} value={contactName} onChange={(e) => setContactName(e.target.value)} />
        <TextField id="school-contact-email" type="email" label={t('schools.school.contactEmail')} value={contactEmail}
          onChange={(e) => setContactEmail(e.target.value)} error={fieldError('contactEmail')} />
      </div>
      <div className="form-actions">
        <Button type="submit" disabled={busy}>{busy ? t('common.saving') : t('schools.school.create')}</Button>
        <Button variant="link" onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
