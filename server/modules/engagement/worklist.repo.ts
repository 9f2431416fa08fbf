import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { queryRows } from './query.repo';

export interface WorklistRow {
  company_id: string;
  company_name: string;
  cvr: string | null;
  city: string | null;
  tier_id: string;
  tier_name: string;
  cadence_days: number;
  last_contact_date: string | null;
  next_due_date: string;
}

/**
 * A consultant's companies in the organisation's tiers with their next due date (never contacted → today).
 * Reads one row per company from company_responsibles (by organisation and user), company_tiers and
 * company_last_contacts, so it costs the consultant's portfolio, not the interaction history.
 * `dueBy`: only companies due on or before that date.
 */
export async function worklist(db: Db, spec: {
  organisationId: string; userId: string; today: string; dueBy?: string; limit: number; offset: number;
}): Promise<{ rows: WorklistRow[]; total: number }> {
  const base = sql`
    select r.company_id, t.id as tier_id, t.name as tier_name, t.cadence_days, lc.last_contact_date,
      coalesce(lc.last_contact_date + t.cadence_days, ${spec.today}::date) as next_due
    from company_responsibles r
    join company_tiers ct on ct.organisation_id = r.organisation_id and ct.company_id = r.company_id
    join contact_tiers t on t.id = ct.tier_id
    left join company_last_contacts lc on lc.organisation_id = r.organisation_id and lc.company_id = r.company_id
    where r.organisation_id = ${spec.organisationId} and r.user_id = ${spec.userId}`;
  const filter = spec.dueBy ? sql`where w.next_due <= ${spec.dueBy}::date` : sql``;
  const [rows, count] = await Promise.all([
    queryRows<WorklistRow>(db, sql`
      with w as (${base})
      select w.company_id, c.name as company_name, c.cvr, c.city, w.tier_id, w.tier_name, w.cadence_days,
        w.last_contact_date::text as last_contact_date, w.next_due::text as next_due_date
      from w join companies c on c.id = w.company_id
      ${filter}
      order by w.next_due, w.last_contact_date nulls first, c.sort_key COLLATE "C", c.id
      limit ${spec.limit} offset ${spec.offset}`),
    queryRows<{ n: number }>(db, sql`with w as (${base}) select count(*)::int as n from w ${filter}`),
  ]);
  return { rows, total: count[0]?.n ?? 0 };
}
