import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { queryRows } from './query.repo';

/** Name similarity (pg_trgm) from which two names sharing a word key count as "ligner hinanden". */
export const similarNameThreshold = 0.5;
/** At the same street address a weaker name likeness is enough. */
const sameAddressNameThreshold = 0.25;

/*
 * The keys are SQL functions (migration …_duplicate_finder_keys), each with an index on companies
 * (…_duplicate_finder_indexes), so what is compared here and what is indexed are the same expressions:
 * samspil_duplicate_word_keys (postal code and the first three letters of a name word, legal forms left out),
 * _address_key (postal code and street), _phone_key (last 8 digits), _email_key, and _name_key (the name
 * pg_trgm compares: its words without the legal form).
 */

/** Name similarity of a candidate company `c` to the company without CVR `l`. */
const nameSimilarity = sql`similarity(l.name_key, samspil_duplicate_name_key(c.name_tokens))::float8`;

export interface CompanyPairRow {
  a_id: string;
  b_id: string;
  similarity: number;
  same_address: boolean;
  same_phone: boolean;
  same_email: boolean;
  score: number;
  total: number;
}

/**
 * Candidate pairs: a company without a CVR number (the hand-created side) against any other company.
 * Driven by the few companies without CVR: each probes the four key indexes for the companies sharing its
 * address, phone, e-mail or a name word key, never scanning all 300,000 companies (the probes sit in one
 * LATERAL union, which the planner runs as a nested loop over them whatever its row estimates).
 * The cost follows the companies that share a postal code and a name-word prefix with them. Name-word
 * candidates need a similar name to become a pair, so only they are filtered by similarity at once; the
 * others are pairs by their own reason. Pairs of two CVR companies are never candidates (they cannot be
 * merged). Dismissed pairs of the partnership are left out. Ordered by score, most likely first.
 */
export function companyPairsQuery(spec: { partnershipId: string; limit: number; offset: number }): SQL {
  return sql`
    with lonely as materialized (
      select c.id, c.postal_code, c.street, c.phone, c.email, samspil_duplicate_name_key(c.name_tokens) as name_key,
        samspil_duplicate_word_keys(c.postal_code, c.name_tokens) as word_keys
      from companies c where c.cvr is null
    ),
    hits as (
      select l.id as lid, h.* from lonely l cross join lateral (
        select c.id as cid, ${nameSimilarity} as similarity, true as same_address, false as same_phone, false as same_email
        from companies c where c.id <> l.id and l.street <> '' and c.street <> ''
          and samspil_duplicate_address_key(c.postal_code, c.street) = samspil_duplicate_address_key(l.postal_code, l.street)
        union all
        select c.id, ${nameSimilarity}, false, true, false
        from companies c where c.id <> l.id and l.phone <> '' and c.phone <> ''
          and samspil_duplicate_phone_key(c.phone) = samspil_duplicate_phone_key(l.phone)
        union all
        select c.id, ${nameSimilarity}, false, false, true
        from companies c where c.id <> l.id and l.email <> '' and c.email <> ''
          and samspil_duplicate_email_key(c.email) = samspil_duplicate_email_key(l.email)
        union all
        select c.id, ${nameSimilarity}, false, false, false
        from companies c where c.id <> l.id and samspil_duplicate_word_keys(c.postal_code, c.name_tokens) && l.word_keys
          and ${nameSimilarity} >= ${similarNameThreshold}
      ) h
    ),
    pairs as (
      -- Two companies without CVR meet from both sides: one pair.
      select least(h.lid, h.cid) as a_id, greatest(h.lid, h.cid) as b_id, max(h.similarity) as similarity,
        bool_or(h.same_address) as same_address, bool_or(h.same_phone) as same_phone, bool_or(h.same_email) as same_email
      from hits h group by 1, 2
    ),
    scored as (
      select p.*, (p.similarity + case when p.same_address then 0.3 else 0 end + case when p.same_phone then 0.4 else 0 end
        + case when p.same_email then 0.4 else 0 end)::float8 as score
      from pairs p
      where (p.similarity >= ${similarNameThreshold} or (p.same_address and p.similarity >= ${sameAddressNameThreshold})
          or p.same_phone or p.same_email)
        and not exists (select 1 from duplicate_dismissals d where d.partnership_id = ${spec.partnershipId}
          and d.kind = 'company' and d.a_id = p.a_id and d.b_id = p.b_id)
    )
    select s.*, (count(*) over ())::int as total from scored s
    order by s.score desc, s.a_id, s.b_id
    limit ${spec.limit} offset ${spec.offset}`;
}

/**
 * A page of candidate pairs (companyPairsQuery). JIT is off for it on PostgreSQL: the planner guesses
 * hundreds of rows for each index probe (it has no statistics for partial expression indexes), so the
 * estimate passes the JIT threshold and compiling would take several times longer than the query runs.
 */
export function companyPairs(db: Db, spec: { partnershipId: string; limit: number; offset: number }): Promise<CompanyPairRow[]> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await t.execute(sql`set local jit = off`);
    return queryRows<CompanyPairRow>(t, companyPairsQuery(spec));
  });
}

export interface DuplicateCompanyRow {
  id: string;
  cvr: string | null;
  name: string;
  source: string;
  status: string;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  created_at: string | Date;
}

export function companiesByIds(db: Db, ids: string[]): Promise<DuplicateCompanyRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return queryRows<DuplicateCompanyRow>(db, sql`
    select id, cvr, name, source, status, street, postal_code, city, phone, email, created_at from companies
    where id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
}

/** Records "not a duplicate" for the partnership (idempotent); ids in either order. */
export async function insertDismissal(db: Db, values: { partnershipId: string; kind: 'company' | 'contact'; ids: [string, string]; userId: string }): Promise<boolean> {
  const [a, b] = [...values.ids].sort();
  const rows = await queryRows<{ a_id: string }>(db, sql`
    insert into duplicate_dismissals (partnership_id, kind, a_id, b_id, dismissed_by)
    values (${values.partnershipId}, ${values.kind}, ${a}, ${b}, ${values.userId})
    on conflict do nothing returning a_id`);
  return rows.length > 0;
}
