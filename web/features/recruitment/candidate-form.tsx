import { useRef, useState, type FormEvent } from 'react';
import {
  certificates, educationLevels, targetGroups, type CandidateIdentity, type CandidateProfile, type Certificate, type EducationLevel,
  type SkillRef,
} from '../../../common/recruitment';
import { Alert, Button, Checkbox, Select, TextField } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';
import { CprInput } from './cpr-input';
import { CheckboxGroup, numberText, parseNumber, splitList, TextArea } from './form-parts';
import { certificateLabel, educationKey, targetGroupKey } from './labels';
import { RefMultiSelect } from './pickers';
import { candidateApi } from './recruitment-api';

type TargetGroup = (typeof targetGroups)[number];

/** A candidate of the own job centre: new, or edited with the identity read for "rettelse af oplysninger". */
export function CandidateForm({ profile, identity, onSaved, onCancel }: {
  profile?: CandidateProfile; identity?: CandidateIdentity; onSaved(candidate: CandidateProfile): void; onCancel(): void;
}) {
  const { t, locale, problem } = useT();
  const [name, setName] = useState(identity?.name ?? '');
  const [email, setEmail] = useState(identity?.email ?? '');
  const [phone, setPhone] = useState(identity?.phone ?? '');
  const [cpr, setCpr] = useState('');
  const [externalRef, setExternalRef] = useState(identity?.externalRef ?? '');
  const [cvText, setCvText] = useState(identity?.cvText ?? '');
  const [occupations, setOccupations] = useState<SkillRef[]>(profile?.occupations ?? []);
  const [skills, setSkills] = useState<SkillRef[]>(profile?.skills ?? []);
  const [certs, setCerts] = useState<Certificate[]>(profile?.certificates ?? []);
  const [education, setEducation] = useState<EducationLevel | ''>(profile?.educationLevel ?? '');
  const [languages, setLanguages] = useState((profile?.languages ?? []).join(', '));
  const [postalCode, setPostalCode] = useState(profile?.postalCode ?? '');
  const [commute, setCommute] = useState(numberText(profile?.maxCommuteKm ?? 40));
  const [availableFrom, setAvailableFrom] = useState(profile?.availableFrom ?? '');
  const [hours, setHours] = useState(numberText(profile?.hoursPerWeek));
  const [targetGroup, setTargetGroup] = useState<TargetGroup | ''>(profile?.targetGroup ?? '');
  const [active, setActive] = useState(profile?.active ?? true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  const fail = (e: unknown) => { setError(e); window.setTimeout(() => errorRef.current?.focus(), 0); };
  const invalid = (path: string, message: string) => fail(new ApiError({ status: 422, code: 'validation', detail: message, errors: [{ path, message }] }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!name.trim()) return invalid('name', t('recruitment.candidateForm.nameRequired'));
    if (occupations.length === 0) return invalid('occupations', t('recruitment.candidateForm.occupationRequired'));
    if (!/^\d{4}$/.test(postalCode.trim())) return invalid('postalCode', t('recruitment.candidateForm.postalCodeInvalid'));
    if (cpr && !/^\d{6}-\d{4}$/.test(cpr)) return invalid('cpr', t('recruitment.candidateForm.cprInvalid'));
    const commuteKm = parseNumber(commute);
    const hoursNumber = parseNumber(hours);
    if (commuteKm === null || Number.isNaN(commuteKm) || !Number.isInteger(commuteKm)) return invalid('maxCommuteKm', t('recruitment.candidateForm.commuteInvalid'));
    if (Number.isNaN(hoursNumber)) return invalid('hoursPerWeek', t('recruitment.form.hoursInvalid'));
    const body = {
      name: name.trim(), email: email.trim() || null, phone: phone.trim() || null, externalRef: externalRef.trim() || null,
      cvText: cvText.trim() || null, occupations: occupations.map((o) => o.uri), skills: skills.map((s) => s.uri), certificates: certs,
      educationLevel: education || null, languages: splitList(languages), postalCode: postalCode.trim(), maxCommuteKm: commuteKm,
      availableFrom: availableFrom || null, hoursPerWeek: hoursNumber, targetGroup: targetGroup || null,
      ...(cpr ? { cpr } : {}),
    };
    setBusy(true);
    try {
      onSaved(profile ? await candidateApi.update(profile.id, { ...body, active }) : await candidateApi.create(body));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  const apiError = error instanceof ApiError ? error : null;
  const fieldError = (path: string) => apiError?.errors.find((e) => e.path === path || e.path.startsWith(`${path}.`))?.message;
  const f = (n: string) => `candidate-${n}`;

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="form business-form">
      <div ref={errorRef} tabIndex={-1}>{error ? <Alert tone="error">{problem(error)}</Alert> : null}</div>
      <fieldset>
        <legend>{t('recruitment.candidateForm.identityLegend')}</legend>
        <p className="field-hint">{t('recruitment.candidateForm.identityHint')}</p>
        <TextField id={f('name')} label={t('recruitment.candidate.name')} required autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} error={fieldError('name')} />
        <CprInput
          id={f('cpr')} value={cpr} onChange={setCpr} error={fieldError('cpr')}
          hint={identity?.cpr ? t('recruitment.candidateForm.cprKeep', { masked: identity.cpr }) : undefined}
        />
        <TextField id={f('email')} type="email" label={t('recruitment.candidate.email')} autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} error={fieldError('email')} />
        <TextField id={f('phone')} type="text" inputMode="tel" label={t('recruitment.candidate.phone')} autoComplete="off" value={phone} onChange={(e) => setPhone(e.target.value)} error={fieldError('phone')} />
        <TextField id={f('externalRef')} label={t('recruitment.candidate.externalRef')} value={externalRef} onChange={(e) => setExternalRef(e.target.value)} error={fieldError('externalRef')} />
        <TextArea id={f('cv')} label={t('recruitment.candidate.cv')} hint={t('recruitment.candidateForm.cvHint')} rows={6} value={cvText} onChange={setCvText} error={fieldError('cvText')} />
      </fieldset>
      <RefMultiSelect id={f('occupations')} kind="occupations" label={t('recruitment.candidate.occupations')} hint={t('recruitment.candidateForm.occupationsHint')} value={occupations} onChange={setOccupations} error={fieldError('occupations')} />
      <RefMultiSelect id={f('skills')} kind="skills" label={t('recruitment.candidate.skills')} value={skills} onChange={setSkills} error={fieldError('skills')} />
      <CheckboxGroup id={f('certificates')} legend={t('recruitment.order.certificates')} value={certs} onChange={setCerts} options={certificates.map((c) => ({ value: c, label: certificateLabel(locale, c) }))} />
      <fieldset className="filters">
        <legend>{t('recruitment.candidateForm.profileLegend')}</legend>
        <Select
          id={f('education')} label={t('recruitment.candidate.education')} emptyLabel={t('recruitment.candidateForm.notStated')} value={education}
          onChange={(e) => setEducation(e.target.value as EducationLevel | '')} options={educationLevels.map((l) => ({ value: l, label: t(educationKey(l)) }))}
        />
        <Select
          id={f('targetGroup')} label={t('recruitment.candidate.targetGroup')} emptyLabel={t('recruitment.candidateForm.notStated')} value={targetGroup}
          onChange={(e) => setTargetGroup(e.target.value as TargetGroup | '')} options={targetGroups.map((g) => ({ value: g, label: t(targetGroupKey(g)) }))}
        />
        <TextField id={f('postalCode')} label={t('recruitment.candidate.postalCode')} required inputMode="numeric" maxLength={4} value={postalCode} onChange={(e) => setPostalCode(e.target.value)} error={fieldError('postalCode')} />
        <TextField id={f('commute')} label={t('recruitment.candidate.maxCommute')} inputMode="numeric" value={commute} onChange={(e) => setCommute(e.target.value)} error={fieldError('maxCommuteKm')} />
        <TextField id={f('availableFrom')} type="date" label={t('recruitment.candidate.availableFrom')} value={availableFrom} onChange={(e) => setAvailableFrom(e.target.value)} error={fieldError('availableFrom')} />
        <TextField id={f('hours')} label={t('recruitment.order.hours')} inputMode="decimal" value={hours} onChange={(e) => setHours(e.target.value)} error={fieldError('hoursPerWeek')} />
      </fieldset>
      <TextField id={f('languages')} label={t('recruitment.order.languages')} hint={t('recruitment.form.languagesHint')} value={languages} onChange={(e) => setLanguages(e.target.value)} error={fieldError('languages')} />
      {profile ? <Checkbox id={f('active')} label={t('recruitment.candidateForm.active')} hint={t('recruitment.candidateForm.activeHint')} checked={active} onChange={(e) => setActive(e.target.checked)} /> : null}
      <div className="form-actions">
        <Button type="submit" disabled={busy}>{busy ? t('common.saving') : profile ? t('common.save') : t('recruitment.candidateForm.create')}</Button>
        <Button variant="link" onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
