import { useRef, useState, type FormEvent } from 'react';
import type { School, SchoolClass, SchoolTheme } from '../../../common/schools';
import { Alert, Button, Select, TextField } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { fieldErrorOf, localError, NumberInput, orNull, parseWhole, ThemeChoice, useWeeksText, WeeksField } from './form-parts';
import { schoolsApi } from './schools-api';

/** Create a class at a school, or edit one (class-level data only: grade, letter, size, weeks, themes, teacher). */
export function ClassForm({ schools, schoolYear, existing, onSaved, onCancel }: {
  schools: School[]; schoolYear: string; existing?: SchoolClass; onSaved(saved: SchoolClass): void; onCancel(): void;
}) {
  const { t, problem } = useT();
  const prefix = existing ? `class-${existing.id}` : 'class-new';
  const [schoolId, setSchoolId] = useState(existing?.schoolId ?? '');
  const [grade, setGrade] = useState(String(existing?.grade ?? 7));
  const [letter, setLetter] = useState(existing?.letter ?? '');
  const [pupils, setPupils] = useState(existing ? String(existing.pupils) : '');
  const weeks = useWeeksText(existing?.suitableWeeks ?? []);
  const [themes, setThemes] = useState<SchoolTheme[]>(existing?.themes ?? []);
  const [teacherName, setTeacherName] = useState(existing?.teacherName ?? '');
  const [teacherEmail, setTeacherEmail] = useState(existing?.teacherEmail ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  const fail = (e: unknown) => { setError(e); window.setTimeout(() => errorRef.current?.focus(), 0); };
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const g = parseWhole(grade);
    const p = parseWhole(pupils);
    const w = weeks.parse();
    if (!existing && !schoolId) return fail(localError('schoolId', t('schools.class.schoolRequired')));
    if (g === null || Number.isNaN(g)) return fail(localError('grade', t('schools.form.wholeNumber')));
    if (p === null || Number.isNaN(p)) return fail(localError('pupils', t('schools.form.wholeNumber')));
    if (w === null) return fail(localError('suitableWeeks', t('schools.form.weeksInvalid')));
    const body = {
      schoolYear, grade: g, letter: letter.trim(), pupils: p, suitableWeeks: w, themes,
      teacherName: orNull(teacherName), teacherEmail: orNull(teacherEmail),
    };
    setBusy(true);
    try {
      onSaved(existing ? await schoolsApi.updateClass(existing.id, body) : await schoolsApi.createClass(schoolId, body));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = fieldErrorOf(error);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="form">
      <div ref={errorRef} tabIndex={-1}>{error ? <Alert tone="error">{problem(error)}</Alert> : null}</div>
      {existing ? null : (
        <Select id={`${prefix}-school`} label={t('schools.class.school')} required value={schoolId} emptyLabel={t('schools.class.chooseSchool')}
          onChange={(e) => setSchoolId(e.target.value)} error={fieldError('schoolId')}
          options={schools.map((s) => ({ value: s.id, label: s.municipalityName ? `${s.name} (${s.municipalityName})` : s.name }))} />
      )}
      <div className="filters filters-inline">
        <NumberInput id={`${prefix}-grade`} label={t('schools.class.grade')} value={grade} onChange={setGrade} error={fieldError('grade')} required />
        <TextField id={`${prefix}-letter`} label={t('schools.class.letter')} hint={t('schools.class.letterHint')} value={letter} required maxLength={10}
          onChange={(e) => setLetter(e.target.value)} error={fieldError('letter')} />
        <NumberInput id={`${prefix}-pupils`} label={t('schools.class.pupils')} value={pupils} onChange={setPupils} error={fieldError('pupils')} required />
      </div>
      <WeeksField id={`${prefix}-weeks`} label={t('schools.class.weeks')} hint={t('schools.class.weeksHint')} text={weeks.text}
        onChange={weeks.setText} error={fieldError('suitableWeeks')} />
      <ThemeChoice id={`${prefix}-themes`} legend={t('schools.class.themes')} value={themes} onChange={setThemes} error={fieldError('themes')} />
      <div className="filters filters-inline">
        <TextField id={`${prefix}-teacher`} label={t('schools.class.teacherName')} value={teacherName} onChange={(e) => setTeacherName(e.target.value)}
          error={fieldError('teacherName')} />
        <TextField id={`${prefix}-teacher-email`} type="email" label={t('schools.class.teacherEmail')} hint={t('schools.class.teacherEmailHint')}
          value={teacherEmail} onChange={(e) => setTeacherEmail(e.target.value)} error={fieldError('teacherEmail')} />
      </div>
      <div className="form-actions">
        <Button type="submit" disabled={busy}>{busy ? t('common.saving') : existing ? t('common.save') : t('schools.class.create')}</Button>
        <Button variant="link" onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
