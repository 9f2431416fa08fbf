import { useRef, useState, type FormEvent } from 'react';
import {
  agreementActivities, agreementStatuses, type Agreement, type AgreementActivity, type AgreementCreate, type AgreementStatus,
} from '../../../common/schools';
import { Alert, Button, Checkbox, Select, TextField } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useAsync } from '../../lib/use-async';
import { CompanyPicker, type PickedCompany } from './company-picker';
import { fieldErrorOf, localError, orNull, TextArea } from './form-parts';
import { activityLabel, agreementStatusLabel, todayIso } from './labels';
import { schoolsApi } from './schools-api';

/** A collaboration agreement: a school of the register (or another institution) with a company, what, when and who. */
export function AgreementForm({ agreement, onSaved, onCancel }: { agreement?: Agreement; onSaved(a: Agreement): void; onCancel(): void }) {
  const { t, problem, locale } = useT();
  const schools = useAsync(() => schoolsApi.schools(), 'schools');
  const municipalities = useAsync(() => schoolsApi.municipalities(), 'municipalities');
  const [partyKind, setPartyKind] = useState<'school' | 'institution'>(agreement && !agreement.schoolId ? 'institution' : 'school');
  const [schoolId, setSchoolId] = useState(agreement?.schoolId ?? '');
  const [institution, setInstitution] = useState(agreement?.institutionName ?? '');
  const [municipality, setMunicipality] = useState(agreement && !agreement.schoolId ? String(agreement.municipalityCode) : '');
  const [company, setCompany] = useState<PickedCompany | null>(agreement ? { id: agreement.companyId, name: agreement.companyName } : null);
  const [grades, setGrades] = useState((agreement?.gradeLevels ?? ['7']).join(', '));
  const [activities, setActivities] = useState<AgreementActivity[]>(agreement?.activities ?? ['visits']);
  const [from, setFrom] = useState(agreement?.periodFrom ?? todayIso());
  const [to, setTo] = useState(agreement?.periodTo ?? '');
  const [status, setStatus] = useState<AgreementStatus>(agreement?.status ?? 'active');
  const [schoolContact, setSchoolContact] = useState(agreement?.schoolContact ?? '');
  const [companyContact, setCompanyContact] = useState(agreement?.companyContact ?? '');
  const [notes, setNotes] = useState(agreement?.notes ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  const fail = (e: unknown) => { setError(e); window.setTimeout(() => errorRef.current?.focus(), 0); };
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (partyKind === 'school' && !schoolId) return fail(localError('schoolId', t('schools.agreement.schoolRequired')));
    if (partyKind === 'institution' && !institution.trim()) return fail(localError('institutionName', t('schools.agreement.institutionRequired')));
    if (partyKind === 'institution' && !municipality) return fail(localError('municipalityCode', t('schools.school.municipalityRequired')));
    if (!company) return fail(localError('companyId', t('schools.host.companyRequired')));
    if (activities.length === 0) return fail(localError('activities', t('schools.agreement.activitiesRequired')));
    const body: AgreementCreate = {
      schoolId: partyKind === 'school' ? schoolId : null, institutionName: partyKind === 'institution' ? institution.trim() : null,
      municipalityCode: partyKind === 'institution' ? Number(municipality) : null, companyId: company.id,
      gradeLevels: grades.split(/[,;]+/).map((g) => g.trim()).filter(Boolean), activities, periodFrom: from, periodTo: to || null, status,
      schoolContact: orNull(schoolContact), companyContact: orNull(companyContact), notes: orNull(notes),
    };
    setBusy(true);
    try {
      onSaved(agreement ? await schoolsApi.updateAgreement(agreement.id, body) : await schoolsApi.createAgreement(body));
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
      <fieldset>
        <legend>{t('schools.agreement.party')}</legend>
        {(['school', 'institution'] as const).map((k) => (
          <div className="checkbox" key={k}>
            <input id={`agreement-party-${k}`} type="radio" name="agreement-party" checked={partyKind === k} onChange={() => setPartyKind(k)} />
            <label htmlFor={`agreement-party-${k}`}>{t(k === 'school' ? 'schools.agreement.partySchool' : 'schools.agreement.partyInstitution')}</label>
          </div>
        ))}
        <div className="filters filters-inline" style={{ marginTop: '0.75rem' }}>
          {partyKind === 'school' ? (
            <Select id="agreement-school" label={t('schools.class.school')} required value={schoolId} emptyLabel={t('schools.class.chooseSchool')}
              onChange={(e) => setSchoolId(e.target.value)} error={fieldError('schoolId')}
              options={(schools.data?.items ?? []).map((s) => ({ value: s.id, label: s.municipalityName ? `${s.name} (${s.municipalityName})` : s.name }))} />
          ) : (
            <>
              <TextField id="agreement-institution" label={t('schools.agreement.institution')} required value={institution}
                onChange={(e) => setInstitution(e.target.value)} error={fieldError('institutionName')} />
              <Select id="agreement-municipality" label={t('schools.municipality')} required value={municipality} emptyLabel={t('schools.chooseMunicipality')}
                onChange={(e) => setMunicipality(e.target.value)} error={fieldError('municipalityCode')}
                options={(municipalities.data?.items ?? []).map((m) => ({ value: String(m.code), label: m.name }))} />
            </>
          )}
        </div>
      </fieldset>
      {agreement ? <p><strong>{t('schools.agreement.company')}:</strong> {agreement.companyName}</p>
        : <CompanyPicker id="agreement-company" label={t('schools.agreement.company')} value={company} onChange={setCompany} error={fieldError('companyId')} />}
      <TextField id="agreement-grades" label={t('schools.agreement.gradeLevels')} hint={t('schools.agreement.gradeLevelsHint')} value={grades}
        onChange={(e) => setGrades(e.target.value)} error={fieldError('gradeLevels')} />
      <fieldset aria-describedby={fieldError('activities') ? 'agreement-activities-error' : undefined}>
        <legend>{t('schools.agreement.activities')}</legend>
        {agreementActivities.map((a) => (
          <Checkbox key={a} id={`agreement-activity-${a}`} label={activityLabel(locale, a)} checked={activities.includes(a)}
            onChange={(e) => setActivities((l) => (e.target.checked ? [...l, a] : l.filter((x) => x !== a)))} />
        ))}
        {fieldError('activities') ? <p id="agreement-activities-error" className="field-error">{fieldError('activities')}</p> : null}
      </fieldset>
      <div className="filters filters-inline">
        <TextField id="agreement-from" type="date" label={t('schools.agreement.from')} required value={from} onChange={(e) => setFrom(e.target.value)} error={fieldError('periodFrom')} />
        <TextField id="agreement-to" type="date" label={t('schools.agreement.to')} hint={t('schools.agreement.toHint')} value={to}
          onChange={(e) => setTo(e.target.value)} error={fieldError('periodTo')} />
        <Select id="agreement-status" label={t('schools.agreement.status')} value={status} onChange={(e) => setStatus(e.target.value as AgreementStatus)}
          options={agreementStatuses.map((s) => ({ value: s, label: agreementStatusLabel(locale, s) }))} hint={t('schools.agreement.statusHint')} />
        <TextField id="agreement-school-contact" label={t('schools.agreement.schoolContact')} value={schoolContact} onChange={(e) => setSchoolContact(e.target.value)} />
        <TextField id="agreement-company-contact" label={t('schools.agreement.companyContact')} value={companyContact} onChange={(e) => setCompanyContact(e.target.value)} />
      </div>
      <TextArea id="agreement-notes" label={t('schools.agreement.notes')} value={notes} onChange={setNotes} error={fieldError('notes')} />
      <div className="form-actions">
        <Button type="submit" disabled={busy}>{busy ? t('common.saving') : agreement ? t('common.save') : t('schools.agreement.create')}</Button>
        <Button variant="link" onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
