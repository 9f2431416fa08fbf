import { sql } from 'drizzle-orm';
import {
  boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { companies, productionUnits } from './companies';
import { organisations, partnerships, users } from './identity';

/** A person at a company (kontaktperson), shared by the organisations of one partnership. */
export const companyContacts = pgTable('company_contacts', {
  id: uuid('id').primaryKey().defaultRandom(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  productionUnitId: uuid('production_unit_id').references(() => productionUnits.id),
  name: text('name').notNull(),
  title: text('title'),
  phone: text('phone'),
  email: text('email'),
  role: text('role'),
  /** The record's id in the CRM it was imported from; an import upserts on (partnership, external_ref). */
  externalRef: text('external_ref'),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('company_contacts_company_idx').on(t.companyId, t.partnershipId),
  uniqueIndex('company_contacts_external_ref_idx').on(t.partnershipId, t.externalRef).where(sql`external_ref IS NOT NULL`),
]);

/** A logged contact with a company (visit, call, meeting, e-mail, event) by a user of an organisation. */
export const interactions = pgTable('interactions', {
  id: uuid('id').primaryKey().defaultRandom(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  authorId: uuid('author_id').notNull().references(() => users.id),
  date: date('date').notNull(),
  channel: text('channel').notNull(),
  purpose: text('purpose').notNull(),
  themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
  notes: text('notes').notNull().default(''),
  /** [{contactId: uuid|null, name: string}] */
  participants: jsonb('participants').notNull().default(sql`'[]'::jsonb`),
  confidential: boolean('confidential').notNull().default(false),
  followUpDate: date('follow_up_date'),
  followUpTaskId: uuid('follow_up_task_id'),
  /** The record's id in the CRM it was imported from; an import upserts on (organisation, external_ref). */
  externalRef: text('external_ref'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  /** Soft delete: the row stays for the audit trail but is gone from every list and count. */
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
}, (t) => [
  index('interactions_company_idx').on(t.companyId, t.date, t.id).where(sql`deleted_at IS NULL`),
  index('interactions_org_company_idx').on(t.organisationId, t.companyId, t.date).where(sql`deleted_at IS NULL`),
  uniqueIndex('interactions_external_ref_idx').on(t.organisationId, t.externalRef).where(sql`external_ref IS NOT NULL`),
]);

/** A follow-up for a user of an organisation, optionally about a company. */
export const tasks = pgTable('tasks', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  companyId: uuid('company_id').references(() => companies.id),
  assigneeId: uuid('assignee_id').notNull().references(() => users.id),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  title: text('title').notNull(),
  dueDate: date('due_date').notNull(),
  status: text('status').notNull().default('open'),
  interactionId: uuid('interaction_id'),
  /** A follow-up of a confidential interaction is confidential too (its title stays in the organisation). */
  confidential: boolean('confidential').notNull().default(false),
  completedAt: timestamp('completed_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('tasks_assignee_idx').on(t.assigneeId, t.status, t.dueDate),
  index('tasks_company_idx').on(t.companyId, t.organisationId),
]);

/** One shared company timeline; every module posts through recordTimelineEvent (engagement/index.ts). */
export const timelineEvents = pgTable('timeline_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  userId: uuid('user_id').references(() => users.id),
  kind: text('kind').notNull(),
  refId: uuid('ref_id').notNull(),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  title: text('title').notNull(),
  confidential: boolean('confidential').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('timeline_events_ref_idx').on(t.kind, t.refId),
  // Keyset pages, newest first: scanned backwards with `(occurred_at, id) < cursor` as an index condition.
  index('timeline_events_company_idx').on(t.companyId, t.occurredAt, t.id),
  index('timeline_events_company_kind_idx').on(t.companyId, t.kind, t.occurredAt, t.id),
]);

/** The one responsible consultant per organisation and company. */
export const companyResponsibles = pgTable('company_responsibles', {
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  userId: uuid('user_id').notNull().references(() => users.id),
  assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.organisationId, t.companyId] }),
  index('company_responsibles_user_idx').on(t.organisationId, t.userId),
  index('company_responsibles_company_idx').on(t.companyId),
]);

/** An organisation's contact tier, e.g. 'intensiv' every 30 days. */
export const contactTiers = pgTable('contact_tiers', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  name: text('name').notNull(),
  cadenceDays: integer('cadence_days').notNull(),
  /** The organisation's target: how many companies it aims to keep in this tier's cadence (e.g. 7,800 or 1,000). */
  targetCompanies: integer('target_companies'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('contact_tiers_org_name_idx').on(t.organisationId, t.name)]);

