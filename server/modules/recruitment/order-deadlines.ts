import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { orderStatusLabels, type OrderStatus } from '../../../common/recruitment';
import type { Db } from '../../db/client';
import { audit } from '../../http/audit';
import { appendOrderLog } from './order-log';

/** Statuses whose deadline still matters: an order past its deadline in one of them closes by itself. */
export const expiringStatuses: readonly OrderStatus[] = ['oprettet', 'under_behandling', 'inaktiveret'];
/** Checked hourly, so an order closes within the hour after Danish midnight whenever the server started; a run finds nothing most hours. */
const checkEveryMs = 3600_000;

const danishDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });
/** Today in Denmark (YYYY-MM-DD), whatever the server's zone. */
export const danishToday = (now = new Date()): string => danishDay.format(now);

const longDate = (iso: string) => new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
  .format(new Date(`${iso}T00:00:00Z`));

/**
 * Closes every order (all partnerships) whose deadline day is before `today` (a Danish date) and that is still
 * oprettet, under behandling or inaktiveret: status afsluttet_frist_udloebet, closedAt set, a system line in its log
 * and an audit entry, in one transaction. Idempotent: a second run the same day finds nothing. Returns how many closed.
 */
export async function closeExpiredOrders(db: Db, today: string, now = new Date()): Promise<number> {
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const statuses = sql.join(expiringStatuses.map((s) => sql`${s}`), sql`, `);
    const closed = ((await tx.execute(sql`
      with expired as (
        select id, status from job_orders
        where status in (${statuses}) and deadline < ${today}::date
        for update
      )
      update job_orders o set status = 'afsluttet_frist_udloebet', status_changed_at = ${now.toISOString()}::timestamptz,
        closed_at = ${now.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz
      from expired e where o.id = e.id
      returning o.id, o.number, e.status as from_status, o.deadline::text as deadline`)) as unknown as {
      rows: { id: string; number: string; from_status: OrderStatus; deadline: string }[];
    }).rows;
    if (closed.length === 0) return 0;
    await appendOrderLog(tx, ...closed.map((o) => ({
      orderId: o.id, userId: null, organisationId: null, kind: 'system' as const, fromStatus: o.from_status,
      toStatus: 'afsluttet_frist_udloebet', at: now,
      text: `Ansøgningsfristen ${longDate(o.deadline)} er udløbet: Samspil har lukket ordren (${orderStatusLabels[o.from_status].da} → Afsluttet – frist udløbet).`,
    })));
    await audit(tx, { actor: null }, ...closed.map((o) => ({
      action: 'order.afsluttet_frist_udloebet', entity: 'job_order', entityId: o.id,
      before: { status: o.from_status }, after: { status: 'afsluttet_frist_udloebet', deadline: o.deadline }, reason: 'deadline_expired',
    })));
    return closed.length;
  });
}

/** The daily deadline check: at start and then every hour (idempotent, so the day closes once); the timer never keeps the process alive. */
export function startOrderDeadlines(db: Db, log: FastifyBaseLogger): { stop(): void } {
  const run = () => {
    closeExpiredOrders(db, danishToday())
      .then((n) => { if (n > 0) log.info({ closed: n }, 'job orders past their deadline closed'); })
      .catch((err: unknown) => log.error({ err }, 'closing expired job orders failed'));
  };
  run();
  const timer = setInterval(run, checkEveryMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
