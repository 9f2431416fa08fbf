import { useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Task } from '../../../common/engagement';
import { Alert, Badge, Button, EmptyState, ExportMenu, PageHeader, Spinner, Table, type Column } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/use-async';
import { CalendarFeedSection } from './calendar-feed-section';
import { engagementApi } from './engagement-api';
import { formatDay } from './labels';

/** /opgaver: the user's open tasks; overdue ones carry a "Forfalden" badge (text, not colour alone). */
export function MyTasksPage() {
  const { t, problem, locale, formatNumber } = useT();
  const { can } = useSession();
  const tasks = useAsync(() => engagementApi.myTasks(), 'my-tasks');
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);

  async function complete(task: Task) {
    setBusyId(task.id);
    setMessage(null);
    try {
      await engagementApi.completeTask(task.id);
      setMessage({ tone: 'success', text: t('tasks.done', { title: task.title }) });
      tasks.reload();
    } catch (e) {
      setMessage({ tone: 'error', text: problem(e) });
    } finally {
      setBusyId(null);
      // The row (and its button) is gone: keep keyboard focus on the announcement, not on the page top.
      window.setTimeout(() => messageRef.current?.focus(), 0);
    }
  }

  const columns: Column<Task>[] = [
    { key: 'title', header: t('tasks.colTitle'), rowHeader: true, cell: (task) => task.title },
    {
      key: 'company', header: t('tasks.colCompany'),
      cell: (task) => (task.company ? <Link to={`/virksomheder/${task.company.id}`}>{task.company.name}</Link> : t('common.none')),
    },
    { key: 'due', header: t('tasks.colDue'), cell: (task) => formatDay(locale, task.dueDate) },
    {
      key: 'status', header: t('tasks.colStatus'),
      cell: (task) => (task.overdue ? <Badge tone="danger">{t('tasks.overdue')}</Badge> : <Badge>{t('tasks.open')}</Badge>),
    },
    ...(can('task.write') ? [{
      key: 'actions', header: t('common.actions'),
      cell: (task: Task) => (
        <div className="row-actions">
          <Button
            variant="secondary" disabled={busyId === task.id} aria-label={t('tasks.markDoneFor', { title: task.title })}
            onClick={() => void complete(task)}
          >
            {t('tasks.markDone')}
          </Button>
        </div>
      ),
    }] : []),
  ];

  // Overdue first, then the nearest due date: what needs doing now is at the top.
  const rows = [...(tasks.data?.items ?? [])].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate));
  return (
    <>
      <PageHeader
        title={t('tasks.title')} intro={t('tasks.intro')}
        actions={<ExportMenu path="/tasks" query={{ assignee: 'me', status: 'open' }} total={tasks.data?.total} />}
      />
      <div ref={messageRef} tabIndex={-1} aria-live="polite">
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      </div>
      {tasks.error ? <Alert tone="error">{problem(tasks.error)}</Alert> : null}
      {tasks.loading && !tasks.data ? <Spinner label={t('app.loading')} /> : null}
      {tasks.data ? (
        <h2 className="results-count">
          {tasks.data.total === 1 ? t('tasks.countOne') : t('tasks.count', { count: formatNumber(tasks.data.total) })}
        </h2>
      ) : null}
      {tasks.data && rows.length === 0 ? <EmptyState title={t('tasks.emptyTitle')}>{t('tasks.emptyBody')}</EmptyState> : null}
      {rows.length > 0 ? <Table caption={t('tasks.caption')} captionHidden columns={columns} rows={rows} rowKey={(task) => task.id} /> : null}
      {can('calendar.read') ? <CalendarFeedSection /> : null}
    </>
  );
}
