import { sql } from 'drizzle-orm';
import {
  boolean, date, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp, uuid,
} from 'drizzle-orm/pg-core';
import { companies } from './companies';
import { organisations, partnerships, users } from './identity';

/**
 * An offer (ydelse) maintained by a provider organisation: eligibility, financing, capacity and its
 * response promise. Curated by the secretariat; matched against needs assessments.
 */
export const offers = pgTable('offers', {
  id: uuid('id').primaryKey().defaultRandom(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  providerId: uuid('provider_id').notNull().references(() => organisations.id),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
  /** Eligibility; null = no limit. */
  minEmployees: integer('min_employees'),
  maxEmployees: integer('max_employees'),
  /** DB07 sections (one letter) or code prefixes (digits); empty = every industry. */
  industries: text('industries').array().notNull().default(sql`'{}'::text[]`),
  /** Municipality codes; empty = everywhere (regions are expanded to their municipalities when saved). */
  municipalities: integer('municipalities').array().notNull().default(sql`'{}'::int[]`),
  regions: integer('regions').array().notNull().default(sql`'{}'::int[]`),
  minTurnoverDkk: numeric('min_turnover_dkk', { mode: 'number' }),
  /** 'growth' | 'operations' | null (both). */
  segment: text('segment'),
  minCompanyAgeYears: integer('min_company_age_years'),
  maxCompanyAgeYears: integer('max_company_age_years'),
  /** 'free' | 'co_financed' | 'loan' | 'grant' | 'paid' */
  financing: text('financing').notNull().default('free'),
  /** Company's own share in percent when co-financed. */
  coFinancingRate: integer('co_financing_rate'),
  /** Companies the provider can start per quarter; null = unlimited. */
  capacityPerQuarter: integer('capacity_per_quarter'),
  activeFrom: date('active_from'),
  activeTo: date('active_to'),
  virksomhedsguidenUrl: text('virksomhedsguiden_url'),
  responseDays: integer('response_days').notNull().default(5),
  /** 'draft' | 'published' | 'archived' */
  status: text('status').notNull().default('published'),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('offers_partnership_idx').on(t.partnershipId, t.status),
  index('offers_provider_idx').on(t.providerId),
]);

/** A needs assessment (behovsafdækning) of a company by a consultant; each is dated and kept. */
export const needsAssessments = pgTable('needs_assessments', {
  id: uuid('id').primaryKey().defaultRandom(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  authorId: uuid('author_id').notNull().references(() => users.id),
  date: date('date').notNull(),
  /** {theme: priority 0–5} for every theme of DESIGN.md. */
  priorities: jsonb('priorities').notNull().default(sql`'{}'::jsonb`),
  challenge: text('challenge').notNull().default(''),
  growthAmbition: text('growth_ambition').notNull().default(''),
  /** 'growth' | 'operations' */
  segment: text('segment'),
  nextSteps: text('next_steps').notNull().default(''),
  /** [{contactId, name}] */
  participants: jsonb('participants').notNull().default(sql`'[]'::jsonb`),
  /** The company's consent to share the assessment with the partnership's other organisations. */
  consentToShare: boolean('consent_to_share').notNull().default(false),
  /** Turnover the company stated (DKK), used for eligibility. */
  turnoverDkk: numeric('turnover_dkk', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('needs_assessments_company_idx').on(t.companyId, t.date)]);

/** A referral (henvisning) of a company to an offer; status moves sendt → modtaget → igangsat → afsluttet | afvist. */
export const referrals = pgTable('referrals', {
  id: uuid('id').primaryKey().defaultRandom(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  offerId: uuid('offer_id').notNull().references(() => offers.id),
  providerId: uuid('provider_id').notNull().references(() => organisations.id),
  assessmentId: uuid('assessment_id').references(() => needsAssessments.id),
  fromOrganisationId: uuid('from_organisation_id').notNull().references(() => organisations.id),
  fromUserId: uuid('from_user_id').notNull().references(() => users.id),
  message: text('message').notNull().default(''),
  /** The company's consent to the referral, recorded by the referring consultant. */
  consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
  status: text('status').notNull().default('sendt'),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  /** The provider's response deadline (sent + the offer's response days, in Danish working days). */
  responseDue: date('response_due').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }),
  startedAt: timestamp('started_at', { withTimezone: true }),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  rejectionReason: text('rejection_reason'),
  outcome: text('outcome'),
  /** The company's satisfaction 1–5 at close. */
  satisfaction: smallint('satisfaction'),
  /** The Danish day it was sent; set by a trigger from sent_at (migration referral_kpi_columns). */
  sentDay: date('sent_day'),
  /** Working days from sending to the provider's first answer (received, or rejected unanswered); set by the same trigger. */
  responseDays: integer('response_days'),
  reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
  escalatedAt: timestamp('escalated_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('referrals_provider_idx').on(t.providerId, t.status, t.sentAt),
  index('referrals_company_idx').on(t.companyId, t.sentAt),
  index('referrals_offer_idx').on(t.offerId, t.status),
  index('referrals_from_idx').on(t.fromOrganisationId, t.sentAt),
  index('referrals_kpi_idx').on(t.partnershipId, t.sentDay),
]);

/**
 * Danish working days 2000–2100 with their running count (ordinal): the working days after a and up to b are
 * ordinal(b) − ordinal(a). Filled by the migration from the same holiday rules as working-days.ts (a test
 * compares every day).
 */
export const workingDayCalendar = pgTable('working_day_calendar', {
  day: date('day').primaryKey(),
  working: boolean('working').notNull(),
  ordinal: integer('ordinal').notNull(),
});

/** Every status change of a referral, who made it and when (the referral's own log). */
export const referralEvents = pgTable('referral_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  referralId: uuid('referral_id').notNull().references(() => referrals.id),
  fromStatus: text('from_status'),
  toStatus: text('to_status').notNull(),
  userId: uuid('user_id').references(() => users.id),
  note: text('note'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('referral_events_referral_idx').on(t.referralId, t.at)]);
