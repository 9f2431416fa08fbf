import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { outboxMessageSchema } from '../../../../common/identity';
import { Alert, Badge, Button, EmptyState, ExportMenu, PageHeader, Pagination, Spinner, Table, type Column } from '../../../components/ui';
import { useT } from '../../../i18n/i18n';
import { apiGet, toQuery } from '../../../lib/api';
import { useAsync } from '../../../lib/use-async';
import type { Page } from './admin-api';

type OutboxMessage = z.infer<typeof outboxMessageSchema>;
const pageSize = 25;

export function OutboxPage() {
  const { t, problem, formatDate } = useT();
  const [params, setParams] = useSearchParams();
  const offset = Number(params.get('offset') ?? 0) || 0;
  const selectedId = params.get('besked');
  const list = useAsync(() => apiGet<Page<OutboxMessage>>(`/admin/outbox${toQuery({ limit: pageSize, offset })}`), String(offset));
  const selected = list.data?.items.find((m) => m.id === selectedId) ?? null;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => { if (selected) heading.current?.focus(); }, [selected]);

  const open = (id: string | null) => setParams({ ...(offset ? { offset: String(offset) } : {}), ...(id ? { besked: id } : {}) });

  const columns: Column<OutboxMessage>[] = [
    { key: 'created', header: t('outbox.colCreated'), cell: (m) => formatDate(m.createdAt, true) },
    { key: 'to', header: t('outbox.colTo'), cell: (m) => m.toAddress },
    { key: 'subject', header: t('outbox.colSubject'), rowHeader: true, cell: (m) => m.subject },
    { key: 'kind', header: t('outbox.colKind'), cell: (m) => m.kind },
    {
      key: 'status', header: t('outbox.colStatus'),
      cell: (m) => (m.sentAt ? <Badge tone="success">{t('outbox.sent', { date: formatDate(m.sentAt, true) })}</Badge>
        : m.lastError ? <Badge tone="danger">{t('outbox.failed')}</Badge> : <Badge tone="info">{t('outbox.pending')}</Badge>),
    },
    {
      key: 'read', header: t('common.actions'),
      cell: (m) => (
        <Button variant="secondary" aria-label={t('outbox.readSubject', { subject: m.subject })} aria-pressed={m.id === selectedId} onClick={() => open(m.id)}>
          {t('outbox.read')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('outbox.title')} intro={t('outbox.intro')} actions={<ExportMenu path="/admin/outbox" total={list.data?.total} />} />
      {selected ? (
        <article className="card message" aria-labelledby="message-heading">
          <h2 id="message-heading" tabIndex={-1} ref={heading}>{selected.subject}</h2>
          <dl className="facts">
            <div><dt>{t('outbox.colTo')}</dt><dd>{selected.toAddress}</dd></div>
            <div><dt>{t('outbox.colCreated')}</dt><dd>{formatDate(selected.createdAt, true)}</dd></div>
            <div><dt>{t('outbox.colKind')}</dt><dd>{selected.kind}</dd></div>
          </dl>
          {selected.lastError ? <Alert tone="error">{t('outbox.error', { error: selected.lastError })}</Alert> : null}
          <pre className="message-body" data-testid="message-body">{selected.bodyText}</pre>
          <Button variant="secondary" onClick={() => open(null)}>{t('common.close')}</Button>
        </article>
      ) : null}
      {list.loading && !list.data ? <Spinner label={t('app.loading')} /> : null}
      {list.error ? <Alert tone="error">{problem(list.error)}</Alert> : null}
      {list.data && list.data.items.length === 0 ? <EmptyState title={t('outbox.emptyTitle')}>{t('outbox.emptyBody')}</EmptyState> : null}
      {list.data && list.data.items.length > 0 ? (
        <>
          <Table caption={t('outbox.caption')} columns={columns} rows={list.data.items} rowKey={(m) => m.id} />
          <Pagination total={list.data.total} limit={list.data.limit} offset={list.data.offset} onChange={(o) => setParams({ offset: String(o) })} />
        </>
      ) : null}
    </>
  );
}
