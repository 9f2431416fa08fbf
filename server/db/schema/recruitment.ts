import { sql } from 'drizzle-orm';
import {
  boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { companies, productionUnits } from './companies';
import { organisations, partnerships, users } from './identity';

/**
 * A recruitment order (jobordre): created once — by a job-centre consultant or the company's own user — and seen by
 * every job centre of the partnership, with the centre that holds it. Status
 * kladde → oprettet → under_behandling → inaktiveret → afsluttet_behov_opfyldt | afsluttet_frist_udløbet | annulleret.
 */
export const jobOrders = pgTable('job_orders', {
  id: uuid('id').primaryKey().defaultRandom(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  /** A short number people can say on the phone: JO-2026-00042. */
  number: text('number').notNull().unique(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  productionUnitId: uuid('production_unit_id').references(() => productionUnits.id),
  /** The job centre that holds the order (answers the company, owns its log). */
  holdingOrganisationId: uuid('holding_organisation_id').notNull().references(() => organisations.id),
  createdByUserId: uuid('created_by_user_id').references(() => users.id),
  /** Who created it: a consultant, or the company in the employer view. */
  createdVia: text('created_via').notNull().default('consultant'),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  /** ESCO occupation URI or a DISCO-08/ISCO occupation URI from the reference tables. */
  occupationUri: text('occupation_uri').notNull(),
  openings: integer('openings').notNull().default(1),
  jobType: text('job_type').notNull(),
  requiredSkills: text('required_skills').array().notNull().default(sql`'{}'::text[]`),
  wantedSkills: text('wanted_skills').array().notNull().default(sql`'{}'::text[]`),
  /** Certificate codes from common/recruitment (truck, kran, svejse_…, koerekort_c …): hard requirements. */
  certificates: text('certificates').array().notNull().default(sql`'{}'::text[]`),
  /** ISO 639-1 codes with a level, e.g. "da:flydende". */
  languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
  hoursPerWeek: numeric('hours_per_week', { mode: 'number' }),
  shifts: text('shifts').array().notNull().default(sql`'{}'::text[]`),
  startDate: date('start_date'),
  deadline: date('deadline'),
  /** Services the company wants: ad, search, screening, presentation. */
  services: text('services').array().notNull().default(sql`'{}'::text[]`),
  anonymousEmployer: boolean('anonymous_employer').notNull().default(false),
  workplaceStreet: text('workplace_street'),
  workplacePostalCode: text('workplace_postal_code'),
  workplaceMunicipalityCode: integer('workplace_municipality_code'),
  contactName: text('contact_name'),
  contactEmail: text('contact_email'),
  contactPhone: text('contact_phone'),
  status: text('status').notNull().default('kladde'),
  statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
  /** When it first left kladde (oprettet): the KPIs' clock starts here. */
  openedAt: timestamp('opened_at', { withTimezone: true }),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('job_orders_partnership_idx').on(t.partnershipId, t.status, t.createdAt),
  index('job_orders_company_idx').on(t.companyId, t.createdAt),
  index('job_orders_holder_idx').on(t.holdingOrganisationId, t.status),
  index('job_orders_deadline_idx').on(t.status, t.deadline),
]);

/** The order's placement log (formidlingslog): every step on the order and its placements, in order. */
export const jobOrderLog = pgTable('job_order_log', {
  id: uuid('id').primaryKey().defaultRandom(),
  orderId: uuid('order_id').notNull().references(() => jobOrders.id),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  userId: uuid('user_id').references(() => users.id),
  organisationId: uuid('organisation_id').references(() => organisations.id),
  /** created, updated, status, placement, consent, note, system. */
  kind: text('kind').notNull(),
  fromStatus: text('from_status'),
  toStatus: text('to_status'),
  placementId: uuid('placement_id'),
  /** The Danish sentence shown in the log; never a candidate's identity. */
  text: text('text').notNull(),
}, (t) => [index('job_order_log_order_idx').on(t.orderId, t.at)]);

/**
 * A jobseeker as registered by one job centre (the data controller). Identity (name, contact, CPR) is readable only
 * by that centre; other centres see `ref` and the match-relevant profile. CPR is stored encrypted (AES-256-GCM, key
 * from the environment) with a keyed hash (HMAC-SHA-256) that finds the same person at two centres.
 */
export const candidates = pgTable('candidates', {
  id: uuid('id').primaryKey().defaultRandom(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  /** Pseudonymous reference shown outside the owning centre, e.g. K-4F7Q2M. */
  ref: text('ref').notNull().unique(),
  /** The centre's own id for the person (from its CSV export), unique per centre. */
  externalRef: text('external_ref'),
  name: text('name'),
  email: text('email'),
  phone: text('phone'),
  cprEncrypted: text('cpr_encrypted'),
  cprHash: text('cpr_hash'),
  /** A short CV text: identity-bearing, released to an employer only with consent. */
  cvText: text('cv_text'),
  occupations: text('occupations').array().notNull().default(sql`'{}'::text[]`),
  skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
  certificates: text('certificates').array().notNull().default(sql`'{}'::text[]`),
  educationLevel: text('education_level'),
  languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
  postalCode: text('postal_code'),
  maxCommuteKm: integer('max_commute_km'),
  availableFrom: date('available_from'),
  hoursPerWeek: numeric('hours_per_week', { mode: 'number' }),
  targetGroup: text('target_group'),
  active: boolean('active').notNull().default(true),
  lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
  anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('candidates_organisation_idx').on(t.organisationId, t.active),
  index('candidates_partnership_idx').on(t.partnershipId, t.active),
  index('candidates_cpr_hash_idx').on(t.partnershipId, t.cprHash),
  uniqueIndex('candidates_external_ref_idx').on(t.organisationId, t.externalRef),
  index('candidates_activity_idx').on(t.lastActivityAt),
]);

/**
 * A placement (formidling): one candidate proposed for one order by the candidate's own centre. Status
 * udsøgt → samtykke_givet → præsenteret → samtale → ansat | afvist_af_virksomhed | fravalgt_af_kandidat.
 */
export const placements = pgTable('placements', {
  id: uuid('id').primaryKey().defaultRandom(),
  orderId: uuid('order_id').notNull().references(() => jobOrders.id),
  candidateId: uuid('candidate_id').notNull().references(() => candidates.id),
  /** The proposing centre: always the candidate's owner. */
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  createdByUserId: uuid('created_by_user_id').references(() => users.id),
  status: text('status').notNull().default('udsøgt'),
  /** Score and reasons at the moment the candidate was picked from the shortlist. */
  matchScore: integer('match_score'),
  matchReasons: jsonb('match_reasons'),
  statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
  presentedAt: timestamp('presented_at', { withTimezone: true }),
  hiredAt: timestamp('hired_at', { withTimezone: true }),
  closedReason: text('closed_reason'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('placements_order_candidate_idx').on(t.orderId, t.candidateId),
  index('placements_candidate_idx').on(t.candidateId, t.status),
  index('placements_organisation_idx').on(t.organisationId, t.status),
  // A candidate is `ansat` in at most one order at a time.
  uniqueIndex('placements_one_hire_idx').on(t.candidateId).where(sql`status = 'ansat'`),
]);

/**
 * A candidate's consent to release identity and CV to one employer for one order: what, to whom, why, when;
 * withdrawable. Recorded by the owning centre.
 */
export const candidateConsents = pgTable('candidate_consents', {
  id: uuid('id').primaryKey().defaultRandom(),
  candidateId: uuid('candidate_id').notNull().references(() => candidates.id),
  orderId: uuid('order_id').notNull().references(() => jobOrders.id),
  /** The employer the identity goes to. */
  companyId: uuid('company_id').notNull().references(() => companies.id),
  /** What is released: identity, cv (both by default). */
  scope: text('scope').array().notNull().default(sql`'{identity,cv}'::text[]`),
  purpose: text('purpose').notNull(),
  /** How the candidate gave it: in person, phone, digital post, e-mail. */
  method: text('method').notNull(),
  givenAt: timestamp('given_at', { withTimezone: true }).notNull(),
  recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  withdrawnByUserId: uuid('withdrawn_by_user_id').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('candidate_consents_candidate_idx').on(t.candidateId, t.orderId),
  index('candidate_consents_company_idx').on(t.companyId),
]);

/** A CSV import of candidates by one centre: uploaded, validated (dry run) and applied in one transaction. */
export const candidateImports = pgTable('candidate_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  userId: uuid('user_id').notNull().references(() => users.id),
  fileName: text('file_name').notNull(),
  status: text('status').notNull(),
  rowCount: integer('row_count').notNull().default(0),
  validRows: integer('valid_rows').notNull().default(0),
  errors: jsonb('errors'),
  /** Validated rows awaiting apply; CPR already encrypted, cleared after apply. */
  payload: jsonb('payload'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  appliedAt: timestamp('applied_at', { withTimezone: true }),
});
