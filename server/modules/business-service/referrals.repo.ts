import { sql, type SQL } from 'drizzle-orm';
import type { ReferralStatus } from '../../../common/referrals';
import type { Db } from '../../db/client';
import { referralEvents, referrals } from '../../db/schema';

export type ReferralRecord = typeof referrals.$inferSelect;
export type ReferralInsert = typeof referrals.$inferInsert;

const rows = async <T>(db: Db, query: SQL): Promise<T[]> => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

/** A referral with the names the views need (company, offer, provider, sender); dates as text, timestamps as given. */
export interface ReferralRow {
  id: string;
  partnership_id: string;
  status: ReferralStatus;
  company_id: string;
  company_name: string;
  company_cvr: string | null;
  company_street: string | null;
  company_postal_code: string | null;
  company_city: string | null;
  offer_id: string;
  offer_title: string;
  offer_themes: string[];
  provider_id: string;
  provider_name: string;
  from_organisation_id: string;
  from_organisation_name: string;
  from_user_id: string;
  from_user_name: string;
  from_user_email: string;
  assessment_id: string | null;
  message: string;
  consent_at: string | Date;
  sent_at: string | Date;
  response_due: string;
  received_at: string | Date | null;
  started_at: string | Date | null;
  closed_at: string | Date | null;
  rejection_reason: string | null;
  outcome: string | null;
  satisfaction: number | null;
  reminder_sent_at: string | Date | null;
  escalated_at: string | Date | null;
}

const selectReferrals = sql`
  select r.id, r.partnership_id, r.status, r.company_id, c.name as company_name, c.cvr as company_cvr,
    c.street as company_street, c.postal_code as company_postal_code, c.city as company_city,
    r.offer_id, o.title as offer_title, o.themes as offer_themes, r.provider_id, p.name as provider_name,
    r.from_organisation_id, f.name as from_organisation_name, r.from_user_id, u.name as from_user_name, u.email::text as from_user_email,
    r.assessment_id, r.message, r.consent_at, r.sent_at, r.response_due::text as response_due, r.received_at, r.started_at,
    r.closed_at, r.rejection_reason, r.outcome, r.satisfaction, r.reminder_sent_at, r.escalated_at
  from referrals r
    join companies c on c.id = r.company_id
    join offers o on o.id = r.offer_id
    join organisations p on p.id = r.provider_id
    join organisations f on f.id = r.from_organisation_id
    join users u on u.id = r.from_user_id`;

export async function findReferral(db: Db, partnershipId: string, id: string): Promise<ReferralRow | null> {
  const [row] = await rows<ReferralRow>(db, sql`${selectReferrals} where r.id = ${id} and r.partnership_id = ${partnershipId}`);
  return row ?? null;
}

export interface ReferralFilter {
  partnershipId: string;
  /** Referrals to this provider organisation. */
  providerId?: string;
  /** Referrals sent by this organisation. */
  fromOrganisationId?: string;
  companyId?: string;
  status?: ReferralStatus | 'open' | 'overdue';
  /** Today in Denmark (YYYY-MM-DD), for `overdue`. */
  today: string;
  limit: number;
  offset: number;
}

function filterCondition(f: ReferralFilter): SQL {
  const status = f.status === 'open' ? sql`and r.status in ('sendt', 'modtaget', 'igangsat')`
    : f.status === 'overdue' ? sql`and r.status = 'sendt' and r.response_due < ${f.today}::date`
      : f.status ? sql`and r.status = ${f.status}` : sql``;
  return sql`r.partnership_id = ${f.partnershipId}
    ${f.providerId ? sql`and r.provider_id = ${f.providerId}` : sql``}
    ${f.fromOrganisationId ? sql`and r.from_organisation_id = ${f.fromOrganisationId}` : sql``}
    ${f.companyId ? sql`and r.company_id = ${f.companyId}` : sql``}
    ${status}`;
}

/** Open referrals first, the nearest deadline first; then closed ones, newest first. */
export async function listReferrals(db: Db, f: ReferralFilter): Promise<{ rows: ReferralRow[]; total: number }> {
  const where = filterCondition(f);
  const page = await rows<ReferralRow>(db, sql`${selectReferrals} where ${where}
    order by (r.status in ('afsluttet', 'afvist')), case when r.status in ('afsluttet', 'afvist') then null else r.response_due end,
      r.sent_at desc, r.id
    limit ${f.limit} offset ${f.offset}`);
  const [count] = await rows<{ n: number }>(db, sql`select count(*)::int as n from referrals r where ${where}`);
  return { rows: page, total: count?.n ?? 0 };
}

/**
 * Referrals still waiting for the provider's answer after their deadline whose reminder or escalation
 * has not gone out yet, in every partnership (the reminder job's work list).
 */
export function overdueUnnotified(db: Db, today: string): Promise<ReferralRow[]> {
  return rows<ReferralRow>(db, sql`${selectReferrals}
    where r.status = 'sendt' and r.response_due < ${today}::date and (r.reminder_sent_at is null or r.escalated_at is null)
    order by r.response_due, r.id`);
}

/** Claims the reminder: true only for the one call that set reminder_sent_at (never twice). */
export async function markReminded(db: Db, id: string, at: Date): Promise<boolean> {
  const done = await rows<{ id: string }>(db, sql`update referrals set reminder_sent_at = ${at.toISOString()}::timestamptz, updated_at = now()
    where id = ${id} and status = 'sendt' and reminder_sent_at is null returning id`);
  return done.length === 1;
}

