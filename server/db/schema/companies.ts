import { sql } from 'drizzle-orm';
import {
  boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid,
} from 'drizzle-orm/pg-core';
import { tsvector } from './types';

/**
 * The one shared company record per CVR across all organisations of a deployment.
 * `nameTokens` are normalised in SQL (samspil_name_tokens) so both engines
 * compare the same bytes; `sortKey` orders names the Danish way under COLLATE "C".
 */
export const companies = pgTable('companies', {
  id: uuid('id').primaryKey().defaultRandom(),
  cvr: text('cvr').unique(),
  name: text('name').notNull(),
  secondaryNames: text('secondary_names').array().notNull().default(sql`'{}'::text[]`),
  legalForm: text('legal_form'),
  status: text('status').notNull().default('active'),
  startDate: date('start_date'),
  endDate: date('end_date'),
  street: text('street'),
  postalCode: text('postal_code'),
  city: text('city'),
  municipalityCode: integer('municipality_code'),
  industryClassification: text('industry_classification').notNull().default('DB07'),
  industryCode: text('industry_code'),
  industrySection: text('industry_section'),
  industryText: text('industry_text'),
  secondaryIndustries: jsonb('secondary_industries').notNull().default(sql`'[]'::jsonb`),
  employeeBand: text('employee_band'),
  employees: integer('employees'),
  phone: text('phone'),
  email: text('email'),
  advertisingProtected: boolean('advertising_protected').notNull().default(false),
  source: text('source').notNull().default('manual'),
  isDemo: boolean('is_demo').notNull().default(false),
  sortKey: text('sort_key').generatedAlwaysAs(sql`da_sort_key(name)`),
  /** The normalised words of the name; typo-tolerant search maps query words onto these (see company_name_words). */
  nameTokens: text('name_tokens').array().generatedAlwaysAs(sql`samspil_name_tokens(name)`),
  searchDoc: tsvector('search_doc').generatedAlwaysAs(
    sql`to_tsvector('danish'::regconfig, coalesce(name, '') || ' ' || coalesce(industry_text, '') || ' ' || coalesce(street, '') || ' ' || coalesce(postal_code, '') || ' ' || coalesce(city, ''))`,
  ),
  cvrUpdatedAt: timestamp('cvr_updated_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('companies_name_tokens_idx').using('gin', t.nameTokens),
  index('companies_search_doc_idx').using('gin', t.searchDoc),
  index('companies_sort_idx').on(sql`${t.sortKey} COLLATE "C"`, t.id),
  index('companies_municipality_idx').on(t.municipalityCode),
  index('companies_industry_idx').on(t.industryCode),
  index('companies_band_industry_idx').on(t.employeeBand, t.industryCode),
  index('companies_section_idx').on(t.industrySection),
  // The duplicate finder's keys (functions in migration …_duplicate_finder_keys): each company without a CVR number
  // probes these for the companies sharing a name word, an address, a phone number or an e-mail address.
  index('companies_duplicate_words_idx').using('gin', sql`samspil_duplicate_word_keys(${t.postalCode}, ${t.nameTokens})`),
  index('companies_duplicate_address_idx').on(sql`samspil_duplicate_address_key(${t.postalCode}, ${t.street})`).where(sql`street <> ''`),
  index('companies_duplicate_phone_idx').on(sql`samspil_duplicate_phone_key(${t.phone})`).where(sql`phone <> ''`),
  index('companies_duplicate_email_idx').on(sql`samspil_duplicate_email_key(${t.email})`).where(sql`email <> ''`),
]);

export const productionUnits = pgTable('production_units', {
  id: uuid('id').primaryKey().defaultRandom(),
  pNumber: text('p_number').notNull().unique(),
  companyId: uuid('company_id').references(() => companies.id),
  cvr: text('cvr'),
  name: text('name').notNull(),
  status: text('status').notNull().default('active'),
  startDate: date('start_date'),
  endDate: date('end_date'),
  street: text('street'),
  postalCode: text('postal_code'),
  city: text('city'),
  municipalityCode: integer('municipality_code'),
  industryCode: text('industry_code'),
  industryText: text('industry_text'),
  employees: integer('employees'),
  employeeBand: text('employee_band'),
  advertisingProtected: boolean('advertising_protected').notNull().default(false),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('production_units_company_idx').on(t.companyId),
  index('production_units_cvr_idx').on(t.cvr),
]);

/**
 * Every distinct word that occurs in a company name (kept by a trigger on companies). Small enough to
 * search with trigrams in a millisecond; a misspelt query word is mapped to the real words near it.
 */
export const companyNameWords = pgTable('company_name_words', {
  word: text('word').primaryKey(),
}, (t) => [index('company_name_words_trgm_idx').using('gin', sql`${t.word} gin_trgm_ops`)]);
