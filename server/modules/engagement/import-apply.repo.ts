import { sql, type SQL } from 'drizzle-orm';
import type { InteractionChannel } from '../../../common/engagement';
import type { ImportField } from '../../../common/engagement-import';
import type { Db } from '../../db/client';
import { queryRows } from './query.repo';

/*
 * Applying an import: set-based upserts from the staged rows (INSERT … SELECT … ON CONFLICT on the external id),
 * with the timeline events, follow-up tasks and last-contact figures a single interaction write keeps
 * (interactions.service.ts), in the caller's one transaction. Rows are taken in row-number ranges so a
 * 100,000-row file is a few statements of bounded size rather than one huge one.
 */

/** The timeline titles of interactions.service.ts (same words, so imported and typed-in contacts read alike). */
const channelTitles: Record<InteractionChannel, string> = {
  visit: 'Besøg', phone: 'Telefonopkald', meeting: 'Møde', email: 'E-mail', event: 'Arrangement',
};

/** Optional fields and the interaction column a re-import overwrites when the field is mapped (unmapped ones are kept). */
const interactionUpdates: Partial<Record<ImportField, SQL>> = {
  themes: sql.raw('themes = excluded.themes'),
  notes: sql.raw('notes = excluded.notes'),
  participants: sql.raw('participants = excluded.participants'),
  confidential: sql.raw('confidential = excluded.confidential'),
  followUpDate: sql.raw('follow_up_date = excluded.follow_up_date'),
  consultantEmail: sql.raw('author_id = excluded.author_id'),
};

const contactUpdates: Partial<Record<ImportField, SQL>> = {
  title: sql.raw('title = excluded.title'),
  phone: sql.raw('phone = excluded.phone'),
  email: sql.raw('email = excluded.email'),
  role: sql.raw('role = excluded.role'),
  pNumber: sql.raw('production_unit_id = excluded.production_unit_id'),
};

const updateList = (table: Partial<Record<ImportField, SQL>>, mapped: readonly ImportField[]) =>
  mapped.flatMap((f) => (table[f] ? [sql`, `, table[f]] : []));

export interface RowRange { jobId: string; from: number; to: number }

/** The row numbers of a job's valid rows: where the batches start and end. */
export async function validRowRange(db: Db, jobId: string): Promise<{ min: number; max: number; count: number }> {
  const [row] = await queryRows<{ min: number | null; max: number | null; count: number }>(db, sql`select min(row_number) as min,
    max(row_number) as max, count(*)::int as count from import_job_rows where job_id = ${jobId} and errors is null`);
  return { min: row?.min ?? 0, max: row?.max ?? -1, count: row?.count ?? 0 };
}

/** Companies that lose an interaction because a re-import moves it to another company (their figures change too). */
export async function companiesLosingInteractions(db: Db, jobId: string, organisationId: string): Promise<string[]> {
  const rows = await queryRows<{ company_id: string }>(db, sql`select distinct i.company_id from import_job_rows r
    join interactions i on i.organisation_id = ${organisationId} and i.external_ref = r.record->>'externalRef'
    where r.job_id = ${jobId} and r.errors is null and i.company_id <> r.company_id`);
  return rows.map((r) => r.company_id);
}

export interface BatchCounts { rows: number; inserted: number; updated: number; tasks: number }

/**
 * One batch of interactions: upsert, their timeline events, and a follow-up task (with its own timeline event)
 * for a follow-up date from today on where the interaction has none yet. An interaction deleted in Samspil is
 * left alone (not updated, not revived).
 */
export async function upsertInteractionBatch(db: Db, range: RowRange, spec: {
  organisationId: string; userId: string; today: string; mapped: readonly ImportField[];
}): Promise<BatchCounts> {
  const titles = JSON.stringify(channelTitles);
  const [row] = await queryRows<BatchCounts>(db, sql`
    with src as (
      select r.company_id, r.record from import_job_rows r
      where r.job_id = ${range.jobId} and r.errors is null and r.row_number >= ${range.from} and r.row_number < ${range.to}
    ), up as (
      insert into interactions as i (company_id, organisation_id, author_id, date, channel, purpose, themes, notes, participants,
        confidential, follow_up_date, external_ref)
      select s.company_id, ${spec.organisationId}, coalesce((s.record->>'authorId')::uuid, ${spec.userId}::uuid), (s.record->>'date')::date,
        s.record->>'channel', s.record->>'purpose', array(select jsonb_array_elements_text(coalesce(s.record->'themes', '[]'::jsonb))),
        coalesce(s.record->>'notes', ''), coalesce(s.record->'participants', '[]'::jsonb), coalesce((s.record->>'confidential')::boolean, false),
        (s.record->>'followUpDate')::date, s.record->>'externalRef'
      from src s
      on conflict (organisation_id, external_ref) where external_ref is not null do update set
        company_id = excluded.company_id, date = excluded.date, channel = excluded.channel, purpose = excluded.purpose
        ${sql.join(updateList(interactionUpdates, spec.mapped), sql``)}, updated_at = now()
      where i.deleted_at is null
      returning i.id, i.company_id, i.organisation_id, i.author_id, i.date, i.channel, i.confidential, i.follow_up_date,
        i.follow_up_task_id, i.created_at = now() as inserted
    ), events as (
      insert into timeline_events (company_id, organisation_id, user_id, kind, ref_id, occurred_at, title, confidential)
      select u.company_id, u.organisation_id, u.author_id, 'interaction', u.id, (u.date::text || 'T12:00:00Z')::timestamptz,
        ${titles}::jsonb ->> u.channel, u.confidential
      from up u
      on conflict (kind, ref_id) do update set company_id = excluded.company_id, organisation_id = excluded.organisation_id,
        user_id = excluded.user_id, occurred_at = excluded.occurred_at, title = excluded.title, confidential = excluded.confidential
      returning 1
    ), new_tasks as (
      insert into tasks (organisation_id, company_id, assignee_id, created_by, title, due_date, interaction_id, confidential)
      select u.organisation_id, u.company_id, u.author_id, ${spec.userId}::uuid,
        'Opfølgning: ' || lower(${titles}::jsonb ->> u.channel) || ' hos ' || c.name, u.follow_up_date, u.id, u.confidential
      from up u join companies c on c.id = u.company_id
      where u.follow_up_date >= ${spec.today}::date and u.follow_up_task_id is null
      returning id, organisation_id, company_id, created_by, created_at, title, confidential
    ), task_events as (
      insert into timeline_events (company_id, organisation_id, user_id, kind, ref_id, occurred_at, title, confidential)
      select t.company_id, t.organisation_id, t.created_by, 'task', t.id, t.created_at, 'Opgave: ' || t.title, t.confidential
      from new_tasks t
      returning 1
    )
    select (select count(*) from src)::int as rows, (select count(*) from up where inserted)::int as inserted,
      (select count(*) from up where not inserted)::int as updated, (select count(*) from new_tasks)::int as tasks`);
  return row;
}

