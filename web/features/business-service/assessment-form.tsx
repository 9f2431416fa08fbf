import { useRef, useState, type FormEvent } from 'react';
import { segments, type Assessment, type AssessmentCreate, type Priorities, type Segment } from '../../../common/business-service';
import { engagementThemes, type EngagementTheme } from '../../../common/engagement';
import { Alert, Button, Checkbox, TextField } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';
import { businessApi } from './business-api';
import { priorityKey, segmentKey, themeKey, todayIso } from './labels';
import { NumberField, numberText, parseNumber, TextArea } from './offer-form-fields';

const emptyPriorities = Object.fromEntries(engagementThemes.map((t) => [t, 0])) as Priorities;
const levels = [0, 1, 2, 3, 4, 5] as const;

/** One theme's need as six radio buttons (0 = no need … 5 = very great need) in a labelled group. */
function PriorityScale({ theme, value, onChange }: { theme: EngagementTheme; value: number; onChange(value: number): void }) {
  const { t } = useT();
  const name = `assessment-priority-${theme}`;
  return (
    <fieldset className="priority-scale">
      <legend>{t(themeKey(theme))}</legend>
      {levels.map((level) => (
        <label key={level} htmlFor={`${name}-${level}`}>
          <input type="radio" id={`${name}-${level}`} name={name} value={level} checked={value === level} onChange={() => onChange(level)} />
          {t(priorityKey(level))}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * The guided needs assessment after a visit: the visit, the need per theme (0–5), the challenge in the
 * company's words, growth and segment, agreed next steps and the company's consent to share with partners.
 */
export function AssessmentForm({ companyId, companyName, assessment, onSaved, onCancel }: {
  companyId: string; companyName: string; assessment?: Assessment; onSaved(assessment: Assessment): void; onCancel(): void;
}) {
  const { t, problem } = useT();
  const today = todayIso();
  const [date, setDate] = useState(assessment?.date ?? today);
  const [participants, setParticipants] = useState((assessment?.participants ?? []).map((p) => p.name).join('\n'));
  const [priorities, setPriorities] = useState<Priorities>(assessment?.priorities ?? emptyPriorities);
  const [challenge, setChallenge] = useState(assessment?.challenge ?? '');
  const [ambition, setAmbition] = useState(assessment?.growthAmbition ?? '');
  const [segment, setSegment] = useState<Segment | ''>(assessment?.segment ?? '');
  const [turnover, setTurnover] = useState(numberText(assessment?.turnoverDkk));
  const [nextSteps, setNextSteps] = useState(assessment?.nextSteps ?? '');
  const [consent, setConsent] = useState(assessment?.consentToShare ?? false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  const fail = (e: unknown) => { setError(e); window.setTimeout(() => errorRef.current?.focus(), 0); };
  const invalid = (path: string, message: string) => fail(new ApiError({ status: 400, code: 'validation', detail: t('problem.validation'), errors: [{ path, message }] }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const turnoverDkk = parseNumber(turnover);
    if (!challenge.trim()) return invalid('challenge', t('assessmentForm.challengeRequired'));
    if (Number.isNaN(turnoverDkk)) return invalid('turnoverDkk', t('offerForm.notANumber'));
    const body: AssessmentCreate = {
      date, priorities, challenge: challenge.trim(), growthAmbition: ambition.trim(), segment: segment || null, nextSteps: nextSteps.trim(),
      participants: participants.split('\n').map((n) => n.trim()).filter(Boolean).map((name) => ({ name })),
      turnoverDkk, consentToShare: consent,
    };
    setBusy(true);
    try {
      onSaved(assessment ? await businessApi.updateAssessment(assessment.id, body) : await businessApi.createAssessment(companyId, body));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  const apiError = error instanceof ApiError ? error : null;
  const fieldError = (path: string) => apiError?.errors.find((e) => e.path === path || e.path.startsWith(`${path}.`))?.message;

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="form business-form">
      <div ref={errorRef} tabIndex={-1}>{error ? <Alert tone="error">{problem(error)}</Alert> : null}</div>
      <section className="card" aria-labelledby="assessment-step-visit">
        <h2 id="assessment-step-visit">{t('assessmentForm.stepVisit')}</h2>
        <div className="form">
          <TextField id="assessment-date" type="date" label={t('assessmentForm.date')} required max={today} value={date} onChange={(e) => setDate(e.target.value)} error={fieldError('date')} />
          <TextArea id="assessment-participants" label={t('assessmentForm.participants')} hint={t('assessmentForm.participantsHint')} value={participants} onChange={setParticipants} rows={3} error={fieldError('participants')} />
        </div>
      </section>
      <section className="card" aria-labelledby="assessment-step-needs">
        <h2 id="assessment-step-needs">{t('assessmentForm.stepNeeds')}</h2>
        <p className="field-hint">{t('assessmentForm.needsHint')}</p>
        <div className="form">
          {engagementThemes.map((theme) => (
            <PriorityScale key={theme} theme={theme} value={priorities[theme]} onChange={(v) => setPriorities((p) => ({ ...p, [theme]: v }))} />
          ))}
          {fieldError('priorities') ? <p className="field-error">{fieldError('priorities')}</p> : null}
        </div>
      </section>
      <section className="card" aria-labelledby="assessment-step-company">
        <h2 id="assessment-step-company">{t('assessmentForm.stepCompany', { name: companyName })}</h2>
        <div className="form">
          <TextArea id="assessment-challenge" label={t('assessmentForm.challenge')} hint={t('assessmentForm.challengeHint')} required value={challenge} onChange={(v) => { setChallenge(v); if (v.trim() && fieldError('challenge')) setError(null); }} error={fieldError('challenge')} rows={5} />
          <TextArea id="assessment-ambition" label={t('assessmentForm.ambition')} value={ambition} onChange={setAmbition} error={fieldError('growthAmbition')} rows={3} />
          <fieldset className="priority-scale">
            <legend>{t('assessmentForm.segment')}</legend>
            {segments.map((s) => (
              <label key={s} htmlFor={`assessment-segment-${s}`}>
                <input type="radio" id={`assessment-segment-${s}`} name="assessment-segment" value={s} checked={segment === s} onChange={() => setSegment(s)} />
                {t(segmentKey(s))}
              </label>
            ))}
          </fieldset>
          <NumberField id="assessment-turnover" label={t('assessmentForm.turnover')} hint={t('assessmentForm.turnoverHint')} value={turnover} onChange={setTurnover} error={fieldError('turnoverDkk')} suffix={t('offerForm.dkkSuffix')} />
        </div>
      </section>
      <section className="card" aria-labelledby="assessment-step-agreement">
        <h2 id="assessment-step-agreement">{t('assessmentForm.stepAgreement')}</h2>
        <div className="form">
          <TextArea id="assessment-next" label={t('assessmentForm.nextSteps')} value={nextSteps} onChange={setNextSteps} error={fieldError('nextSteps')} rows={4} />
          <Checkbox id="assessment-consent" label={t('assessmentForm.consent')} hint={t('assessmentForm.consentHint')} checked={consent} onChange={(e) => setConsent(e.target.checked)} />
        </div>
      </section>
      <div className="form-actions">
        <Button type="submit" disabled={busy}>{busy ? t('common.saving') : assessment ? t('common.save') : t('assessmentForm.submit')}</Button>
        <Button variant="link" onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
