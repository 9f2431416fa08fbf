import { useState } from 'react';
import { Button, Select, TextField } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { schoolsApi } from './schools-api';

export interface PickedCompany { id: string; name: string }

/**
 * Finds a company of the register by name or CVR: a search box and button, then a plain select of the matches
 * (no ARIA combobox: two ordinary controls work the same with every screen reader and keyboard).
 */
export function CompanyPicker({ id, label, value, onChange, error }: {
  id: string; label: string; value: PickedCompany | null; onChange(company: PickedCompany | null): void; error?: string;
}) {
  const { t, problem } = useT();
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ id: string; name: string; cvr: string | null }[] | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  async function search() {
    if (text.trim().length < 2) { setStatus(t('schools.company.tooShort')); return; }
    setBusy(true);
    try {
      const result = await schoolsApi.companies(text.trim());
      setFound(result.items);
      setStatus(result.items.length ? t('schools.company.found', { count: result.items.length }) : t('schools.company.none'));
      if (result.items.length === 1) onChange({ id: result.items[0].id, name: result.items[0].name });
    } catch (e) {
      setStatus(problem(e));
    } finally {
      setBusy(false);
    }
  }

  const options = found ?? (value ? [{ id: value.id, name: value.name, cvr: null }] : []);
  return (
    <fieldset>
      <legend>{label}</legend>
      <div className="search-row">
        <TextField id={`${id}-q`} type="search" label={t('schools.company.search')} hint={t('schools.company.searchHint')} value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void search(); } }} />
        <Button variant="secondary" disabled={busy} onClick={() => void search()}>{t('common.search')}</Button>
      </div>
      <p className="small muted" role="status">{status}</p>
      <Select id={id} label={t('schools.company.choose')} required value={value?.id ?? ''} emptyLabel={t('schools.company.chooseEmpty')} error={error}
        onChange={(e) => {
          const hit = options.find((o) => o.id === e.target.value);
          onChange(hit ? { id: hit.id, name: hit.name } : null);
        }}
        options={options.map((o) => ({ value: o.id, label: o.cvr ? `${o.name} (CVR ${o.cvr})` : o.name }))} />
    </fieldset>
  );
}
