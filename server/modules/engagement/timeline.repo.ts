import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { queryRows } from './query.repo';

export interface TimelineEventInput {
  companyId: string;
  organisationId: string;
  userId: string | null;
  kind: string;
  refId: string;
  occurredAt: Date;
  title: string;
  confidential: boolean;
}

export interface TimelineRow {
  id: string;
  company_id: string;
  kind: string;
  ref_id: string;
  occurred_at: string;
  organisation_id: string;
  organisation_name: string;
  organisation_kind: string;
  title: string;
  confidential: boolean;
}

/** Inserts or (same kind and ref) replaces a timeline event. */
export async function upsertTimelineEvent(db: Db, e: TimelineEventInput): Promise<void> {
  await db.execute(sql`
    insert into timeline_events (company_id, organisation_id, user_id, kind, ref_id, occurred_at, title, confidential)
    values (${e.companyId}, ${e.organisationId}, ${e.userId}, ${e.kind}, ${e.refId}, ${e.occurredAt.toISOString()}::timestamptz,
      ${e.title}, ${e.confidential})
    on conflict (kind, ref_id) do update set company_id = excluded.company_id, organisation_id = excluded.organisation_id,
      user_id = excluded.user_id, occurred_at = excluded.occurred_at, title = excluded.title, confidential = excluded.confidential`);
}

export async function deleteTimelineEvent(db: Db, kind: string, refId: string): Promise<void> {
  await db.execute(sql`delete from timeline_events where kind = ${kind} and ref_id = ${refId}`);
}

/**
 * A page of a company's timeline, newest first. Keyset: `(occurred_at, id) < cursor` scans
 * timeline_events_company_idx backwards, so a page costs the same on a company with 2,000 events.
 */
export function pageTimeline(db: Db, spec: {
  partnershipId: string; companyId: string; kind?: string; organisationId?: string;
  before?: { occurredAt: string; id: string }; limit: number;
}): Promise<TimelineRow[]> {
  return queryRows<TimelineRow>(db, sql`
    select e.id, e.company_id, e.kind, e.ref_id,
      to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred_at,
      e.organisation_id, o.name as organisation_name, o.kind as organisation_kind, e.title, e.confidential
    from timeline_events e join organisations o on o.id = e.organisation_id
    where e.company_id = ${spec.companyId} and o.partnership_id = ${spec.partnershipId}
      ${spec.kind ? sql`and e.kind = ${spec.kind}` : sql``}
      ${spec.organisationId ? sql`and e.organisation_id = ${spec.organisationId}` : sql``}
      ${spec.before ? sql`and (e.occurred_at, e.id) < (${spec.before.occurredAt}::timestamptz, ${spec.before.id}::uuid)` : sql``}
    order by e.occurred_at desc, e.id desc
    limit ${spec.limit}`);
}
