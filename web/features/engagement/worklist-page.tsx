import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Interaction, WorklistItem } from '../../../common/engagement';
import { Alert, Badge, Button, EmptyState, ExportMenu, PageHeader, Pagination, Select, Spinner, Table, type Column } from '../../components/ui';
import { useT, type MessageKey } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { engagementApi, worklistPageSize, type WorklistStatus } from './engagement-api';
import { InteractionForm } from './interaction-form';
import { daysLabel, formatDay } from './labels';

const statuses: { value: WorklistStatus; label: MessageKey }[] = [
  { value: 'due', label: 'worklist.statusDue' },
  { value: 'overdue', label: 'worklist.statusOverdue' },
  { value: 'all', label: 'worklist.statusAll' },
];
const statusBadge: Record<WorklistItem['status'], { label: MessageKey; tone: 'danger' | 'warning' | 'neutral' }> = {
  overdue: { label: 'worklist.overdue', tone: 'danger' },
  due: { label: 'worklist.due', tone: 'warning' },
  upcoming: { label: 'worklist.upcoming', tone: 'neutral' },
};

/** /arbejdsliste: the consultant's companies due and overdue for contact, most urgent first; one click logs a contact. */
export function WorklistPage() {
  const { t, problem, locale, formatNumber } = useT();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const status = statuses.find((s) => s.value === params.get('status'))?.value ?? 'due';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const list = useAsync(() => engagementApi.worklist(status, offset), `worklist-${status}-${offset}`);
  const [logging, setLogging] = useState<WorklistItem['company'] | null>(null);
  const [saved, setSaved] = useState('');
  const savedRef = useRef<HTMLDivElement>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);
  const trigger = useRef<HTMLElement | null>(null);

  useEffect(() => { if (logging) formHeading.current?.focus(); }, [logging]);

  function onSaved(company: WorklistItem['company'], interaction: Interaction) {
    setSaved(interaction.followUpDate
      ? t('interaction.savedFollowUp', { name: company.name, date: formatDay(locale, interaction.followUpDate) })
      : t('interaction.saved', { name: company.name }));
    setLogging(null);
    list.reload();
    window.setTimeout(() => savedRef.current?.focus(), 0);
  }

  function cancel() {
    setLogging(null);
    window.setTimeout(() => (trigger.current?.isConnected ? trigger.current.focus() : savedRef.current?.focus()), 0);
  }

  const none = t('common.none');
  const columns: Column<WorklistItem>[] = [
    {
      key: 'company', header: t('worklist.colCompany'), rowHeader: true,
      cell: (r) => <Link to={`/virksomheder/${r.company.id}`}>{r.company.name}</Link>,
    },
    { key: 'tier', header: t('worklist.colTier'), cell: (r) => r.tier.name },
    { key: 'last', header: t('worklist.colLastContact'), cell: (r) => formatDay(locale, r.lastContactDate, t('worklist.never')) },
    { key: 'next', header: t('worklist.colNextDue'), cell: (r) => formatDay(locale, r.nextDueDate, none) },
    {
      key: 'days', header: t('worklist.colDays'),
      cell: (r) => <>{daysLabel(t, r.daysOverdue)} <Badge tone={statusBadge[r.status].tone}>{t(statusBadge[r.status].label)}</Badge></>,
    },
    ...(can('interaction.write') ? [{
      key: 'actions', header: t('common.actions'),
      cell: (r: WorklistItem) => (
        <div className="row-actions">
          <Button
            variant="secondary" aria-label={t('worklist.logContactFor', { name: r.company.name })}
            onClick={(e) => { trigger.current = e.currentTarget; setSaved(''); setLogging(r.company); }}
          >
            {t('worklist.logContact')}
          </Button>
        </div>
      ),
    }] : []),
  ];

  const data = list.data;
  return (
    <>
      <PageHeader
        title={t('worklist.title')} intro={t('worklist.intro')}
        actions={<ExportMenu path="/engagement/worklist" query={{ status }} total={data?.total} />}
      />
      <div className="filters-inline card">
        <Select
          id="worklist-status" label={t('worklist.filter')} value={status}
          onChange={(e) => setParams(e.target.value === 'due' ? {} : { status: e.target.value })}
          options={statuses.map((s) => ({ value: s.value, label: t(s.label) }))}
        />
      </div>
      <div ref={savedRef} tabIndex={-1} aria-live="polite">
        {saved ? <Alert tone="success">{saved}</Alert> : null}
      </div>
      {logging ? (
        <section aria-labelledby="worklist-log-heading" className="card">
          <h2 id="worklist-log-heading" ref={formHeading} tabIndex={-1}>{t('interaction.titleFor', { name: logging.name })}</h2>
          <InteractionForm
            key={logging.id} idPrefix="worklist-interaction" companyId={logging.id} initialChannel="phone"
            onSaved={(i) => onSaved(logging, i)} onCancel={cancel}
          />
        </section>
      ) : null}
      {list.error ? <Alert tone="error">{problem(list.error)}</Alert> : null}
      {list.loading && !data ? <Spinner label={t('app.loading')} /> : null}
      {data ? (
        <h2 className="results-count">
          {data.total === 1 ? t('worklist.totalOne') : t('worklist.total', { count: formatNumber(data.total) })}
        </h2>
      ) : null}
      {data && data.items.length === 0 ? <EmptyState title={t('worklist.emptyTitle')}>{t('worklist.emptyBody')}</EmptyState> : null}
      {data && data.items.length > 0 ? (
        <>
          <Table caption={t('worklist.caption')} columns={columns} rows={data.items} rowKey={(r) => r.company.id} />
          <Pagination
            total={data.total} limit={worklistPageSize} offset={offset}
            onChange={(o) => setParams({ ...(status === 'due' ? {} : { status }), ...(o ? { offset: String(o) } : {}) })}
          />
        </>
      ) : null}
    </>
  );
}
