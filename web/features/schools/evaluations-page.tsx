import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { evaluationQuestions, evaluationRespondents, type EvaluationResults } from '../../../common/schools';
import { Alert, Button, EmptyState, Select, Spinner, Table, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { decimalText, questionLabel, respondentLabel } from './labels';
import { schoolsApi } from './schools-api';
import { SchoolsFrame, useSchoolYear } from './schools-nav';

type Host = EvaluationResults['hosts'][number];
const questionKeys = [...new Set(Object.values(evaluationQuestions).flat())];

/**
 * /skoler/evalueringer: after the weeks, teachers and companies get an e-mailed link to a short form (no login);
 * here the coordinator sends the links for a published plan and reads the results overall and per host.
 */
export function EvaluationsPage() {
  const { t, problem, locale, formatNumber: n } = useT();
  const { can } = useSession();
  const [year] = useSchoolYear();
  const [params, setParams] = useSearchParams();
  const plans = useAsync(() => schoolsApi.plans(year), `plans-${year}`);
  const published = useMemo(() => (plans.data?.items ?? []).filter((p) => p.status !== 'draft').sort((a, b) => b.createdAt.localeCompare(a.createdAt)), [plans.data]);
  const planId = params.get('plan') ?? published[0]?.id ?? '';
  const results = useAsync(() => (planId ? schoolsApi.evaluationResults(planId) : Promise.resolve(null)), `evaluations-${planId}`);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>(null);

  async function send() {
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      const r = await schoolsApi.sendEvaluations(planId);
      setNotice(t('schools.evaluations.sent', { sent: n(r.sent), already: n(r.alreadySent), missing: n(r.missingEmail), notEnded: n(r.notEnded) }));
      results.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const avg = (v: number | null | undefined) => (v === null || v === undefined ? t('common.none') : decimalText(locale, v, 1));
  const columns: Column<Host>[] = [
    { key: 'company', header: t('schools.host.company'), rowHeader: true, cell: (h) => h.companyName },
    { key: 'responses', header: t('schools.evaluations.colResponses'), numeric: true, cell: (h) => t('schools.evaluations.ofSent', { responses: n(h.responses), sent: n(h.sent) }) },
    { key: 'rating', header: t('schools.evaluations.colRating'), numeric: true, cell: (h) => avg(h.averageRating) },
    ...questionKeys.map((k) => ({ key: k, header: questionLabel(locale, k), numeric: true, cell: (h: Host) => avg(h.questions[k]) })),
    {
      key: 'comments', header: t('schools.evaluations.colComments'),
      cell: (h: Host) => (h.comments.length === 0 ? t('common.none') : (
        <details>
          <summary>{t('schools.evaluations.comments', { count: h.comments.length })}</summary>
          <ul>{h.comments.map((c, i) => <li key={i}><strong>{respondentLabel(locale, c.respondent)}:</strong> {c.comment}</li>)}</ul>
        </details>
      )),
    },
  ];
  const data = results.data;

  return (
    <SchoolsFrame title={t('schools.evaluations.title')} intro={t('schools.evaluations.intro')}>
      {plans.error ? <Alert tone="error">{problem(plans.error)}</Alert> : null}
      {plans.data && published.length === 0 ? <EmptyState title={t('schools.evaluations.noPlan')}>{t('schools.evaluations.noPlanBody')}</EmptyState> : null}
      {published.length > 0 ? (
        <div className="section-tools" style={{ alignItems: 'flex-end', marginBottom: '1rem' }}>
          <div style={{ minWidth: '18rem' }}>
            <Select id="evaluations-plan" label={t('schools.evaluations.plan')} value={planId}
              onChange={(e) => { const next = new URLSearchParams(params); next.set('plan', e.target.value); setParams(next); }}
              options={published.map((p) => ({ value: p.id, label: t('schools.evaluations.planOption', { version: p.version, scope: p.municipalityName ?? t('schools.run.wholePartnership') }) }))} />
          </div>
          {can('allocation.publish') ? <Button disabled={busy || !planId} onClick={() => void send()}>{busy ? t('schools.evaluations.sending') : t('schools.evaluations.send')}</Button> : null}
        </div>
      ) : null}
      <div aria-live="polite">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
      {error ? <Alert tone="error">{problem(error)}</Alert> : null}
      {results.error ? <Alert tone="error">{problem(results.error)}</Alert> : null}
      {planId && results.loading && !data ? <Spinner label={t('app.loading')} /> : null}
      {data ? (
        <>
          <section aria-labelledby="evaluations-overall">
            <h2 id="evaluations-overall">{t('schools.evaluations.overall')}</h2>
            <dl className="facts">
              <div><dt>{t('schools.evaluations.colResponses')}</dt><dd>{t('schools.evaluations.ofSent', { responses: n(data.overall.responses), sent: n(data.overall.sent) })}</dd></div>
              <div><dt>{t('schools.evaluations.colRating')}</dt><dd>{avg(data.overall.averageRating)}</dd></div>
              {evaluationRespondents.map((r) => {
                const part = data.overall.byRespondent[r];
                return part ? (
                  <div key={r}><dt>{respondentLabel(locale, r)}</dt><dd>{t('schools.evaluations.respondentLine', {
                    rating: avg(part.averageRating), responses: n(part.responses), sent: n(part.sent),
                  })}</dd></div>
                ) : null;
              })}
              {questionKeys.filter((k) => data.overall.questions[k] !== undefined).map((k) => (
                <div key={k}><dt>{questionLabel(locale, k)}</dt><dd>{avg(data.overall.questions[k])}</dd></div>
              ))}
            </dl>
            <p className="muted small" style={{ marginTop: '0.75rem' }}>{t('schools.evaluations.scale')}</p>
          </section>
          <section aria-labelledby="evaluations-hosts">
            <h2 id="evaluations-hosts">{t('schools.evaluations.perHost')}</h2>
            {data.hosts.length === 0 ? <p>{t('schools.evaluations.noHosts')}</p>
              : <Table caption={t('schools.evaluations.hostsCaption')} captionHidden columns={columns} rows={data.hosts} rowKey={(h) => h.companyId} />}
          </section>
        </>
      ) : null}
    </SchoolsFrame>
  );
}
