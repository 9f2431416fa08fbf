import { useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { evaluationQuestionLabels } from '../../../common/schools';
import { Alert, Button, PageHeader, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useAsync } from '../../lib/use-async';
import { TextArea } from './form-parts';
import { questionLabel, respondentLabel } from './labels';
import { schoolsApi } from './schools-api';

const scale = [1, 2, 3, 4, 5] as const;

/** One 1–5 question as a radio group: the legend is the question, each option says its number and meaning. */
function Scale({ id, legend, value, onChange, error }: { id: string; legend: string; value: number | null; onChange(v: number): void; error?: string }) {
  const { t } = useT();
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem 1.5rem' }}>
        {scale.map((v) => (
          <div className="checkbox" key={v}>
            <input id={`${id}-${v}`} type="radio" name={id} value={v} checked={value === v} onChange={() => onChange(v)} />
            <label htmlFor={`${id}-${v}`}>{t(`schools.evaluate.scale${v}`)}</label>
          </div>
        ))}
      </div>
      {error ? <p id={`${id}-error`} className="field-error">{error}</p> : null}
    </fieldset>
  );
}

/**
 * /evaluering/:token: the short evaluation form a teacher or company opens from the e-mailed link, without logging in.
 * The link itself is the key; after answering it cannot be used again.
 */
export function PublicEvaluationPage() {
  const { t, problem, locale } = useT();
  const { token = '' } = useParams();
  const form = useAsync(() => schoolsApi.evaluationForm(token), token);
  const [rating, setRating] = useState<number | null>(null);
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (rating === null) { setMissing(true); window.setTimeout(() => errorRef.current?.focus(), 0); return; }
    setBusy(true);
    try {
      await schoolsApi.answerEvaluation(token, { rating, answers, comment: comment.trim() || null });
      setDone(true);
    } catch (e) {
      setError(e);
      window.setTimeout(() => errorRef.current?.focus(), 0);
    } finally {
      setBusy(false);
    }
  }

  const data = form.data;
  return (
    <div style={{ maxWidth: '44rem' }}>
      <PageHeader title={t('schools.evaluate.title')}
        intro={data ? t('schools.evaluate.intro', { classLabel: data.classLabel, school: data.schoolName, company: data.companyName, week: data.week, year: data.schoolYear }) : undefined} />
      {form.loading && !data ? <Spinner label={t('app.loading')} /> : null}
      {form.error ? <Alert tone="error" title={t('schools.evaluate.invalidTitle')}>{problem(form.error)}</Alert> : null}
      {data && (data.answered || done) ? <Alert tone="success" title={t('schools.evaluate.thanks')}>{t('schools.evaluate.thanksBody')}</Alert> : null}
      {data && !data.answered && !done ? (
        <form className="form card" onSubmit={(e) => void submit(e)} noValidate>
          <p className="muted">{t('schools.evaluate.as', { respondent: respondentLabel(locale, data.respondent).toLowerCase() })}</p>
          <div ref={errorRef} tabIndex={-1}>
            {missing && rating === null ? <Alert tone="error">{t('schools.evaluate.ratingRequired')}</Alert> : null}
            {error ? <Alert tone="error">{problem(error)}</Alert> : null}
          </div>
          <Scale id="evaluation-rating" legend={t('schools.evaluate.rating')} value={rating} onChange={setRating}
            error={missing && rating === null ? t('schools.evaluate.ratingRequired') : undefined} />
          {data.questions.map((q) => (
            <Scale key={q.key} id={`evaluation-${q.key}`} legend={evaluationQuestionLabels[q.key] ? questionLabel(locale, q.key) : q.text} value={answers[q.key] ?? null} onChange={(v) => setAnswers((a) => ({ ...a, [q.key]: v }))} />
          ))}
          <TextArea id="evaluation-comment" label={t('schools.evaluate.comment')} hint={t('schools.evaluate.commentHint')} value={comment} onChange={setComment} rows={5} />
          <div className="form-actions"><Button type="submit" disabled={busy}>{busy ? t('common.saving') : t('schools.evaluate.submit')}</Button></div>
        </form>
      ) : null}
    </div>
  );
}