/** Claims the escalation: true only for the one call that set escalated_at, and only after a reminder. */
export async function markEscalated(db: Db, id: string, at: Date): Promise<boolean> {
  const done = await rows<{ id: string }>(db, sql`update referrals set escalated_at = ${at.toISOString()}::timestamptz, updated_at = now()
    where id = ${id} and status = 'sendt' and reminder_sent_at is not null and escalated_at is null returning id`);
  return done.length === 1;
}

export async function insertReferral(db: Db, values: ReferralInsert): Promise<ReferralRecord> {
  const [row] = await db.insert(referrals).values(values).returning();
  return row;
}

/**
 * Moves a referral from `from` to the new status; null when it is no longer in `from` (someone else
 * moved it meanwhile), so two handlers never both win.
 */
export async function updateReferralStatus(db: Db, id: string, from: ReferralStatus, set: Partial<ReferralInsert>): Promise<ReferralRecord | null> {
  const [row] = await rows<{ id: string }>(db, sql`update referrals set status = ${set.status ?? from},
      received_at = coalesce(${set.receivedAt?.toISOString() ?? null}::timestamptz, received_at),
      started_at = coalesce(${set.startedAt?.toISOString() ?? null}::timestamptz, started_at),
      closed_at = coalesce(${set.closedAt?.toISOString() ?? null}::timestamptz, closed_at),
      rejection_reason = coalesce(${set.rejectionReason ?? null}, rejection_reason),
      outcome = coalesce(${set.outcome ?? null}, outcome),
      satisfaction = coalesce(${set.satisfaction ?? null}::smallint, satisfaction),
      updated_at = now()
    where id = ${id} and status = ${from} returning id`);
  return row ? getReferralRecord(db, row.id) : null;
}

export async function getReferralRecord(db: Db, id: string): Promise<ReferralRecord | null> {
  const [row] = await db.select().from(referrals).where(sql`${referrals.id} = ${id}`);
  return row ?? null;
}

export async function insertReferralEvent(db: Db, event: typeof referralEvents.$inferInsert): Promise<void> {
  await db.insert(referralEvents).values(event);
}

export interface ReferralEventRow {
  id: string;
  from_status: ReferralStatus | null;
  to_status: ReferralStatus;
  user_name: string | null;
  note: string | null;
  at: string | Date;
}

export function listReferralEvents(db: Db, referralId: string): Promise<ReferralEventRow[]> {
  return rows<ReferralEventRow>(db, sql`select e.id, e.from_status, e.to_status, u.name as user_name, e.note, e.at
    from referral_events e left join users u on u.id = e.user_id
    where e.referral_id = ${referralId} order by e.at, e.id`);
}

/** An open referral of the same company to the same offer, if any. */
export async function findOpenReferral(db: Db, companyId: string, offerId: string): Promise<string | null> {
  const [row] = await rows<{ id: string }>(db, sql`select id from referrals
    where company_id = ${companyId} and offer_id = ${offerId} and status in ('sendt', 'modtaget', 'igangsat') limit 1`);
  return row?.id ?? null;
}

export interface AssessmentRow {
  id: string;
  company_id: string;
  organisation_id: string;
  date: string;
  challenge: string;
  growth_ambition: string;
  next_steps: string;
  priorities: Record<string, number>;
  consent_to_share: boolean;
}

export async function findAssessment(db: Db, partnershipId: string, id: string): Promise<AssessmentRow | null> {
  const [row] = await rows<AssessmentRow>(db, sql`select a.id, a.company_id, a.organisation_id, a.date::text as date, a.challenge,
      a.growth_ambition, a.next_steps, a.priorities, a.consent_to_share
    from needs_assessments a join organisations o on o.id = a.organisation_id
    where a.id = ${id} and o.partnership_id = ${partnershipId}`);
  return row ?? null;
}

export interface Recipient { id: string; email: string; name: string }

/** Active users of an organisation with the role. */
export function organisationUsersWithRole(db: Db, organisationId: string, role: string): Promise<Recipient[]> {
  return rows<Recipient>(db, sql`select id, email::text as email, name from users
    where organisation_id = ${organisationId} and status = 'active' and ${role} = any(roles)
    order by email`);
}

/** Active users with the role anywhere in the partnership (the secretariat). */
export function partnershipUsersWithRole(db: Db, partnershipId: string, role: string): Promise<Recipient[]> {
  return rows<Recipient>(db, sql`select u.id, u.email::text as email, u.name from users u
    join organisations o on o.id = u.organisation_id
    where o.partnership_id = ${partnershipId} and u.status = 'active' and ${role} = any(u.roles)
    order by u.email`);
}

export async function userContact(db: Db, userId: string): Promise<Recipient | null> {
  const [row] = await rows<Recipient>(db, sql`select id, email::text as email, name from users where id = ${userId} and status = 'active'`);
  return row ?? null;
}

export interface ReferableOffer {
  id: string;
  provider_id: string;
  provider_name: string;
  title: string;
  status: string;
  active_from: string | null;
  active_to: string | null;
  response_days: number;
}

export async function findReferableOffer(db: Db, partnershipId: string, id: string): Promise<ReferableOffer | null> {
  const [row] = await rows<ReferableOffer>(db, sql`select o.id, o.provider_id, p.name as provider_name, o.title, o.status,
      o.active_from::text as active_from, o.active_to::text as active_to, o.response_days
    from offers o join organisations p on p.id = o.provider_id
    where o.id = ${id} and o.partnership_id = ${partnershipId}`);
  return row ?? null;
}
