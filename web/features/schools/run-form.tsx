import { useState, type FormEvent } from 'react';
import { Button, Select } from '../../components/ui';
import { useT, type MessageKey } from '../../i18n/i18n';
import { decimalText } from './labels';

export interface Weights { perKm: number; themeMismatch: number; unpreferredWeek: number; outsideMunicipality: number; tutorPerKm: number }

/** The engine's defaults (km-equivalent points): 1 point a km, a missing theme 25, an unwished week 15, another municipality 20. */
export const defaultWeights: Weights = { perKm: 1, themeMismatch: 25, unpreferredWeek: 15, outsideMunicipality: 20, tutorPerKm: 1 };

const sliders: { key: keyof Weights; label: MessageKey; hint: MessageKey; max: number; step: number }[] = [
  { key: 'perKm', label: 'schools.run.perKm', hint: 'schools.run.perKmHint', max: 5, step: 0.1 },
  { key: 'themeMismatch', label: 'schools.run.themeMismatch', hint: 'schools.run.themeMismatchHint', max: 100, step: 1 },
  { key: 'unpreferredWeek', label: 'schools.run.unpreferredWeek', hint: 'schools.run.unpreferredWeekHint', max: 100, step: 1 },
  { key: 'outsideMunicipality', label: 'schools.run.outsideMunicipality', hint: 'schools.run.outsideMunicipalityHint', max: 100, step: 1 },
  { key: 'tutorPerKm', label: 'schools.run.tutorPerKm', hint: 'schools.run.tutorPerKmHint', max: 5, step: 0.1 },
];

/**
 * What to allocate: the school year (the hub's), one municipality's 7th-grade classes or the whole partnership's, and
 * how much each kind of cost weighs. Sliders are native range inputs (arrow keys move them); the value is written beside.
 */
export function RunForm({ year, municipalities, busy, onRun }: {
  year: string; municipalities: { code: number; name: string }[]; busy: boolean;
  onRun(run: { municipalityCode: number | null; weights: Weights; timeLimitS: number }): void;
}) {
  const { t, locale } = useT();
  const [municipality, setMunicipality] = useState('');
  const [weights, setWeights] = useState<Weights>(defaultWeights);
  const [timeLimit, setTimeLimit] = useState('60');

  function submit(event: FormEvent) {
    event.preventDefault();
    onRun({ municipalityCode: municipality ? Number(municipality) : null, weights, timeLimitS: Number(timeLimit) });
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-describedby="run-form-intro">
      <p id="run-form-intro">{t('schools.run.intro', { year })}</p>
      <div className="filters filters-inline">
        <Select id="run-municipality" label={t('schools.run.scope')} value={municipality} emptyLabel={t('schools.run.wholePartnership')}
          hint={t('schools.run.scopeHint')} onChange={(e) => setMunicipality(e.target.value)}
          options={municipalities.map((m) => ({ value: String(m.code), label: m.name }))} />
        <Select id="run-time" label={t('schools.run.timeLimit')} value={timeLimit} onChange={(e) => setTimeLimit(e.target.value)} hint={t('schools.run.timeLimitHint')}
          options={['15', '30', '60', '120', '300'].map((s) => ({ value: s, label: t('schools.run.seconds', { count: s }) }))} />
      </div>
      <fieldset>
        <legend>{t('schools.run.weights')}</legend>
        <p className="field-hint">{t('schools.run.weightsHint')}</p>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(18rem, 1fr))', gap: '1rem 2rem', marginTop: '0.75rem' }}>
          {sliders.map((s) => {
            const id = `run-weight-${s.key}`;
            const shown = decimalText(locale, weights[s.key]);
            return (
              <div key={s.key} className="field">
                <label htmlFor={id}>{t(s.label)}</label>
                <p id={`${id}-hint`} className="field-hint">{t(s.hint)}</p>
                <div style={{ display: 'flex', alignItems: 'center', gap: '0.75rem' }}>
                  <input id={id} type="range" min={0} max={s.max} step={s.step} value={weights[s.key]} aria-describedby={`${id}-hint`}
                    aria-valuetext={t('schools.run.points', { value: shown })} style={{ flex: 1, accentColor: 'var(--primary)' }}
                    onChange={(e) => setWeights((w) => ({ ...w, [s.key]: Number(e.target.value) }))} />
                  <output htmlFor={id} style={{ minWidth: '5.5rem', fontVariantNumeric: 'tabular-nums' }}>{t('schools.run.points', { value: shown })}</output>
                </div>
              </div>
            );
          })}
        </div>
        <Button variant="link" onClick={() => setWeights(defaultWeights)}>{t('schools.run.resetWeights')}</Button>
      </fieldset>
      <div className="form-actions">
        <Button type="submit" disabled={busy}>{busy ? t('schools.run.running') : t('schools.run.submit')}</Button>
        {busy ? <span role="status" className="muted">{t('schools.run.runningHint')}</span> : null}
      </div>
    </form>
  );
}
