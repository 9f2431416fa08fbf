import { useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { SchoolClass } from '../../../common/schools';
import { Alert, Button, EmptyState, ExportMenu, Pagination, Select, Spinner, Table, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { ClassForm } from './class-form';
import { ConfirmDialog, runDialogAction } from './confirm-dialog';
import { themeLabel, weeksText } from './labels';
import { SchoolForm } from './school-form';
import { schoolsApi } from './schools-api';
import { SchoolsFrame, useHubLink, useSchoolYear } from './schools-nav';

const pageSize = 100;
type Panel = { kind: 'class'; existing?: SchoolClass } | { kind: 'school' } | null;

/** /skoler/klasser: the year's classes by school (class-level data only), with forms to add schools and classes. */
export function ClassesPage() {
  const { t, problem, locale, formatNumber } = useT();
  const { can } = useSession();
  const writes = can('school.write');
  const [year] = useSchoolYear();
  const link = useHubLink();
  const [params, setParams] = useSearchParams();
  const schoolId = params.get('skole') ?? '';
  const grade = params.get('trin') ?? '';
  const offset = Number(params.get('fra') ?? 0) || 0;
  const query = { schoolYear: year, schoolId: schoolId || undefined, grade: grade === '' ? undefined : Number(grade), limit: pageSize, offset };
  const classes = useAsync(() => schoolsApi.classes(query), JSON.stringify(query));
  const schools = useAsync(() => schoolsApi.schools(), 'schools');
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState('');
  const [deleting, setDeleting] = useState<SchoolClass | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<unknown>(null);
  const panelRef = useRef<HTMLHeadingElement>(null);

  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value); else next.delete(name);
    if (name !== 'fra') next.delete('fra');
    setParams(next);
  };
  const open = (next: Panel) => { setPanel(next); setNotice(''); window.setTimeout(() => panelRef.current?.focus(), 0); };
  const saved = (message: string) => { setPanel(null); setNotice(message); classes.reload(); schools.reload(); };

  const columns: Column<SchoolClass>[] = [
    { key: 'label', header: t('schools.class.colClass'), rowHeader: true, cell: (c) => c.label },
    { key: 'school', header: t('schools.class.school'), cell: (c) => c.schoolName },
    { key: 'pupils', header: t('schools.class.pupils'), numeric: true, cell: (c) => formatNumber(c.pupils) },
    { key: 'weeks', header: t('schools.class.colWeeks'), cell: (c) => <span style={{ whiteSpace: 'nowrap' }}>{c.suitableWeeks.length ? weeksText(c.suitableWeeks) : t('schools.anyWeek')}</span> },
    { key: 'themes', header: t('schools.class.colThemes'), cell: (c) => c.themes.map((th) => themeLabel(locale, th)).join(', ') || t('common.none') },
    { key: 'teacher', header: t('schools.class.colTeacher'), cell: (c) => c.teacherName ?? t('common.none') },
    ...(writes ? [{
      key: 'actions', header: t('common.actions'), cell: (c: SchoolClass) => (
        <div className="row-actions">
          <Button variant="secondary" aria-label={t('schools.class.editFor', { label: c.label, school: c.schoolName })}
            onClick={() => open({ kind: 'class', existing: c })}>{t('common.edit')}</Button>
          <Button variant="danger" aria-label={t('schools.class.deleteFor', { label: c.label, school: c.schoolName })}
            onClick={() => { setDialogError(null); setDeleting(c); }}>{t('schools.delete')}</Button>
        </div>
      ),
    }] : []),
  ];
  const page = classes.data;
  const schoolList = schools.data?.items ?? [];

  return (
    <SchoolsFrame
      title={t('schools.classes.title')} intro={t('schools.classes.intro')}
      actions={writes ? (
        <>
          <Button onClick={() => open({ kind: 'class' })}>{t('schools.class.create')}</Button>
          <Button variant="secondary" onClick={() => open({ kind: 'school' })}>{t('schools.school.create')}</Button>
          <Link className="btn btn-secondary" to={link('/skoler/klasser/import')}>{t('schools.import.link')}</Link>
        </>
      ) : undefined}
    >
      <div aria-live="polite">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
      {panel ? (
        <section className="card" aria-labelledby="classes-panel-heading">
          <h2 id="classes-panel-heading" ref={panelRef} tabIndex={-1}>
            {panel.kind === 'school' ? t('schools.school.create') : panel.existing
              ? t('schools.class.editHeading', { label: panel.existing.label, school: panel.existing.schoolName }) : t('schools.class.createHeading', { year })}
          </h2>
          {panel.kind === 'school'
            ? <SchoolForm onCancel={() => setPanel(null)} onSaved={(s) => saved(t('schools.school.created', { name: s.name }))} />
            : <ClassForm key={panel.existing?.id ?? 'new'} schools={schoolList} schoolYear={year} existing={panel.existing} onCancel={() => setPanel(null)}
              onSaved={(c) => saved(t(panel.existing ? 'schools.class.saved' : 'schools.class.created', { label: c.label, school: c.schoolName }))} />}
        </section>
      ) : null}
      <div className="section-tools" style={{ alignItems: 'flex-end', marginBottom: '1rem' }}>
        <div className="filters filters-inline" style={{ flex: 1 }}>
          <Select id="classes-school" label={t('schools.class.school')} emptyLabel={t('common.all')} value={schoolId} onChange={(e) => set('skole', e.target.value)}
            options={schoolList.map((s) => ({ value: s.id, label: s.municipalityName ? `${s.name} (${s.municipalityName})` : s.name }))} />
          <Select id="classes-grade" label={t('schools.class.grade')} emptyLabel={t('common.all')} value={grade} onChange={(e) => set('trin', e.target.value)}
            options={Array.from({ length: 11 }, (_, g) => ({ value: String(g), label: t('schools.gradeN', { grade: g }) }))} />
        </div>
        <ExportMenu path="/schools/classes" query={{ schoolYear: year, schoolId: schoolId || undefined, grade: grade || undefined }} total={page?.total} />
      </div>
      {classes.error ? <Alert tone="error">{problem(classes.error)}</Alert> : null}
      {classes.loading && !page ? <Spinner label={t('app.loading')} /> : null}
      {page ? (
        <section aria-labelledby="classes-count">
          <h2 id="classes-count" className="results-count" aria-live="polite">{t('schools.classes.total', { count: formatNumber(page.total), year })}</h2>
          {page.items.length === 0
            ? <EmptyState title={t('schools.classes.emptyTitle')}>{t('schools.classes.emptyBody')}</EmptyState>
            : <Table caption={t('schools.classes.caption', { year })} captionHidden columns={columns} rows={page.items} rowKey={(c) => c.id} />}
          <Pagination total={page.total} limit={page.limit} offset={page.offset} onChange={(o) => set('fra', o ? String(o) : '')} />
        </section>
      ) : null}
      {deleting ? (
        <ConfirmDialog title={t('schools.class.deleteTitle', { label: deleting.label, school: deleting.schoolName })} confirmLabel={t('schools.delete')} danger
          busy={busy} error={dialogError} onCancel={() => setDeleting(null)}
          onConfirm={() => void runDialogAction(() => schoolsApi.deleteClass(deleting.id), { busy: setBusy, error: setDialogError }, () => {
            setDeleting(null);
            saved(t('schools.class.deleted', { label: deleting.label, school: deleting.schoolName }));
          })}>
          <p>{t('schools.class.deleteBody')}</p>
        </ConfirmDialog>
      ) : null}
    </SchoolsFrame>
  );
}
