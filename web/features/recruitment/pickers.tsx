import type { SkillRef } from '../../../common/recruitment';
import { Button } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { referenceApi, type CompanyHit } from './recruitment-api';
import { TypeAhead } from './type-ahead';

/** Picks one company by name, CVR or P-number (the company search); the chosen one is shown with a "change" button. */
export function CompanyPicker({ id, value, onChange, error }: {
  id: string; value: CompanyHit | null; onChange(company: CompanyHit | null): void; error?: string;
}) {
  const { t } = useT();
  if (value) {
    return (
      <div className="field">
        <p className="label-like" id={`${id}-label`}><strong>{t('recruitment.order.company')}</strong></p>
        <p aria-labelledby={`${id}-label`}>
          {value.name}{value.cvr ? ` (CVR ${value.cvr})` : ''}{' '}
          <Button variant="link" onClick={() => onChange(null)} aria-label={t('recruitment.form.changeCompanyOf', { name: value.name })}>
            {t('recruitment.form.changeCompany')}
          </Button>
        </p>
      </div>
    );
  }
  return (
    <TypeAhead<CompanyHit>
      id={id} label={t('recruitment.order.company')} hint={t('recruitment.form.companyHint')} error={error} required
      search={referenceApi.companies} optionKey={(c) => c.id}
      optionLabel={(c) => [c.name, c.cvr ? `CVR ${c.cvr}` : null, c.municipalityName].filter(Boolean).join(' · ')}
      onPick={onChange}
    />
  );
}

/** One occupation (ESCO or DISCO-08) from the reference tables. */
export function OccupationPicker({ id, label, value, onChange, error }: {
  id: string; label: string; value: SkillRef | null; onChange(occupation: SkillRef | null): void; error?: string;
}) {
  const { t } = useT();
  return (
    <div>
      <TypeAhead
        id={id} label={label} hint={value ? t('recruitment.form.occupationChosen', { label: value.label }) : t('recruitment.form.occupationHint')}
        error={error} required search={referenceApi.occupations} optionKey={(o) => o.uri}
        optionLabel={(o) => (o.code ? `${o.label} (${o.code})` : o.label)} onPick={(o) => onChange({ uri: o.uri, label: o.label })}
      />
    </div>
  );
}

/** Several skills or occupations: type to add, each chosen one is a button that removes it. */
export function RefMultiSelect({ id, label, hint, kind, value, onChange, error }: {
  id: string; label: string; hint?: string; kind: 'skills' | 'occupations'; value: SkillRef[]; onChange(list: SkillRef[]): void; error?: string;
}) {
  const { t } = useT();
  const search = kind === 'skills' ? referenceApi.skills : referenceApi.occupations;
  return (
    <div>
      <TypeAhead
        id={id} label={label} hint={hint ?? t('recruitment.form.skillsHint')} error={error} search={search}
        optionKey={(s) => s.uri} optionLabel={(s) => s.label}
        onPick={(s) => { if (!value.some((v) => v.uri === s.uri)) onChange([...value, { uri: s.uri, label: s.label }]); }}
      />
      {value.length ? (
        <ul className="badges" aria-label={t('recruitment.form.chosen', { label })} style={{ listStyle: 'none', padding: 0, marginBottom: '1rem' }}>
          {value.map((s) => (
            <li key={s.uri}>
              <button
                type="button" className="badge badge-info" onClick={() => onChange(value.filter((v) => v.uri !== s.uri))}
                aria-label={t('recruitment.form.remove', { label: s.label })} style={{ border: 0, cursor: 'pointer' }}
              >
                {s.label} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