/**
 * After the batches: each new follow-up task is linked from its interaction, and a follow-up task whose interaction
 * changed confidentiality follows it (timeline included), as an interaction edit does. "This transaction" is
 * recognised by now(), the transaction's start time.
 */
export async function finishInteractionTasks(db: Db, organisationId: string): Promise<void> {
  await db.execute(sql`update interactions i set follow_up_task_id = t.id from tasks t
    where t.interaction_id = i.id and t.organisation_id = ${organisationId} and t.created_at = now() and i.follow_up_task_id is null`);
  await db.execute(sql`with changed as (
      update tasks t set confidential = i.confidential, updated_at = now() from interactions i
      where i.organisation_id = ${organisationId} and i.updated_at = now() and i.follow_up_task_id = t.id and t.confidential <> i.confidential
      returning t.id, t.confidential
    )
    update timeline_events e set confidential = c.confidential from changed c where e.kind = 'task' and e.ref_id = c.id`);
}

/**
 * The organisation's last contact date and count for every company the import touched, recomputed from the
 * interactions themselves (as refreshLastContact does for one).
 */
export async function refreshLastContacts(db: Db, jobId: string, organisationId: string, alsoCompanies: readonly string[]): Promise<void> {
  await db.execute(sql`
    insert into company_last_contacts (organisation_id, company_id, last_contact_date, interaction_count)
    select ${organisationId}, t.company_id, max(i.date), count(i.id)::int
    from (
      select distinct company_id from import_job_rows where job_id = ${jobId} and errors is null
      union select (jsonb_array_elements_text(${JSON.stringify(alsoCompanies)}::jsonb))::uuid
    ) t
    left join interactions i on i.organisation_id = ${organisationId} and i.company_id = t.company_id and i.deleted_at is null
    group by t.company_id
    on conflict (organisation_id, company_id) do update
      set last_contact_date = excluded.last_contact_date, interaction_count = excluded.interaction_count`);
}

/** One batch of contacts (shared by the partnership; the external id is unique per partnership). */
export async function upsertContactBatch(db: Db, range: RowRange, spec: {
  partnershipId: string; userId: string; mapped: readonly ImportField[];
}): Promise<BatchCounts> {
  // Without a P-number column the unit is kept, unless the contact moves to another company (then it cannot be right).
  const unitRule = spec.mapped.includes('pNumber') ? sql``
    : sql`, production_unit_id = case when c.company_id = excluded.company_id then c.production_unit_id end`;
  const [row] = await queryRows<BatchCounts>(db, sql`
    with src as (
      select r.company_id, r.record from import_job_rows r
      where r.job_id = ${range.jobId} and r.errors is null and r.row_number >= ${range.from} and r.row_number < ${range.to}
    ), up as (
      insert into company_contacts as c (partnership_id, company_id, production_unit_id, name, title, phone, email, role, external_ref, created_by)
      select ${spec.partnershipId}, s.company_id, (s.record->>'productionUnitId')::uuid, s.record->>'name', s.record->>'title',
        s.record->>'phone', s.record->>'email', s.record->>'role', s.record->>'externalRef', ${spec.userId}::uuid
      from src s
      on conflict (partnership_id, external_ref) where external_ref is not null do update set
        company_id = excluded.company_id, name = excluded.name ${sql.join(updateList(contactUpdates, spec.mapped), sql``)} ${unitRule},
        updated_at = now()
      returning c.created_at = now() as inserted
    )
    select (select count(*) from src)::int as rows, (select count(*) from up where inserted)::int as inserted,
      (select count(*) from up where not inserted)::int as updated, 0 as tasks`);
  return row;
}

/** The staged copies of written rows are no longer needed; rows with errors stay for the report. */
export async function dropAppliedRows(db: Db, jobId: string): Promise<void> {
  await db.execute(sql`delete from import_job_rows where job_id = ${jobId} and errors is null`);
}
