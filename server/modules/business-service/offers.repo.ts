import { eq, sql, type SQL } from 'drizzle-orm';
import { providerKinds } from '../../../common/business-service';
import type { Db } from '../../db/client';
import { offers } from '../../db/schema';

export type OfferInsert = typeof offers.$inferInsert;
export type OfferRecord = typeof offers.$inferSelect;

/** An offer with its provider's name; dates as YYYY-MM-DD text and numerics as numbers on both engines. */
export interface OfferRow {
  id: string;
  partnership_id: string;
  provider_id: string;
  provider_name: string;
  provider_kind: string;
  title: string;
  description: string;
  themes: string[];
  min_employees: number | null;
  max_employees: number | null;
  industries: string[];
  municipalities: number[];
  regions: number[];
  min_turnover_dkk: number | null;
  segment: string | null;
  min_company_age_years: number | null;
  max_company_age_years: number | null;
  financing: string;
  co_financing_rate: number | null;
  capacity_per_quarter: number | null;
  active_from: string | null;
  active_to: string | null;
  virksomhedsguiden_url: string | null;
  response_days: number;
  status: string;
  created_at: string | Date;
  updated_at: string | Date;
}

export const selectOffers = sql`
  select o.id, o.partnership_id, o.provider_id, p.name as provider_name, p.kind as provider_kind, o.title, o.description,
    o.themes, o.min_employees, o.max_employees, o.industries, o.municipalities, o.regions,
    o.min_turnover_dkk::float8 as min_turnover_dkk, o.segment, o.min_company_age_years, o.max_company_age_years, o.financing,
    o.co_financing_rate, o.capacity_per_quarter, o.active_from::text as active_from, o.active_to::text as active_to,
    o.virksomhedsguiden_url, o.response_days, o.status, o.created_at, o.updated_at
  from offers o join organisations p on p.id = o.provider_id`;

/** Rows of a raw query; both drivers (node-postgres, PGlite) answer `{ rows }`. */
const rows = async <T>(db: Db, query: SQL): Promise<T[]> => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

export async function findOffer(db: Db, partnershipId: string, id: string): Promise<OfferRow | null> {
  const [row] = await rows<OfferRow>(db, sql`${selectOffers} where o.id = ${id} and o.partnership_id = ${partnershipId}`);
  return row ?? null;
}

export interface OfferFilter {
  partnershipId: string;
  /** Which non-published offers the reader may see: every one ('all'), one provider's, or none (null). */
  unpublishedOf: 'all' | string | null;
  status: 'draft' | 'published' | 'archived' | 'all';
  q?: string;
  theme?: string;
  providerId?: string;
  financing?: string;
}

function where(f: OfferFilter): SQL {
  const parts: SQL[] = [sql`o.partnership_id = ${f.partnershipId}`];
  if (f.unpublishedOf === null) parts.push(sql`o.status = 'published'`);
  else if (f.unpublishedOf !== 'all') parts.push(sql`(o.status = 'published' or o.provider_id = ${f.unpublishedOf})`);
  if (f.status !== 'all') parts.push(sql`o.status = ${f.status}`);
  // Every word must occur in the title, the description or the provider's name (accents and case ignored).
  for (const word of (f.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
    parts.push(sql`strpos(samspil_search_norm(o.title || ' ' || o.description || ' ' || p.name), samspil_search_norm(${word}::text)) > 0`);
  }
  if (f.theme) parts.push(sql`${f.theme}::text = any(o.themes)`);
  if (f.providerId) parts.push(sql`o.provider_id = ${f.providerId}`);
  if (f.financing) parts.push(sql`o.financing = ${f.financing}`);
  return sql.join(parts, sql` and `);
}

/** A page of the catalogue in Danish title order. */
export async function listOffers(db: Db, filter: OfferFilter, limit: number, offset: number): Promise<{ rows: OfferRow[]; total: number }> {
  const condition = where(filter);
  const [page, count] = await Promise.all([
    rows<OfferRow>(db, sql`${selectOffers} where ${condition}
      order by da_sort_key(o.title) collate "C", o.id limit ${limit} offset ${offset}`),
    rows<{ n: number }>(db, sql`select count(*)::int as n from offers o join organisations p on p.id = o.provider_id where ${condition}`),
  ]);
  return { rows: page, total: count[0]?.n ?? 0 };
}

/** The partnership's organisations that may own offers, with their number of published offers. */
export function listProviders(db: Db, partnershipId: string): Promise<{ id: string; name: string; kind: string; offer_count: number }[]> {
  const kinds = sql.join(providerKinds.map((k) => sql`${k}`), sql`, `);
  return rows(db, sql`
    select p.id, p.name, p.kind, count(o.id) filter (where o.status = 'published')::int as offer_count
    from organisations p left join offers o on o.provider_id = p.id
    where p.partnership_id = ${partnershipId} and p.kind in (${kinds})
    group by p.id, p.name, p.kind
    order by da_sort_key(p.name) collate "C", p.id`);
}

/** An organisation of the partnership (for the provider of an offer), or null. */
export async function findOrganisation(db: Db, partnershipId: string, id: string): Promise<{ id: string; name: string; kind: string } | null> {
  const [row] = await rows<{ id: string; name: string; kind: string }>(db, sql`
    select id, name, kind from organisations where id = ${id} and partnership_id = ${partnershipId}`);
  return row ?? null;
}

export async function insertOffer(db: Db, values: OfferInsert): Promise<OfferRecord> {
  const [row] = await db.insert(offers).values(values).returning();
  return row;
}

export async function updateOffer(db: Db, id: string, values: Partial<OfferInsert>): Promise<OfferRecord> {
  const [row] = await db.update(offers).set({ ...values, updatedAt: new Date() }).where(eq(offers.id, id)).returning();
  return row;
}

export async function getOfferRecord(db: Db, id: string): Promise<OfferRecord | null> {
  const [row] = await db.select().from(offers).where(eq(offers.id, id)).limit(1);
  return row ?? null;
}

export async function deleteOffer(db: Db, id: string): Promise<void> {
  await db.delete(offers).where(eq(offers.id, id));
}

/** Whether any referral points at the offer (then it can be archived, not deleted). */
export async function offerHasReferrals(db: Db, id: string): Promise<boolean> {
  const found = await rows<{ one: number }>(db, sql`select 1 as one from referrals where offer_id = ${id} limit 1`);
  return found.length > 0;
}
