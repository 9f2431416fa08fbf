import { useEffect, useState, type FormEvent } from 'react';
import { companyStatuses, employeeBands } from '../../../common/companies';
import type { Industry, Municipality } from '../../../common/reference';
import { Button, Select, TextField } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { employeeBandLabel, statusKey } from './labels';

export interface SearchCriteria {
  q: string;
  municipality: string;
  industry: string;
  employeeBand: string;
  status: string;
  sort: string;
}

export const emptyCriteria: SearchCriteria = { q: '', municipality: '', industry: '', employeeBand: '', status: '', sort: '' };

/** The search form; it edits a draft and applies it on submit, so each search is one history entry. */
export function CompanySearchForm({ value, onSearch, municipalities, sections }: {
  value: SearchCriteria; onSearch(criteria: SearchCriteria): void; municipalities: Municipality[]; sections: Industry[];
}) {
  const { t, locale, formatNumber } = useT();
  const [draft, setDraft] = useState(value);
  // Back/forward changes the URL: the form follows it.
  useEffect(() => setDraft(value), [value]);

  const set = (key: keyof SearchCriteria) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));
  const submit = (event: FormEvent) => { event.preventDefault(); onSearch(draft); };

  return (
    <form role="search" onSubmit={submit} className="search-form card">
      <div className="search-row">
        <TextField id="q" type="search" label={t('companies.searchLabel')} value={draft.q} onChange={set('q')} autoComplete="off" />
      </div>
      <fieldset className="filters">
        <legend>{t('companies.filters')}</legend>
        <Select
          id="municipality" label={t('companies.municipality')} emptyLabel={t('common.all')} value={draft.municipality}
          onChange={set('municipality')} options={municipalities.map((m) => ({ value: String(m.code), label: m.name }))}
        />
        <Select
          id="industry" label={t('companies.industry')} emptyLabel={t('common.all')} value={draft.industry} onChange={set('industry')}
          options={sections.map((s) => ({
            value: s.code, label: `${s.code}: ${locale === 'en' && s.titleEn ? s.titleEn : s.titleDa}`,
          }))}
        />
        <Select
          id="employeeBand" label={t('companies.employeeBand')} emptyLabel={t('common.all')} value={draft.employeeBand}
          onChange={set('employeeBand')}
          options={employeeBands.map((b) => ({ value: b, label: employeeBandLabel(t, b, formatNumber) }))}
        />
        <Select
          id="status" label={t('companies.status')} emptyLabel={t('common.all')} value={draft.status} onChange={set('status')}
          options={companyStatuses.map((s) => ({ value: s, label: t(statusKey(s)) }))}
        />
        <Select
          id="sort" label={t('companies.sort')} value={draft.sort || 'relevance'} onChange={set('sort')}
          options={[
            { value: 'relevance', label: t('companies.sortRelevance') },
            { value: 'name', label: t('companies.sortName') },
          ]}
        />
      </fieldset>
      <div className="form-actions">
        <Button type="submit">{t('common.search')}</Button>
        <Button variant="link" onClick={() => onSearch(emptyCriteria)}>{t('companies.clear')}</Button>
      </div>
    </form>
  );
}
