import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { queryRows } from './query.repo';

/** The last 8 digits of a phone number, so "+45 20 30 40 50" and "20304050" compare equal. */
const phoneKey = (phone: SQL): SQL => sql`nullif(right(regexp_replace(coalesce(${phone}, ''), '[^0-9]', '', 'g'), 8), '')`;

/** Name similarity (pg_trgm) from which two contacts of one company count as "ligner hinanden". */
export const similarContactThreshold = 0.6;

export interface ContactPairRow {
  a_id: string;
  b_id: string;
  similarity: number;
  same_email: boolean;
  same_phone: boolean;
}

/**
 * Pairs of contacts at one company (in the partnership) with a similar name, the same e-mail or the same
 * phone, leaving out pairs dismissed as "not a duplicate". A company has few contacts: all pairs are compared.
 */
export function contactPairs(db: Db, partnershipId: string, companyId: string): Promise<ContactPairRow[]> {
  return queryRows<ContactPairRow>(db, sql`
    with c as (
      select id, samspil_search_norm(name) as name_key, nullif(lower(btrim(email)), '') as email_key, ${phoneKey(sql`phone`)} as phone_key
      from company_contacts where company_id = ${companyId} and partnership_id = ${partnershipId}
    ),
    pairs as (
      select a.id as a_id, b.id as b_id, similarity(a.name_key, b.name_key)::float8 as similarity,
        coalesce(a.email_key = b.email_key, false) as same_email, coalesce(a.phone_key = b.phone_key, false) as same_phone
      from c a join c b on a.id < b.id
    )
    select p.* from pairs p
    where (p.similarity >= ${similarContactThreshold} or p.same_email or p.same_phone)
      and not exists (select 1 from duplicate_dismissals d where d.partnership_id = ${partnershipId} and d.kind = 'contact'
        and d.a_id = p.a_id and d.b_id = p.b_id)
    order by p.similarity + case when p.same_email then 0.5 else 0 end + case when p.same_phone then 0.3 else 0 end desc, p.a_id, p.b_id`);
}

/** Locks the two contacts for the merge (id order, so two merges of one pair cannot deadlock). */
export async function lockContacts(db: Db, ids: string[]): Promise<number> {
  const rows = await queryRows<{ id: string }>(db, sql`
    select id from company_contacts where id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) order by id for update`);
  return rows.length;
}

export interface ParticipantRow { id: string; confidential: boolean; participants: { contactId: string | null; name: string }[] }

/** The company's interactions (deleted ones too: they keep their history) that name the contact as a participant. */
export function interactionsWithParticipant(db: Db, companyId: string, contactId: string): Promise<ParticipantRow[]> {
  return queryRows<ParticipantRow>(db, sql`
    select id, confidential, participants from interactions
    where company_id = ${companyId} and participants @> ${JSON.stringify([{ contactId }])}::jsonb`);
}

export async function setParticipants(db: Db, rows: { id: string; participants: unknown }[]): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(sql`
    update interactions i set participants = v.participants
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(id uuid, participants jsonb) where i.id = v.id`);
}

/** "Not a duplicate" decisions about the merged contact end with it. */
export async function deleteContactDismissals(db: Db, contactId: string): Promise<Record<string, unknown>[]> {
  return (await queryRows<{ row: Record<string, unknown> }>(db, sql`
    with gone as (delete from duplicate_dismissals where kind = 'contact' and (a_id = ${contactId} or b_id = ${contactId}) returning *)
    select to_jsonb(gone.*) as row from gone`)).map((r) => r.row);
}

/** The contact row as stored, for the before-state. */
export async function contactJson(db: Db, id: string): Promise<Record<string, unknown>> {
  const [row] = await queryRows<{ row: Record<string, unknown> }>(db, sql`select to_jsonb(c.*) as row from company_contacts c where c.id = ${id}`);
  return row.row;
}

export async function insertContactDismissal(db: Db, values: { partnershipId: string; ids: string[]; userId: string }): Promise<boolean> {
  const [a, b] = [...values.ids].sort();
  const rows = await queryRows<{ a_id: string }>(db, sql`
    insert into duplicate_dismissals (partnership_id, kind, a_id, b_id, dismissed_by)
    values (${values.partnershipId}, 'contact', ${a}, ${b}, ${values.userId}) on conflict do nothing returning a_id`);
  return rows.length > 0;
}
