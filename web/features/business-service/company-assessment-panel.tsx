import { Link } from 'react-router';
import type { NeedChange } from '../../../common/business-service';
import { Alert, Spinner, Table, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { businessApi } from './business-api';
import { formatDay, themeKey } from './labels';

/**
 * The company page's needs assessment panel (composed in web/app): the latest assessment the user may see,
 * how each theme's need changed since the one before, earlier assessments and "Ny behovsafdækning".
 */
export function CompanyAssessmentPanel({ companyId, companyName }: { companyId: string; companyName: string }) {
  const { t, locale, problem } = useT();
  const { can } = useSession();
  const allowed = can('assessment.read');
  const data = useAsync(() => (allowed ? businessApi.companyAssessments(companyId) : Promise.resolve(undefined)), `assessments-${companyId}-${allowed}`);
  if (!allowed) return null;
  const d = data.data;
  const latest = d?.items[0];
  const changes = (d?.changes ?? []).filter((c) => c.latest > 0 || (c.previous ?? 0) > 0);

  const change = (c: NeedChange) => {
    if (c.previous === null) return t('assessment.changeNew');
    const diff = c.latest - c.previous;
    if (diff === 0) return t('assessment.changeSame');
    return diff > 0 ? t('assessment.changeUp', { count: diff }) : t('assessment.changeDown', { count: -diff });
  };
  const columns: Column<NeedChange>[] = [
    { key: 'theme', header: t('assessment.colTheme'), rowHeader: true, cell: (c) => t(themeKey(c.theme)) },
    ...(d?.previousDate ? [{
      key: 'previous', header: t('assessment.colPrevious', { date: formatDay(locale, d.previousDate) }), numeric: true, cell: (c: NeedChange) => c.previous ?? '–',
    }] : []),
    { key: 'latest', header: t('assessment.colLatest', { date: formatDay(locale, latest?.date) }), numeric: true, cell: (c) => c.latest },
    ...(d?.previousDate ? [{ key: 'change', header: t('assessment.colChange'), cell: change }] : []),
  ];

  return (
    <section aria-labelledby="assessment-panel-heading" className="card">
      <div className="section-tools">
        <h2 id="assessment-panel-heading">{t('assessment.panelTitle')}</h2>
        <div className="page-actions">
          {d && d.items.length > 0 && can('data.export')
            ? <a className="btn btn-link" href={businessApi.assessmentExportUrl(companyId)} download>{t('assessment.export')}</a> : null}
          {can('assessment.write') ? (
            <Link className="btn btn-primary" to={`/virksomheder/${companyId}/behovsafdaekning/ny`}>{t('assessment.new')}</Link>
          ) : null}
        </div>
      </div>
      {data.loading && !d ? <Spinner label={t('app.loading')} /> : null}
      {data.error ? <Alert tone="error">{problem(data.error)}</Alert> : null}
      {d && !latest ? <p>{t('assessment.none', { name: companyName })}</p> : null}
      {latest ? (
        <>
          <p>
            {t('assessment.latest', { date: formatDay(locale, latest.date), author: latest.author.name, organisation: latest.organisation.name })}{' '}
            <Link to={`/behovsafdaekninger/${latest.id}`}>{t('assessment.openLatest')}</Link>
          </p>
          {latest.challenge ? <blockquote className="message-body" style={{ margin: '0 0 1rem' }}>{latest.challenge}</blockquote> : null}
          {changes.length > 0 ? (
            <Table caption={t(d?.previousDate ? 'assessment.changesCaption' : 'assessment.needsCaption', { name: companyName })} columns={columns} rows={changes} rowKey={(c) => c.theme} />
          ) : <p>{t('assessment.noNeeds')}</p>}
          {d && d.items.length > 1 ? (
            <details>
              <summary>{t('assessment.earlier', { count: d.items.length - 1 })}</summary>
              <ul>
                {d.items.slice(1).map((a) => (
                  <li key={a.id}><Link to={`/behovsafdaekninger/${a.id}`}>{formatDay(locale, a.date)}</Link> – {a.author.name}, {a.organisation.name}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      ) : null}
      {d && d.withheld > 0 ? <p className="muted small">{t('assessment.withheld', { count: d.withheld })}</p> : null}
    </section>
  );
}
