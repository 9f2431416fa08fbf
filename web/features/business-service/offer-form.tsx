import { useRef, useState, type FormEvent } from 'react';
import {
  defaultResponseDays, offerFinancings, offerRuleIssues, offerStatuses, segments, type FieldIssue, type Offer, type OfferCreate,
  type OfferFinancing, type OfferStatus, type Segment,
} from '../../../common/business-service';
import { engagementThemes, type EngagementTheme } from '../../../common/engagement';
import { Alert, Button, Checkbox, Select, TextField } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';
import { useAsync } from '../../lib/use-async';
import { businessApi } from './business-api';
import { financingKey, offerStatusKey, segmentKey, themeKey } from './labels';
import { NumberField, numberText, parseNumber, TextArea } from './offer-form-fields';

const numericFields = [
  'minEmployees', 'maxEmployees', 'minTurnoverDkk', 'minCompanyAgeYears', 'maxCompanyAgeYears', 'coFinancingRate', 'capacityPerQuarter', 'responseDays',
] as const;
type NumericField = (typeof numericFields)[number];

/**
 * Create or edit an offer. Rules between fields (employee range, co-financing rate, period) are checked
 * here first with the server's own rule function; the server's messages are shown at their fields.
 */
export function OfferForm({ offer, chooseProvider, onSaved, onCancel }: {
  offer?: Offer; chooseProvider: boolean; onSaved(offer: Offer): void; onCancel(): void;
}) {
  const { t, problem } = useT();
  const providers = useAsync(() => (chooseProvider ? businessApi.providers() : Promise.resolve({ items: [] })), `providers-${chooseProvider}`);
  const places = useAsync(async () => {
    const [regions, municipalities] = await Promise.all([businessApi.regions(), businessApi.municipalities()]);
    return { regions: regions.items, municipalities: municipalities.items };
  }, 'offer-form-places');
  const inRegions = (code: number, regions: readonly number[]) =>
    regions.includes(places.data?.municipalities.find((m) => m.code === code)?.regionCode ?? -1);

  const [providerId, setProviderId] = useState(offer?.provider.id ?? '');
  const [title, setTitle] = useState(offer?.title ?? '');
  const [description, setDescription] = useState(offer?.description ?? '');
  const [themes, setThemes] = useState<EngagementTheme[]>(offer?.themes ?? []);
  const [industries, setIndustries] = useState((offer?.industries ?? []).join(', '));
  const [regions, setRegions] = useState<number[]>(offer?.regions ?? []);
  // The municipalities chosen one by one: those not covered by a chosen region.
  const [municipalities, setMunicipalities] = useState<number[] | null>(offer ? null : []);
  const [segment, setSegment] = useState<Segment | ''>(offer?.segment ?? '');
  const [financing, setFinancing] = useState<OfferFinancing>(offer?.financing ?? 'free');
  const [activeFrom, setActiveFrom] = useState(offer?.activeFrom ?? '');
  const [activeTo, setActiveTo] = useState(offer?.activeTo ?? '');
  const [url, setUrl] = useState(offer?.virksomhedsguidenUrl ?? '');
  const [status, setStatus] = useState<OfferStatus>(offer?.status ?? 'published');
  const [numbers, setNumbers] = useState<Record<NumericField, string>>(() => ({
    minEmployees: numberText(offer?.minEmployees), maxEmployees: numberText(offer?.maxEmployees), minTurnoverDkk: numberText(offer?.minTurnoverDkk),
    minCompanyAgeYears: numberText(offer?.minCompanyAgeYears), maxCompanyAgeYears: numberText(offer?.maxCompanyAgeYears),
    coFinancingRate: numberText(offer?.coFinancingRate), capacityPerQuarter: numberText(offer?.capacityPerQuarter),
    responseDays: numberText(offer?.responseDays ?? defaultResponseDays),
  }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const single = municipalities ?? (places.data && offer ? offer.municipalities.filter((m) => !inRegions(m, offer.regions)) : []);

  const fail = (e: unknown) => { setError(e); window.setTimeout(() => errorRef.current?.focus(), 0); };
  const invalid = (errors: FieldIssue[]) => fail(new ApiError({ status: 422, code: 'invalid_offer', detail: errors[0].message, errors }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const parsed = Object.fromEntries(numericFields.map((f) => [f, parseNumber(numbers[f])])) as Record<NumericField, number | null>;
    const notNumbers = numericFields.filter((f) => Number.isNaN(parsed[f]));
    if (notNumbers.length) return invalid(notNumbers.map((path) => ({ path, message: t('offerForm.notANumber') })));
    if (!title.trim()) return invalid([{ path: 'title', message: t('offerForm.titleRequired') }]);
    if (themes.length === 0) return invalid([{ path: 'themes', message: t('offerForm.themesRequired') }]);
    if (chooseProvider && !providerId) return invalid([{ path: 'providerId', message: t('offerForm.providerRequired') }]);
    const body: OfferCreate = {
      ...(chooseProvider ? { providerId } : {}),
      title: title.trim(), description: description.trim(), themes,
      industries: industries.split(/[,;\s]+/).map((s) => s.trim()).filter(Boolean), regions, municipalities: single,
      segment: segment || null, financing, coFinancingRate: financing === 'co_financed' ? parsed.coFinancingRate : null,
      minEmployees: parsed.minEmployees, maxEmployees: parsed.maxEmployees, minTurnoverDkk: parsed.minTurnoverDkk,
      minCompanyAgeYears: parsed.minCompanyAgeYears, maxCompanyAgeYears: parsed.maxCompanyAgeYears, capacityPerQuarter: parsed.capacityPerQuarter,
      activeFrom: activeFrom || null, activeTo: activeTo || null, virksomhedsguidenUrl: url.trim() || null,
      responseDays: parsed.responseDays ?? defaultResponseDays, status,
    };
    const rules = offerRuleIssues({ ...body, coFinancingRate: body.coFinancingRate ?? null } as Parameters<typeof offerRuleIssues>[0]);
    if (rules.length) return invalid(rules);
    setBusy(true);
    try {
      onSaved(offer ? await businessApi.updateOffer(offer.id, body) : await businessApi.createOffer(body));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  const apiError = error instanceof ApiError ? error : null;
  const fieldError = (path: string) => apiError?.errors.find((e) => e.path === path || e.path.startsWith(`${path}.`))?.message;
  const num = (field: NumericField) => ({ id: `offer-${field}`, value: numbers[field], error: fieldError(field), onChange: (v: string) => setNumbers((n) => ({ ...n, [field]: v })) });
  const toggle = <V,>(list: V[], value: V, on: boolean) => (on ? [...list, value] : list.filter((x) => x !== value));

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="form business-form">
      <div ref={errorRef} tabIndex={-1}>{error ? <Alert tone="error">{problem(error)}</Alert> : null}</div>
      {chooseProvider ? (
        <Select
          id="offer-providerId" label={t('offer.provider')} required value={providerId} error={fieldError('providerId')} emptyLabel={t('offerForm.chooseProvider')}
          onChange={(e) => setProviderId(e.target.value)} options={(providers.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
        />
      ) : null}
      <TextField id="offer-title" label={t('offerForm.title')} required value={title} onChange={(e) => setTitle(e.target.value)} error={fieldError('title')} />
      <TextArea id="offer-description" label={t('offerForm.description')} value={description} onChange={setDescription} error={fieldError('description')} rows={5} />
      <fieldset aria-describedby={fieldError('themes') ? 'offer-themes-error' : undefined}>
        <legend>{t('offer.themes')}</legend>
        {engagementThemes.map((th) => (
          <Checkbox key={th} id={`offer-theme-${th}`} label={t(themeKey(th))} checked={themes.includes(th)} onChange={(e) => setThemes((l) => toggle(l, th, e.target.checked))} />
        ))}
        {fieldError('themes') ? <p id="offer-themes-error" className="field-error">{fieldError('themes')}</p> : null}
      </fieldset>
      <fieldset className="filters">
        <legend>{t('offerForm.eligibility')}</legend>
        <NumberField {...num('minEmployees')} label={t('offerForm.minEmployees')} />
        <NumberField {...num('maxEmployees')} label={t('offerForm.maxEmployees')} />
        <TextField id="offer-industries" label={t('offer.industries')} hint={t('offerForm.industriesHint')} value={industries} onChange={(e) => setIndustries(e.target.value)} error={fieldError('industries')} />
        <NumberField {...num('minTurnoverDkk')} label={t('offer.minTurnover')} suffix={t('offerForm.dkkSuffix')} />
        <Select
          id="offer-segment" label={t('offer.segment')} value={segment} emptyLabel={t('offer.bothSegments')} error={fieldError('segment')}
          onChange={(e) => setSegment(e.target.value as Segment | '')} options={segments.map((s) => ({ value: s, label: t(segmentKey(s)) }))}
        />
        <NumberField {...num('minCompanyAgeYears')} label={t('offerForm.minAge')} suffix={t('offerForm.yearsSuffix')} />
        <NumberField {...num('maxCompanyAgeYears')} label={t('offerForm.maxAge')} suffix={t('offerForm.yearsSuffix')} />
      </fieldset>
      <fieldset>
        <legend>{t('offer.geography')}</legend>
        <p className="field-hint">{t('offerForm.geographyHint')}</p>
        {(places.data?.regions ?? []).map((r) => (
          <Checkbox key={r.code} id={`offer-region-${r.code}`} label={r.name} checked={regions.includes(r.code)} onChange={(e) => setRegions((l) => toggle(l, r.code, e.target.checked))} />
        ))}
        <div className="field" style={{ marginTop: '1rem' }}>
          <label htmlFor="offer-municipalities">{t('offerForm.municipalities')}</label>
          <p id="offer-municipalities-hint" className="field-hint">{t('offerForm.municipalitiesHint')}</p>
          <select
            id="offer-municipalities" multiple size={8} value={single.map(String)} aria-describedby="offer-municipalities-hint"
            onChange={(e) => setMunicipalities(Array.from(e.target.selectedOptions, (o) => Number(o.value)))} style={{ maxWidth: '32rem', width: '100%' }}
          >
            {(places.data?.municipalities ?? []).filter((m) => !regions.includes(m.regionCode)).map((m) => <option key={m.code} value={m.code}>{m.name}</option>)}
          </select>
          {fieldError('municipalities') ?? fieldError('regions') ? <p className="field-error">{fieldError('municipalities') ?? fieldError('regions')}</p> : null}
        </div>
      </fieldset>
      <fieldset className="filters">
        <legend>{t('offerForm.terms')}</legend>
        <Select
          id="offer-financing" label={t('offer.financing')} value={financing} error={fieldError('financing')}
          onChange={(e) => setFinancing(e.target.value as OfferFinancing)} options={offerFinancings.map((f) => ({ value: f, label: t(financingKey(f)) }))}
        />
        {financing === 'co_financed' ? <NumberField {...num('coFinancingRate')} label={t('offerForm.coFinancingRate')} hint={t('offerForm.coFinancingHint')} suffix="%" /> : null}
        <NumberField {...num('capacityPerQuarter')} label={t('offer.capacity')} hint={t('offerForm.capacityHint')} />
        <NumberField {...num('responseDays')} label={t('offer.responseDays')} hint={t('offerForm.responseDaysHint')} />
        <TextField id="offer-activeFrom" type="date" label={t('offerForm.activeFrom')} value={activeFrom} onChange={(e) => setActiveFrom(e.target.value)} error={fieldError('activeFrom')} />
        <TextField id="offer-activeTo" type="date" label={t('offerForm.activeTo')} value={activeTo} onChange={(e) => setActiveTo(e.target.value)} error={fieldError('activeTo')} />
      </fieldset>
      <TextField id="offer-url" type="url" label={t('offer.guide')} hint={t('offerForm.guideHint')} value={url} onChange={(e) => setUrl(e.target.value)} error={fieldError('virksomhedsguidenUrl')} />
      <Select
        id="offer-status" label={t('offers.colStatus')} value={status} error={fieldError('status')}
        onChange={(e) => setStatus(e.target.value as OfferStatus)} options={offerStatuses.map((s) => ({ value: s, label: t(offerStatusKey(s)) }))}
      />
      <div className="form-actions">
        <Button type="submit" disabled={busy || !places.data}>{busy ? t('common.saving') : offer ? t('common.save') : t('offerForm.create')}</Button>
        <Button variant="link" onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
