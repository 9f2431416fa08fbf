import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

const rows = async <T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

export async function partnershipBySlug(db: Db, slug: string): Promise<string | null> {
  const [row] = await rows<{ id: string }>(db, sql`select id from partnerships where slug = ${slug}`);
  return row?.id ?? null;
}

export async function hasReferrals(db: Db, partnershipId: string): Promise<boolean> {
  const [row] = await rows<{ found: boolean }>(db, sql`select exists (select 1 from referrals where partnership_id = ${partnershipId}) as found`);
  return Boolean(row?.found);
}

export function publishedOffersByTitle(db: Db, partnershipId: string, titles: readonly string[])
  : Promise<{ id: string; title: string; provider_id: string; provider_name: string; response_days: number }[]> {
  return rows(db, sql`select o.id, o.title, o.provider_id, p.name as provider_name, o.response_days
    from offers o join organisations p on p.id = o.provider_id
    where o.partnership_id = ${partnershipId} and o.status = 'published'
      and o.title in (${sql.join(titles.map((t) => sql`${t}`), sql`, `)})`);
}

export function demoCompanies(db: Db, names: readonly string[]): Promise<{ id: string; name: string }[]> {
  return rows(db, sql`select distinct on (name) id, name from companies
    where is_demo and name in (${sql.join(names.map((n) => sql`${n}`), sql`, `)}) order by name, cvr`);
}

export function demoUsers(db: Db, partnershipId: string, emails: readonly string[]): Promise<{ id: string; email: string; organisation_id: string }[]> {
  return rows(db, sql`select u.id, u.email::text as email, u.organisation_id from users u join organisations o on o.id = u.organisation_id
    where o.partnership_id = ${partnershipId} and u.email in (${sql.join(emails.map((e) => sql`${e}`), sql`, `)})`);
}
