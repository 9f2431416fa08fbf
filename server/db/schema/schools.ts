import { sql } from 'drizzle-orm';
import {
  boolean, date, doublePrecision, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { companies, productionUnits } from './companies';
import { organisations, partnerships, users } from './identity';

/*
 * School–company collaboration (issue 6). Class-level data only: no pupil records anywhere.
 * School years are written "2026/27"; weeks are ISO week numbers within that school year.
 */

export const schools = pgTable('schools', {
  id: uuid('id').primaryKey().defaultRandom(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  /** The school's own organisation in Samspil, when it has users (school coordinators). */
  organisationId: uuid('organisation_id').references(() => organisations.id),
  name: text('name').notNull(),
  /** folkeskole, friskole, efterskole, erhvervsskole, gymnasium, andet. */
  kind: text('kind').notNull().default('folkeskole'),
  municipalityCode: integer('municipality_code').notNull(),
  street: text('street'),
  postalCode: text('postal_code'),
  lat: doublePrecision('lat'),
  lon: doublePrecision('lon'),
  contactName: text('contact_name'),
  contactEmail: text('contact_email'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('schools_name_idx').on(t.partnershipId, t.municipalityCode, t.name),
]);

export const schoolClasses = pgTable('school_classes', {
  id: uuid('id').primaryKey().defaultRandom(),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  schoolYear: text('school_year').notNull(),
  grade: smallint('grade').notNull(),
  letter: text('letter').notNull(),
  pupils: smallint('pupils').notNull(),
  /** ISO weeks that suit the class; empty = any week. */
  suitableWeeks: integer('suitable_weeks').array().notNull().default(sql`'{}'::int[]`),
  themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
  teacherName: text('teacher_name'),
  teacherEmail: text('teacher_email'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('school_classes_unique_idx').on(t.schoolId, t.schoolYear, t.grade, t.letter),
]);

/** A company's offer to host classes in a school year: weeks, classes per week, max pupils, themes, where. */
export const hostOffers = pgTable('host_offers', {
  id: uuid('id').primaryKey().defaultRandom(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  productionUnitId: uuid('production_unit_id').references(() => productionUnits.id),
  schoolYear: text('school_year').notNull(),
  weeks: integer('weeks').array().notNull(),
  classesPerWeek: smallint('classes_per_week').notNull().default(1),
  maxPupils: smallint('max_pupils').notNull(),
  themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
  street: text('street'),
  postalCode: text('postal_code'),
  municipalityCode: integer('municipality_code'),
  lat: doublePrecision('lat'),
  lon: doublePrecision('lon'),
  accessibilityNotes: text('accessibility_notes'),
  contactName: text('contact_name'),
  contactEmail: text('contact_email'),
  contactPhone: text('contact_phone'),
  active: boolean('active').notNull().default(true),
  createdByUserId: uuid('created_by_user_id').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('host_offers_year_idx').on(t.partnershipId, t.schoolYear),
  index('host_offers_company_idx').on(t.companyId),
]);

/** A tutor: a vocational-school pupil or teacher available in given weeks (name and institution only). */
export const tutors = pgTable('tutors', {
  id: uuid('id').primaryKey().defaultRandom(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  schoolYear: text('school_year').notNull(),
  name: text('name').notNull(),
  institution: text('institution').notNull(),
  /** pupil (elev) or teacher (lærer). */
  kind: text('kind').notNull().default('pupil'),
  municipalityCode: integer('municipality_code'),
  postalCode: text('postal_code'),
  lat: doublePrecision('lat'),
  lon: doublePrecision('lon'),
  weeks: integer('weeks').array().notNull(),
  maxClasses: smallint('max_classes').notNull().default(1),
  contactEmail: text('contact_email'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('tutors_year_idx').on(t.partnershipId, t.schoolYear)]);

/** Coordinators' locks (this class at this host week) and forbidden pairs (never this class with this host/company). */
export const allocationConstraints = pgTable('allocation_constraints', {
  id: uuid('id').primaryKey().defaultRandom(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  schoolYear: text('school_year').notNull(),
  kind: text('kind').notNull(),
  classId: uuid('class_id').notNull().references(() => schoolClasses.id),
  hostOfferId: uuid('host_offer_id').references(() => hostOffers.id),
  companyId: uuid('company_id').references(() => companies.id),
  week: integer('week'),
  note: text('note'),
  createdByUserId: uuid('created_by_user_id').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('allocation_constraints_year_idx').on(t.partnershipId, t.schoolYear)]);

/**
 * One run of the allocator: its scope (partnership or one municipality), weights, solver figures (objective, bound,
 * gap) and status draft → published → superseded. A re-run after publishing makes a new version; changes between
 * the published version and the next are kept in allocation_plan_changes.
 */
export const allocationPlans = pgTable('allocation_plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  schoolYear: text('school_year').notNull(),
  municipalityCode: integer('municipality_code'),
  version: integer('version').notNull(),
  status: text('status').notNull().default('draft'),
  weights: jsonb('weights').notNull(),
  /** Solver status, objective, bound, gap %, seconds, counts; or the infeasibility report. */
  result: jsonb('result').notNull(),
  createdByUserId: uuid('created_by_user_id').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  publishedByUserId: uuid('published_by_user_id').references(() => users.id),
}, (t) => [
  uniqueIndex('allocation_plans_version_idx').on(t.partnershipId, t.schoolYear, t.municipalityCode, t.version),
]);

export const allocationAssignments = pgTable('allocation_assignments', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id').notNull().references(() => allocationPlans.id),
  classId: uuid('class_id').notNull().references(() => schoolClasses.id),
  hostOfferId: uuid('host_offer_id').notNull().references(() => hostOffers.id),
  week: integer('week').notNull(),
  tutorId: uuid('tutor_id').references(() => tutors.id),
  locked: boolean('locked').notNull().default(false),
  distanceKm: doublePrecision('distance_km'),
  /** Why: structured reasons with their Danish sentences. */
  reasons: jsonb('reasons').notNull(),
}, (t) => [
  uniqueIndex('allocation_assignments_class_idx').on(t.planId, t.classId),
  index('allocation_assignments_host_idx').on(t.hostOfferId, t.week),
]);

/** Changes to a published plan (a new version moved, added or removed a class's host week). */
export const allocationPlanChanges = pgTable('allocation_plan_changes', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id').notNull().references(() => allocationPlans.id),
  previousPlanId: uuid('previous_plan_id').notNull().references(() => allocationPlans.id),
  classId: uuid('class_id').notNull().references(() => schoolClasses.id),
  before: jsonb('before'),
  after: jsonb('after'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('allocation_plan_changes_plan_idx').on(t.planId)]);

/** A collaboration agreement (samarbejdsaftale) between a school or youth-education institution and a company. */
export const schoolAgreements = pgTable('school_agreements', {
  id: uuid('id').primaryKey().defaultRandom(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  schoolId: uuid('school_id').references(() => schools.id),
  /** For youth-education institutions not in `schools`. */
  institutionName: text('institution_name'),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  /** The municipality the agreement counts for (the school's). */
  municipalityCode: integer('municipality_code').notNull(),
  gradeLevels: text('grade_levels').array().notNull().default(sql`'{}'::text[]`),
  /** visits, company_cases, role_models, teacher_internships, other. */
  activities: text('activities').array().notNull().default(sql`'{}'::text[]`),
  periodFrom: date('period_from').notNull(),
  periodTo: date('period_to'),
  /** planned, active, ended, cancelled. */
  status: text('status').notNull().default('active'),
  schoolContact: text('school_contact'),
  companyContact: text('company_contact'),
  notes: text('notes'),
  createdByUserId: uuid('created_by_user_id').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('school_agreements_municipality_idx').on(t.partnershipId, t.municipalityCode, t.status)]);

/** After the week: one evaluation per assignment and respondent (teacher, company), answered by e-mail link without login. */
export const allocationEvaluations = pgTable('allocation_evaluations', {
  id: uuid('id').primaryKey().defaultRandom(),
  assignmentId: uuid('assignment_id').notNull().references(() => allocationAssignments.id),
  respondent: text('respondent').notNull(),
  email: text('email').notNull(),
  /** sha256 of the link token. */
  tokenHash: text('token_hash').notNull().unique(),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  answeredAt: timestamp('answered_at', { withTimezone: true }),
  /** Overall 1–5. */
  rating: smallint('rating'),
  answers: jsonb('answers'),
  comment: text('comment'),
}, (t) => [uniqueIndex('allocation_evaluations_unique_idx').on(t.assignmentId, t.respondent)]);
