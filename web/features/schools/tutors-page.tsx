import { useRef, useState, type FormEvent } from 'react';
import { tutorKinds, type Tutor, type TutorKind } from '../../../common/schools';
import { Alert, Button, EmptyState, Select, Spinner, Table, TextField, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { ConfirmDialog, runDialogAction } from './confirm-dialog';
import { fieldErrorOf, localError, NumberInput, orNull, parseWhole, useWeeksText, WeeksField } from './form-parts';
import { tutorKindLabel, weeksText } from './labels';
import { schoolsApi } from './schools-api';
import { SchoolsFrame, useSchoolYear } from './schools-nav';

/** /skoler/tutorer: vocational-school pupils and teachers who go along with a class in given weeks (name and institution only). */
export function TutorsPage() {
  const { t, problem, locale, formatNumber } = useT();
  const { can } = useSession();
  const writes = can('school.write');
  const [year] = useSchoolYear();
  const tutors = useAsync(() => schoolsApi.tutors({ schoolYear: year, limit: 500 }), `tutors-${year}`);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState('');
  const [deleting, setDeleting] = useState<Tutor | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<unknown>(null);

  const columns: Column<Tutor>[] = [
    { key: 'name', header: t('schools.tutor.name'), rowHeader: true, cell: (x) => x.name },
    { key: 'institution', header: t('schools.tutor.institution'), cell: (x) => x.institution },
    { key: 'kind', header: t('schools.tutor.kind'), cell: (x) => tutorKindLabel(locale, x.kind) },
    { key: 'weeks', header: t('schools.tutor.colWeeks'), cell: (x) => weeksText(x.weeks) },
    { key: 'max', header: t('schools.tutor.colMaxClasses'), numeric: true, cell: (x) => formatNumber(x.maxClasses) },
    { key: 'postal', header: t('schools.postalCode'), cell: (x) => x.postalCode ?? t('common.none') },
    ...(writes ? [{
      key: 'actions', header: t('common.actions'),
      cell: (x: Tutor) => <Button variant="danger" aria-label={t('schools.tutor.deleteFor', { name: x.name })}
        onClick={() => { setDialogError(null); setDeleting(x); }}>{t('schools.delete')}</Button>,
    }] : []),
  ];
  const list = tutors.data;

  return (
    <SchoolsFrame title={t('schools.tutors.title')} intro={t('schools.tutors.intro')}
      actions={writes && !adding ? <Button onClick={() => { setAdding(true); setNotice(''); }}>{t('schools.tutor.create')}</Button> : undefined}>
      <div aria-live="polite">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
      {adding ? (
        <section className="card" aria-labelledby="tutor-form-heading">
          <h2 id="tutor-form-heading">{t('schools.tutor.createHeading', { year })}</h2>
          <TutorForm schoolYear={year} onCancel={() => setAdding(false)}
            onSaved={(x) => { setAdding(false); setNotice(t('schools.tutor.created', { name: x.name })); tutors.reload(); }} />
        </section>
      ) : null}
      {tutors.error ? <Alert tone="error">{problem(tutors.error)}</Alert> : null}
      {tutors.loading && !list ? <Spinner label={t('app.loading')} /> : null}
      {list ? (
        <section aria-labelledby="tutors-count">
          <h2 id="tutors-count" className="results-count">{t('schools.tutors.total', { count: formatNumber(list.total), year })}</h2>
          {list.items.length === 0
            ? <EmptyState title={t('schools.tutors.emptyTitle')}>{t('schools.tutors.emptyBody')}</EmptyState>
            : <Table caption={t('schools.tutors.caption', { year })} captionHidden columns={columns} rows={list.items} rowKey={(x) => x.id} />}
        </section>
      ) : null}
      {deleting ? (
        <ConfirmDialog title={t('schools.tutor.deleteTitle', { name: deleting.name })} confirmLabel={t('schools.delete')} danger busy={busy} error={dialogError}
          onCancel={() => setDeleting(null)}
          onConfirm={() => void runDialogAction(() => schoolsApi.deleteTutor(deleting.id), { busy: setBusy, error: setDialogError }, () => {
            setNotice(t('schools.tutor.deleted', { name: deleting.name }));
            setDeleting(null);
            tutors.reload();
          })} />
      ) : null}
    </SchoolsFrame>
  );
}

function TutorForm({ schoolYear, onSaved, onCancel }: { schoolYear: string; onSaved(tutor: Tutor): void; onCancel(): void }) {
  const { t, problem, locale } = useT();
  const [name, setName] = useState('');
  const [institution, setInstitution] = useState('');
  const [kind, setKind] = useState<TutorKind>('pupil');
  const [postalCode, setPostalCode] = useState('');
  const weeks = useWeeksText([]);
  const [maxClasses, setMaxClasses] = useState('1');
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  const fail = (e: unknown) => { setError(e); window.setTimeout(() => errorRef.current?.focus(), 0); };
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const w = weeks.parse();
    const max = parseWhole(maxClasses);
    if (w === null) return fail(localError('weeks', t('schools.form.weeksInvalid')));
    if (max === null || Number.isNaN(max)) return fail(localError('maxClasses', t('schools.form.wholeNumber')));
    setBusy(true);
    try {
      onSaved(await schoolsApi.createTutor({
        schoolYear, name: name.trim(), institution: institution.trim(), kind, postalCode: orNull(postalCode), weeks: w, maxClasses: max, contactEmail: orNull(email),
      }));
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
      <div className="filters filters-inline">
        <TextField id="tutor-name" label={t('schools.tutor.name')} required value={name} onChange={(e) => setName(e.target.value)} error={fieldError('name')} />
        <TextField id="tutor-institution" label={t('schools.tutor.institution')} required value={institution} onChange={(e) => setInstitution(e.target.value)}
          error={fieldError('institution')} />
        <Select id="tutor-kind" label={t('schools.tutor.kind')} value={kind} onChange={(e) => setKind(e.target.value as TutorKind)}
          options={tutorKinds.map((k) => ({ value: k, label: tutorKindLabel(locale, k) }))} />
        <TextField id="tutor-postal" label={t('schools.postalCode')} hint={t('schools.tutor.postalHint')} inputMode="numeric" maxLength={4} value={postalCode}
          onChange={(e) => setPostalCode(e.target.value)} error={fieldError('postalCode')} />
      </div>
      <WeeksField id="tutor-weeks" label={t('schools.tutor.weeks')} hint={t('schools.tutor.weeksHint')} text={weeks.text} onChange={weeks.setText}
        error={fieldError('weeks')} required />
      <div className="filters filters-inline">
        <NumberInput id="tutor-max" label={t('schools.tutor.maxClasses')} value={maxClasses} onChange={setMaxClasses} error={fieldError('maxClasses')} required />
        <TextField id="tutor-email" type="email" label={t('schools.tutor.email')} value={email} onChange={(e) => setEmail(e.target.value)} error={fieldError('contactEmail')} />
      </div>
      <div className="form-actions">
        <Button type="submit" disabled={busy}>{busy ? t('common.saving') : t('schools.tutor.create')}</Button>
        <Button variant="link" onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
