import { useCallback, useEffect, useState } from 'react';
import { timelineKinds, type TimelineEvent, type TimelineKind } from '../../../common/engagement';
import { Alert, Badge, Button, EmptyState, ExportMenu, Select, Spinner, Table, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { engagementApi } from './engagement-api';
import { InteractionDetails } from './interaction-details';
import { formatDay, timelineKindKey } from './labels';

const pageSize = 10;

/** The shared company timeline, newest first, filtered by kind and paged with the server's keyset cursor. */
export function TimelinePanel({ companyId, companyName, version }: { companyId: string; companyName: string; version: number }) {
  const { t, problem, locale, formatNumber } = useT();
  const [kind, setKind] = useState<TimelineKind | ''>('');
  const [items, setItems] = useState<TimelineEvent[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async (before: string | null, append: boolean, isCurrent: () => boolean = () => true) => {
    setLoading(true);
    setError(null);
    try {
      const page = await engagementApi.timeline(companyId, kind, before, pageSize);
      if (!isCurrent()) return;
      setItems((list) => (append ? [...list, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (e) {
      if (isCurrent()) setError(e);
    } finally {
      if (isCurrent()) setLoading(false);
    }
  }, [companyId, kind]);

  useEffect(() => {
    let current = true;
    void load(null, false, () => current);
    return () => { current = false; };
  }, [load, version]);

  const columns: Column<TimelineEvent>[] = [
    { key: 'date', header: t('engagement.colDate'), rowHeader: true, cell: (item) => formatDay(locale, item.occurredAt) },
    {
      key: 'kind', header: t('engagement.colKind'),
      cell: (item) => (
        <span className="badges">
          {t(timelineKindKey(item.kind))}
          {item.confidential ? <Badge tone="warning">{t('engagement.confidential')}</Badge> : null}
        </span>
      ),
    },
    { key: 'org', header: t('engagement.colOrganisation'), cell: (item) => item.organisation.name },
    {
      key: 'what', header: t('engagement.colWhat'),
      cell: (item) => (item.redacted
        ? <em>{t('engagement.confidentialOther', { organisation: item.organisation.name })}</em>
        : (
          <>
            {item.title}
            {item.kind === 'interaction' ? <InteractionDetails interactionId={item.refId} /> : null}
          </>
        )),
    },
  ];

  return (
    <section aria-labelledby="timeline-heading" className="card">
      <div className="section-tools">
        <h2 id="timeline-heading">{t('engagement.timeline')}</h2>
        <div className="row-actions">
          <ExportMenu path={`/companies/${companyId}/timeline`} query={{ kind }} label={t('export.timeline')} />
          <ExportMenu path={`/companies/${companyId}/interactions`} label={t('export.interactions')} />
        </div>
      </div>
      <div className="filters-inline">
        <Select
          id="timeline-kind" label={t('engagement.timelineKind')} emptyLabel={t('common.all')} value={kind}
          onChange={(e) => setKind(e.target.value as TimelineKind | '')}
          options={timelineKinds.map((k) => ({ value: k, label: t(timelineKindKey(k)) }))}
        />
      </div>
      {error ? <Alert tone="error">{problem(error)}</Alert> : null}
      {!loading && !error && items.length === 0 ? <EmptyState title={t('engagement.timelineEmpty')} /> : null}
      {items.length > 0 ? (
        <Table
          caption={t('engagement.timelineCaption', { name: companyName })} captionHidden columns={columns} rows={items}
          rowKey={(item) => item.id}
        />
      ) : null}
      <p className="muted" aria-live="polite">
        {items.length > 0 ? t('engagement.timelineCount', { count: formatNumber(items.length) }) : ''}
      </p>
      {loading ? <Spinner label={t('app.loading')} /> : null}
      {cursor && !loading ? (
        <Button variant="secondary" onClick={() => void load(cursor, true)}>{t('engagement.timelineMore')}</Button>
      ) : null}
    </section>
  );
}
