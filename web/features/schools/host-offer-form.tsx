import { useRef, useState, type FormEvent } from 'react';
import type { HostOffer, HostOfferCreate, SchoolTheme } from '../../../common/schools';
import { Alert, Button, Checkbox, Select, TextField } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { CompanyPicker, type PickedCompany } from './company-picker';
import { fieldErrorOf, localError, NumberInput, orNull, parseWhole, TextArea, ThemeChoice, useWeeksText, WeeksField } from './form-parts';
import { schoolsApi } from './schools-api';

/**
 * Create or edit a host offer. Staff who read the company register pick the company; a company user offers for
 * their own company. An empty address means the company's (or the P-unit's) address is used.
 */
export function HostOfferForm({ offer, schoolYear, onSaved, onCancel }: {
  offer?: HostOffer; schoolYear: string; onSaved(offer: HostOffer): void; onCancel(): void;
}) {
  const { t, problem } = useT();
  const { can, user } = useSession();
  const municipalities = useAsync(() => schoolsApi.municipalities(), 'municipalities');
  const ownCompany = user?.organisation.companyId ? { id: user.organisation.companyId, name: user.organisation.name } : null;
  const picks = !offer && can('company.read');
  const [company, setCompany] = useState<PickedCompany | null>(offer ? { id: offer.companyId, name: offer.companyName } : picks ? null : ownCompany);
  const weeks = useWeeksText(offer?.weeks ?? []);
  const [perWeek, setPerWeek] = useState(String(offer?.classesPerWeek ?? 1));
  const [maxPupils, setMaxPupils] = useState(offer ? String(offer.maxPupils) : '');
  const [themes, setThemes] = useState<SchoolTheme[]>(offer?.themes ?? []);
  const [street, setStreet] = useState(offer?.street ?? '');
  const [postalCode, setPostalCode] = useState(offer?.postalCode ?? '');
  const [municipality, setMunicipality] = useState(offer?.municipalityCode ? String(offer.municipalityCode) : '');
  const [access, setAccess] = useState(offer?.accessibilityNotes ?? '');
  const [contactName, setContactName] = useState(offer?.contactName ?? '');
  const [contactEmail, setContactEmail] = useState(offer?.contactEmail ?? '');
  const [contactPhone, setContactPhone] = useState(offer?.contactPhone ?? '');
  const [active, setActive] = useState(offer?.active ?? true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  const fail = (e: unknown) => { setError(e); window.setTimeout(() => errorRef.current?.focus(), 0); };
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const w = weeks.parse();
    const per = parseWhole(perWeek);
    const max = parseWhole(maxPupils);
    if (!company) return fail(localError('companyId', t('schools.host.companyRequired')));
    if (w === null) return fail(localError('weeks', t('schools.form.weeksInvalid')));
    if (w.length === 0) return fail(localError('weeks', t('schools.host.weeksRequired')));
    if (per === null || Number.isNaN(per)) return fail(localError('classesPerWeek', t('schools.form.wholeNumber')));
    if (max === null || Number.isNaN(max)) return fail(localError('maxPupils', t('schools.form.wholeNumber')));
    const body: Omit<HostOfferCreate, 'companyId'> = {
      schoolYear: offer?.schoolYear ?? schoolYear, weeks: w, classesPerWeek: per, maxPupils: max, themes,
      street: orNull(street), postalCode: orNull(postalCode), municipalityCode: municipality ? Number(municipality) : null,
      accessibilityNotes: orNull(access), contactName: orNull(contactName), contactEmail: orNull(contactEmail), contactPhone: orNull(contactPhone), active,
    };
    setBusy(true);
    try {
      onSaved(offer ? await schoolsApi.updateHostOffer(offer.id, body) : await schoolsApi.createHostOffer({ ...body, companyId: company.id }));
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
      {picks ? <CompanyPicker id="host-company" label={t('schools.host.company')} value={company} onChange={setCompany} error={fieldError('companyId')} />
        : <p><strong>{t('schools.host.company')}:</strong> {company?.name ?? t('schools.host.noCompany')}</p>}
      <WeeksField id="host-weeks" label={t('schools.host.weeks')} hint={t('schools.host.weeksHint')} text={weeks.text} onChange={weeks.setText}
        error={fieldError('weeks')} required />
      <div className="filters filters-inline">
        <NumberInput id="host-per-week" label={t('schools.host.perWeek')} value={perWeek} onChange={setPerWeek} error={fieldError('classesPerWeek')} required />
        <NumberInput id="host-max-pupils" label={t('schools.host.maxPupils')} hint={t('schools.host.maxPupilsHint')} value={maxPupils} onChange={setMaxPupils}
          error={fieldError('maxPupils')} required />
      </div>
      <ThemeChoice id="host-themes" legend={t('schools.host.themes')} value={themes} onChange={setThemes} error={fieldError('themes')} />
      <fieldset className="filters filters-inline">
        <legend>{t('schools.host.where')}</legend>
        <p className="field-hint" style={{ gridColumn: '1 / -1' }}>{t('schools.host.whereHint')}</p>
        <TextField id="host-street" label={t('schools.street')} value={street} onChange={(e) => setStreet(e.target.value)} error={fieldError('street')} />
        <TextField id="host-postal" label={t('schools.postalCode')} inputMode="numeric" maxLength={4} value={postalCode}
          onChange={(e) => setPostalCode(e.target.value)} error={fieldError('postalCode')} />
        <Select id="host-municipality" label={t('schools.municipality')} value={municipality} emptyLabel={t('schools.host.municipalityFromAddress')}
          onChange={(e) => setMunicipality(e.target.value)} error={fieldError('municipalityCode')}
          options={(municipalities.data?.items ?? []).map((m) => ({ value: String(m.code), label: m.name }))} />
      </fieldset>
      <TextArea id="host-access" label={t('schools.host.accessibility')} hint={t('schools.host.accessibilityHint')} value={access} onChange={setAccess}
        error={fieldError('accessibilityNotes')} />
      <fieldset className="filters filters-inline">
        <legend>{t('schools.host.contact')}</legend>
        <TextField id="host-contact" label={t('schools.host.contactName')} value={contactName} onChange={(e) => setContactName(e.target.value)} />
        <TextField id="host-contact-email" type="email" label={t('schools.host.contactEmail')} hint={t('schools.host.contactEmailHint')} value={contactEmail}
          onChange={(e) => setContactEmail(e.target.value)} error={fieldError('contactEmail')} />
        <TextField id="host-contact-phone" type="tel" label={t('schools.host.contactPhone')} value={contactPhone}
          onChange={(e) => setContactPhone(e.target.value)} error={fieldError('contactPhone')} />
      </fieldset>
      <Checkbox id="host-active" label={t('schools.host.active')} hint={t('schools.host.activeHint')} checked={active} onChange={(e) => setActive(e.target.checked)} />
      <div className="form-actions">
        <Button type="submit" disabled={busy}>{busy ? t('common.saving') : offer ? t('common.save') : t('schools.host.create')}</Button>
        <Button variant="link" onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
