import { useRef, useState, type FormEvent } from 'react';
import {
  certificates, jobTypes, orderServices, shifts, type Certificate, type JobType, type Order, type OrderCreate, type OrderService,
  type SkillRef,
} from '../../../common/recruitment';
import { Alert, Button, Checkbox, Select, TextField } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';
import { CheckboxGroup, numberText, parseNumber, splitList, TextArea } from './form-parts';
import { certificateLabel, jobTypeLabel, serviceLabel, shiftKey } from './labels';
import { CompanyPicker, OccupationPicker, RefMultiSelect } from './pickers';
import { orderApi, type CompanyHit } from './recruitment-api';

type Shift = (typeof shifts)[number];

/**
 * The job order form (new and edit). Staff pick the company; a company user's company is fixed. "Gem som kladde"
 * keeps the order to the creator; "Opret jobordre" makes it visible to every job centre (`submit: true`, or the
 * move kladde → oprettet when a draft is edited).
 */
export function OrderForm({ order, company: initialCompany, companyFixed, onSaved, onCancel }: {
  order?: Order; company?: CompanyHit | null; companyFixed?: boolean; onSaved(order: Order): void; onCancel(): void;
}) {
  const { t, locale, problem } = useT();
  const [company, setCompany] = useState<CompanyHit | null>(initialCompany ?? null);
  const [title, setTitle] = useState(order?.title ?? '');
  const [description, setDescription] = useState(order?.description ?? '');
  const [occupation, setOccupation] = useState<SkillRef | null>(order ? { uri: order.occupation.uri, label: order.occupation.label } : null);
  const [jobType, setJobType] = useState<JobType>(order?.jobType ?? 'ordinary');
  const [openings, setOpenings] = useState(numberText(order?.openings ?? 1));
  const [hours, setHours] = useState(numberText(order?.hoursPerWeek));
  const [required, setRequired] = useState<SkillRef[]>(order?.requiredSkills ?? []);
  const [wanted, setWanted] = useState<SkillRef[]>(order?.wantedSkills ?? []);
  const [certs, setCerts] = useState<Certificate[]>(order?.certificates ?? []);
  const [languages, setLanguages] = useState((order?.languages ?? []).join(', '));
  const [shiftList, setShiftList] = useState<Shift[]>(order?.shifts ?? []);
  const [startDate, setStartDate] = useState(order?.startDate ?? '');
  const [deadline, setDeadline] = useState(order?.deadline ?? '');
  const [services, setServices] = useState<OrderService[]>(order?.services ?? []);
  const [anonymous, setAnonymous] = useState(order?.anonymousEmployer ?? false);
  const [street, setStreet] = useState(order?.workplaceStreet ?? '');
  const [postalCode, setPostalCode] = useState(order?.workplacePostalCode ?? '');
  const [contactName, setContactName] = useState(order?.contactName ?? '');
  const [contactEmail, setContactEmail] = useState(order?.contactEmail ?? '');
  const [contactPhone, setContactPhone] = useState(order?.contactPhone ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const isDraft = !order || order.status === 'kladde';

  const fail = (e: unknown) => { setError(e); window.setTimeout(() => errorRef.current?.focus(), 0); };
  const invalid = (path: string, message: string) => fail(new ApiError({ status: 422, code: 'validation', detail: message, errors: [{ path, message }] }));

  async function save(submit: boolean) {
    setError(null);
    if (!order && !company) return invalid('companyId', t('recruitment.form.companyRequired'));
    if (title.trim().length < 2) return invalid('title', t('recruitment.form.titleRequired'));
    if (!occupation) return invalid('occupationUri', t('recruitment.form.occupationRequired'));
    const openingsNumber = parseNumber(openings);
    const hoursNumber = parseNumber(hours);
    if (openingsNumber === null || Number.isNaN(openingsNumber) || !Number.isInteger(openingsNumber)) return invalid('openings', t('recruitment.form.openingsInvalid'));
    if (Number.isNaN(hoursNumber)) return invalid('hoursPerWeek', t('recruitment.form.hoursInvalid'));
    if (startDate && deadline && startDate > deadline) return invalid('startDate', t('recruitment.form.startAfterDeadline'));
    const body = {
      title: title.trim(), description: description.trim(), occupationUri: occupation.uri, openings: openingsNumber, jobType,
      requiredSkills: required.map((s) => s.uri), wantedSkills: wanted.map((s) => s.uri), certificates: certs, languages: splitList(languages),
      hoursPerWeek: hoursNumber, shifts: shiftList, startDate: startDate || null, deadline: deadline || null, services,
      anonymousEmployer: anonymous, workplaceStreet: street.trim() || null, workplacePostalCode: postalCode.trim() || null,
      contactName: contactName.trim() || null, contactEmail: contactEmail.trim() || null, contactPhone: contactPhone.trim() || null,
    };
    setBusy(true);
    try {
      if (!order) {
        const create: OrderCreate = { ...body, companyId: company!.id, submit };
        onSaved(await orderApi.create(create));
      } else {
        const saved = await orderApi.update(order.id, body);
        onSaved(submit && saved.status === 'kladde' ? await orderApi.move(order.id, 'oprettet') : saved);
      }
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  const onSubmit = (event: FormEvent) => { event.preventDefault(); void save(true); };
  const apiError = error instanceof ApiError ? error : null;
  const fieldError = (path: string) => apiError?.errors.find((e) => e.path === path || e.path.startsWith(`${path}.`))?.message;
  const f = (name: string) => `order-${name}`;

  return (
    <form onSubmit={onSubmit} noValidate className="form business-form">
      <div ref={errorRef} tabIndex={-1}>{error ? <Alert tone="error">{problem(error)}</Alert> : null}</div>
      {order || companyFixed ? (
        <p><strong>{t('recruitment.order.company')}:</strong> {order?.companyName ?? company?.name ?? ''}</p>
      ) : (
        <CompanyPicker id={f('company')} value={company} onChange={setCompany} error={fieldError('companyId')} />
      )}
      <TextField id={f('title')} label={t('recruitment.order.title')} required value={title} onChange={(e) => setTitle(e.target.value)} error={fieldError('title')} />
      <OccupationPicker id={f('occupation')} label={t('recruitment.order.occupation')} value={occupation} onChange={setOccupation} error={fieldError('occupationUri')} />
      <TextArea id={f('description')} label={t('recruitment.order.description')} value={description} onChange={setDescription} rows={5} error={fieldError('description')} />
      <fieldset className="filters">
        <legend>{t('recruitment.form.jobLegend')}</legend>
        <Select
          id={f('jobType')} label={t('recruitment.order.jobType')} required value={jobType} error={fieldError('jobType')}
          onChange={(e) => setJobType(e.target.value as JobType)} options={jobTypes.map((j) => ({ value: j, label: jobTypeLabel(locale, j) }))}
        />
        <TextField id={f('openings')} label={t('recruitment.order.openings')} inputMode="numeric" required value={openings} onChange={(e) => setOpenings(e.target.value)} error={fieldError('openings')} />
        <TextField id={f('hours')} label={t('recruitment.order.hours')} inputMode="decimal" value={hours} onChange={(e) => setHours(e.target.value)} error={fieldError('hoursPerWeek')} />
        <TextField id={f('startDate')} type="date" label={t('recruitment.order.startDate')} value={startDate} onChange={(e) => setStartDate(e.target.value)} error={fieldError('startDate')} />
        <TextField id={f('deadline')} type="date" label={t('recruitment.order.deadline')} value={deadline} onChange={(e) => setDeadline(e.target.value)} error={fieldError('deadline')} />
      </fieldset>
      <CheckboxGroup id={f('shifts')} legend={t('recruitment.order.shifts')} value={shiftList} onChange={setShiftList} options={shifts.map((s) => ({ value: s, label: t(shiftKey(s)) }))} />
      <RefMultiSelect id={f('requiredSkills')} kind="skills" label={t('recruitment.order.requiredSkills')} value={required} onChange={setRequired} error={fieldError('requiredSkills')} />
      <RefMultiSelect id={f('wantedSkills')} kind="skills" label={t('recruitment.order.wantedSkills')} value={wanted} onChange={setWanted} error={fieldError('wantedSkills')} />
      <CheckboxGroup
        id={f('certificates')} legend={t('recruitment.order.certificates')} hint={t('recruitment.form.certificatesHint')} value={certs} onChange={setCerts}
        options={certificates.map((c) => ({ value: c, label: certificateLabel(locale, c) }))} error={fieldError('certificates')}
      />
      <TextField id={f('languages')} label={t('recruitment.order.languages')} hint={t('recruitment.form.languagesHint')} value={languages} onChange={(e) => setLanguages(e.target.value)} error={fieldError('languages')} />
      <CheckboxGroup id={f('services')} legend={t('recruitment.order.services')} value={services} onChange={setServices} options={orderServices.map((s) => ({ value: s, label: serviceLabel(locale, s) }))} />
      <Checkbox id={f('anonymous')} label={t('recruitment.order.anonymousEmployer')} hint={t('recruitment.form.anonymousHint')} checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
      <fieldset className="filters">
        <legend>{t('recruitment.form.workplaceLegend')}</legend>
        <TextField id={f('street')} label={t('recruitment.order.workplaceStreet')} autoComplete="street-address" value={street} onChange={(e) => setStreet(e.target.value)} error={fieldError('workplaceStreet')} />
        <TextField id={f('postalCode')} label={t('recruitment.order.workplacePostalCode')} inputMode="numeric" maxLength={4} autoComplete="postal-code" value={postalCode} onChange={(e) => setPostalCode(e.target.value)} error={fieldError('workplacePostalCode')} />
      </fieldset>
      <fieldset className="filters">
        <legend>{t('recruitment.form.contactLegend')}</legend>
        <TextField id={f('contactName')} label={t('recruitment.order.contactName')} autoComplete="name" value={contactName} onChange={(e) => setContactName(e.target.value)} error={fieldError('contactName')} />
        <TextField id={f('contactEmail')} type="email" label={t('recruitment.order.contactEmail')} autoComplete="email" value={contactEmail} onChange={(e) => setContactEmail(e.target.value)} error={fieldError('contactEmail')} />
        <TextField id={f('contactPhone')} type="text" inputMode="tel" label={t('recruitment.order.contactPhone')} autoComplete="tel" value={contactPhone} onChange={(e) => setContactPhone(e.target.value)} error={fieldError('contactPhone')} />
      </fieldset>
      <div className="form-actions">
        <Button type="submit" disabled={busy}>{busy ? t('common.saving') : isDraft ? t('recruitment.form.submit') : t('common.save')}</Button>
        {isDraft ? <Button variant="secondary" disabled={busy} onClick={() => void save(false)}>{t('recruitment.form.saveDraft')}</Button> : null}
        <Button variant="link" onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
