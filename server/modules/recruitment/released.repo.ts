import { sql, type SQL } from 'drizzle-orm';
import type { PlacementStatus } from '../../../common/recruitment';
import { releasedPlacementStatuses } from '../../../common/recruitment';
import type { Db } from '../../db/client';

// The employer's view: candidates released to a company by a consent in force. The only SQL that reads identity for it.

const rows = async <T>(db: Db, query: SQL): Promise<T[]> => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

export interface ReleasedRow {
  placement_id: string;
  order_id: string;
  order_title: string;
  status: PlacementStatus;
  candidate_id: string;
  ref: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  cv_text: string | null;
  occupations: string[];
  skills: string[];
  certificates: string[];
  match_reasons: unknown;
  centre_name: string;
  released_at: string | Date;
  consent_id: string;
  scope: string[];
}

const statusList = `{${releasedPlacementStatuses.join(',')}}`;

/**
 * Placements of the company's orders presented or later whose candidate's consent to this company is in force (not
 * withdrawn), newest release first; optionally of one order.
 */
export function releasedCandidates(db: Db, filter: { partnershipId: string; companyId: string; orderId?: string }): Promise<ReleasedRow[]> {
  return rows(db, sql`
    select p.id as placement_id, p.order_id, j.title as order_title, p.status, c.id as candidate_id, c.ref, c.name, c.email, c.phone,
      c.cv_text, c.occupations, c.skills, c.certificates, p.match_reasons, o.name as centre_name,
      coalesce(p.presented_at, k.given_at) as released_at, k.id as consent_id, k.scope
    from placements p
      join job_orders j on j.id = p.order_id
      join candidates c on c.id = p.candidate_id
      join organisations o on o.id = p.organisation_id
      join lateral (
        select k.id, k.scope, k.given_at from candidate_consents k
        where k.candidate_id = p.candidate_id and k.order_id = p.order_id and k.company_id = ${filter.companyId} and k.withdrawn_at is null
        order by k.given_at desc limit 1
      ) k on true
    where j.partnership_id = ${filter.partnershipId} and j.company_id = ${filter.companyId} and c.anonymised_at is null
      and p.status = any(${statusList}::text[])
      ${filter.orderId ? sql`and p.order_id = ${filter.orderId}` : sql``}
    order by released_at desc, p.id`);
}

/** Danish labels of occupation and skill URIs (labels.da.preferred, else the preferred label). */
export async function taxonomyLabels(db: Db, uris: readonly string[]): Promise<Map<string, string>> {
  if (uris.length === 0) return new Map();
  const list = `{${uris.map((u) => `"${u.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  const found = await rows<{ uri: string; label: string }>(db, sql`
    select uri, coalesce(nullif(labels->'da'->>'preferred', ''), preferred_label) as label from occupations where uri = any(${list}::text[])
    union all
    select uri, coalesce(nullif(labels->'da'->>'preferred', ''), preferred_label) as label from skills where uri = any(${list}::text[])`);
  return new Map(found.map((r) => [r.uri, r.label]));
}
