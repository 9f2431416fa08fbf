import type { FormEvent } from 'react';
import type { BulkConsultant } from '../../../common/engagement-bulk';
import type { Tier } from '../../../common/engagement';
import type { Industry, Municipality } from '../../../common/reference';
import { Button, Checkbox, Select, TextField } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import type { BulkDraft } from './bulk-api';

/**
 * The choices of a bulk assignment: which companies (the register's filters and the organisation's own portfolio)
 * and what they get (a tier, consultants, how to split). The parent owns the draft; errors come by field path.
 */
export function BulkForm({ draft, onChange, onSubmit, busy, organisation, municipalities, sections, tiers, consultants, fieldError }: {
  draft: BulkDraft; onChange(draft: BulkDraft): void; onSubmit(): void; busy: boolean; organisation: string;
  municipalities: Municipality[]; sections: Industry[]; tiers: Tier[]; consultants: BulkConsultant[];
  fieldError(path: string): string | undefined;
}) {
  const { t, locale, formatNumber } = useT();
  const set = <K extends keyof BulkDraft>(key: K, value: BulkDraft[K]) => onChange({ ...draft, [key]: value });
  const text = (key: 'industrySection' | 'industryPrefix' | 'minEmployees' | 'q' | 'tierId') =>
    (e: { target: { value: string } }) => set(key, e.target.value);
  const toggleConsultant = (id: string, on: boolean) =>
    set('consultantIds', on ? [...draft.consultantIds, id] : draft.consultantIds.filter((x) => x !== id));
  const submit = (event: FormEvent) => { event.preventDefault(); onSubmit(); };
  const consultantsError = fieldError('consultantIds');

  return (
    <form onSubmit={submit} noValidate className="form card">
      <fieldset className="form">
        <legend>{t('bulk.which')}</legend>
        <div className="filters">
          <Select
            id="bulk-municipalities" label={t('bulk.municipalities')} hint={t('bulk.municipalitiesHint')} multiple size={6}
            value={draft.municipalities} error={fieldError('filter.municipalities')}
            onChange={(e) => set('municipalities', [...e.target.selectedOptions].map((o) => o.value))}
            options={municipalities.map((m) => ({ value: String(m.code), label: m.name }))}
          />
          <div className="form">
            <Select
              id="bulk-section" label={t('bulk.section')} emptyLabel={t('common.all')} value={draft.industrySection}
              onChange={text('industrySection')} error={fieldError('filter.industrySection')}
              options={sections.map((s) => ({ value: s.code, label: `${s.code}: ${locale === 'en' && s.titleEn ? s.titleEn : s.titleDa}` }))}
            />
            <TextField
              id="bulk-prefix" label={t('bulk.prefix')} hint={t('bulk.prefixHint')} inputMode="numeric" autoComplete="off"
              value={draft.industryPrefix} onChange={text('industryPrefix')} error={fieldError('filter.industryPrefix')}
            />
          </div>
          <div className="form">
            <TextField
              id="bulk-min-employees" label={t('bulk.minEmployees')} hint={t('bulk.minEmployeesHint')} inputMode="numeric"
              autoComplete="off" value={draft.minEmployees} onChange={text('minEmployees')} error={fieldError('filter.minEmployees')}
            />
            <TextField id="bulk-q" label={t('bulk.q')} autoComplete="off" value={draft.q} onChange={text('q')} error={fieldError('filter.q')} />
          </div>
        </div>
        <div className="form">
          <Checkbox id="bulk-active" label={t('bulk.activeOnly')} checked={draft.activeOnly} onChange={(e) => set('activeOnly', e.target.checked)} />
          <Checkbox
            id="bulk-without-responsible" label={t('bulk.withoutResponsible', { organisation })}
            checked={draft.withoutResponsible} onChange={(e) => set('withoutResponsible', e.target.checked)}
          />
          <Checkbox
            id="bulk-without-tier" label={t('bulk.withoutTier', { organisation })}
            checked={draft.withoutTier} onChange={(e) => set('withoutTier', e.target.checked)}
          />
        </div>
      </fieldset>

      <fieldset className="form">
        <legend>{t('bulk.what')}</legend>
        <Select
          id="bulk-tier" label={t('bulk.tier')} emptyLabel={t('bulk.tierKeep')} value={draft.tierId} onChange={text('tierId')}
          error={fieldError('tierId')}
          options={tiers.map((x) => ({ value: x.id, label: t('bulk.tierOption', { name: x.name, days: x.cadenceDays }) }))}
        />
        <fieldset className="form" aria-describedby={`bulk-consultants-hint${consultantsError ? ' bulk-consultants-error' : ''}`}>
          <legend>{t('bulk.consultants')}</legend>
          <p id="bulk-consultants-hint" className="field-hint">{t('bulk.consultantsHint')}</p>
          {consultants.length === 0 ? <p>{t('bulk.noConsultants')}</p> : null}
          <div className="form">
            {consultants.map((c) => (
              <Checkbox
                key={c.id} id={`bulk-consultant-${c.id}`}
                label={t('bulk.consultantOption', { name: c.name, count: formatNumber(c.portfolioCount) })}
                checked={draft.consultantIds.includes(c.id)} onChange={(e) => toggleConsultant(c.id, e.target.checked)}
              />
            ))}
          </div>
          {consultantsError ? <p id="bulk-consultants-error" className="field-error">{consultantsError}</p> : null}
        </fieldset>
        <fieldset className="form">
          <legend>{t('bulk.balance')}</legend>
          {(['even', 'portfolio'] as const).map((mode) => (
            <div className="checkbox" key={mode}>
              <input
                type="radio" id={`bulk-balance-${mode}`} name="bulk-balance" value={mode} checked={draft.balance === mode}
                onChange={() => set('balance', mode)}
              />
              <label htmlFor={`bulk-balance-${mode}`}>{t(mode === 'even' ? 'bulk.balanceEven' : 'bulk.balancePortfolio')}</label>
            </div>
          ))}
        </fieldset>
      </fieldset>
      <div className="form-actions">
        <Button type="submit" disabled={busy}>{busy ? t('bulk.previewing') : t('bulk.showPreview')}</Button>
      </div>
    </form>
  );
}
