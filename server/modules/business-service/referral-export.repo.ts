import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

/** One course (forløb) for Statistics Denmark's effect measurement: a referral the provider started. */
export interface ReferralExportRow {
  id: string;
  cvr: string | null;
  company_name: string;
  offer_title: string;
  offer_themes: string[];
  provider_name: string;
  sent_day: string;
  start_day: string;
  end_day: string | null;
  status: string;
  satisfaction: number | null;
}

/**
 * Started referrals whose start day (Danish time) lies in the period, by start then id; keyset paged
 * so the export never holds the whole list. A rejected referral that had started ends on its rejection day.
 */
export async function startedReferrals(db: Db, spec: {
  partnershipId: string; from: string; to: string; after: { startedAt: string; id: string } | null; limit: number;
}): Promise<(ReferralExportRow & { started_at: string })[]> {
  const result = (await db.execute(sql`
    select r.id, c.cvr, c.name as company_name, o.title as offer_title, o.themes as offer_themes, p.name as provider_name,
      to_char(r.sent_at at time zone 'Europe/Copenhagen', 'YYYY-MM-DD') as sent_day,
      to_char(r.started_at at time zone 'Europe/Copenhagen', 'YYYY-MM-DD') as start_day,
      to_char(r.closed_at at time zone 'Europe/Copenhagen', 'YYYY-MM-DD') as end_day,
      r.status, r.satisfaction,
      to_char(r.started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as started_at
    from referrals r
      join companies c on c.id = r.company_id
      join offers o on o.id = r.offer_id
      join organisations p on p.id = r.provider_id
    where r.partnership_id = ${spec.partnershipId} and r.started_at is not null
      and r.started_at >= (${spec.from}::timestamp at time zone 'Europe/Copenhagen')
      and r.started_at < ((${spec.to}::date + 1)::timestamp at time zone 'Europe/Copenhagen')
      ${spec.after ? sql`and (r.started_at, r.id) > (${spec.after.startedAt}::timestamptz, ${spec.after.id}::uuid)` : sql``}
    order by r.started_at, r.id
    limit ${spec.limit}`)) as unknown as { rows: (ReferralExportRow & { started_at: string })[] };
  return result.rows;
}