/** A company's tier in an organisation (at most one per organisation). */
export const companyTiers = pgTable('company_tiers', {
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  tierId: uuid('tier_id').notNull().references(() => contactTiers.id),
  assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.organisationId, t.companyId] }), index('company_tiers_tier_idx').on(t.tierId)]);

/**
 * Last contact date and interaction count per organisation and company, kept in the same transaction
 * as every interaction write, so the worklist and "who else" read one row instead of aggregating.
 */
export const companyLastContacts = pgTable('company_last_contacts', {
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  lastContactDate: date('last_contact_date'),
  interactionCount: integer('interaction_count').notNull().default(0),
}, (t) => [primaryKey({ columns: [t.organisationId, t.companyId] }), index('company_last_contacts_company_idx').on(t.companyId)]);

/**
 * A user's secret iCal feed URL. Only the sha256 of the token is kept, so a leaked table does not
 * leak live feeds; rotating replaces the hash, revoking sets revoked_at (the row stays for the audit trail).
 */
export const calendarFeeds = pgTable('calendar_feeds', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().unique().references(() => users.id),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/**
 * An import of interactions or contacts from another CRM's CSV. The uploaded file is kept until the job is
 * applied or discarded; a dry run parses every row into import_job_rows (with its errors) and changes nothing else;
 * applying upserts the valid staged rows in one transaction.
 */
export const importJobs = pgTable('import_jobs', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  userId: uuid('user_id').notNull().references(() => users.id),
  /** 'interactions' | 'contacts' */
  kind: text('kind').notNull(),
  /** uploaded → validating → validated → applying → applied | failed | discarded */
  status: text('status').notNull().default('uploaded'),
  fileName: text('file_name').notNull(),
  delimiter: text('delimiter').notNull().default(';'),
  content: text('content'),
  header: text('header').array().notNull().default(sql`'{}'::text[]`),
  /** target field → source column name */
  mapping: jsonb('mapping').notNull().default(sql`'{}'::jsonb`),
  totalRows: integer('total_rows').notNull().default(0),
  processedRows: integer('processed_rows').notNull().default(0),
  errorRows: integer('error_rows').notNull().default(0),
  /** Counts after applying: inserted, updated, skipped. */
  summary: jsonb('summary').notNull().default(sql`'{}'::jsonb`),
  failure: text('failure'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
}, (t) => [index('import_jobs_org_idx').on(t.organisationId, t.createdAt)]);

/** One parsed row of an import job: the normalised record to upsert, or its row-level errors. */
export const importJobRows = pgTable('import_job_rows', {
  jobId: uuid('job_id').notNull().references(() => importJobs.id, { onDelete: 'cascade' }),
  rowNumber: integer('row_number').notNull(),
  companyId: uuid('company_id'),
  record: jsonb('record'),
  /** [{column, message}] in Danish; null when the row is valid. */
  errors: jsonb('errors'),
}, (t) => [primaryKey({ columns: [t.jobId, t.rowNumber] })]);

/** A company merged into another: the survivor keeps every related record; the full before-state is kept here and in the audit log. */
export const companyMerges = pgTable('company_merges', {
  id: uuid('id').primaryKey().defaultRandom(),
  survivorId: uuid('survivor_id').notNull().references(() => companies.id),
  /** The merged company's id (the row itself is gone, so no foreign key). */
  mergedId: uuid('merged_id').notNull().unique(),
  mergedBy: uuid('merged_by').notNull().references(() => users.id),
  mergedAt: timestamp('merged_at', { withTimezone: true }).notNull().defaultNow(),
  before: jsonb('before').notNull(),
}, (t) => [index('company_merges_survivor_idx').on(t.survivorId)]);

/** A pair somebody decided is NOT a duplicate, so the duplicate finder stops proposing it (a_id < b_id). */
export const duplicateDismissals = pgTable('duplicate_dismissals', {
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  /** 'company' | 'contact' */
  kind: text('kind').notNull(),
  aId: uuid('a_id').notNull(),
  bId: uuid('b_id').notNull(),
  dismissedBy: uuid('dismissed_by').notNull().references(() => users.id),
  dismissedAt: timestamp('dismissed_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.partnershipId, t.kind, t.aId, t.bId] })]);
