import {
  doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp,
} from 'drizzle-orm/pg-core';

export const regions = pgTable('regions', {
  code: integer('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  nuts2: text('nuts2'),
});

export const municipalities = pgTable('municipalities', {
  code: integer('code').primaryKey(),
  name: text('name').notNull(),
  regionCode: integer('region_code').notNull().references(() => regions.code),
  lat: doublePrecision('lat'),
  lon: doublePrecision('lon'),
});

/** Municipality boundaries as GeoJSON geometry, imported from official files. */
export const municipalityBoundaries = pgTable('municipality_boundaries', {
  code: integer('code').primaryKey().references(() => municipalities.code),
  geometry: jsonb('geometry').notNull(),
  source: text('source'),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});

export const postalCodes = pgTable('postal_codes', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  municipalityCode: integer('municipality_code'),
  municipalityCodes: integer('municipality_codes').array(),
  lat: doublePrecision('lat'),
  lon: doublePrecision('lon'),
  isPoBox: integer('is_po_box').notNull().default(0),
});

/** Industry classifications (DB07, DB25): sections, divisions, groups, sub-groups, codes. */
export const industryCodes = pgTable('industry_codes', {
  classification: text('classification').notNull(),
  code: text('code').notNull(),
  level: integer('level').notNull(),
  parentCode: text('parent_code'),
  section: text('section'),
  titleDa: text('title_da').notNull(),
  titleEn: text('title_en'),
  note: text('note'),
}, (t) => [
  primaryKey({ columns: [t.classification, t.code] }),
  index('industry_codes_parent_idx').on(t.classification, t.parentCode),
]);

/**
 * Occupations and ISCO/DISCO groups from ESCO, DISCO-08 and the built-in demo taxonomy.
 * `labels` holds every imported language: { da: { preferred, alt[] }, en: … }.
 */
export const occupations = pgTable('occupations', {
  uri: text('uri').primaryKey(),
  scheme: text('scheme').notNull(),
  code: text('code'),
  iscoGroup: text('isco_group'),
  conceptType: text('concept_type').notNull().default('occupation'),
  preferredLabel: text('preferred_label').notNull(),
  labels: jsonb('labels').notNull(),
  description: text('description'),
  level: integer('level'),
}, (t) => [
  index('occupations_scheme_code_idx').on(t.scheme, t.code),
  index('occupations_isco_idx').on(t.iscoGroup),
]);

export const skills = pgTable('skills', {
  uri: text('uri').primaryKey(),
  scheme: text('scheme').notNull(),
  skillType: text('skill_type'),
  reuseLevel: text('reuse_level'),
  preferredLabel: text('preferred_label').notNull(),
  labels: jsonb('labels').notNull(),
  description: text('description'),
});

export const occupationSkills = pgTable('occupation_skills', {
  occupationUri: text('occupation_uri').notNull(),
  skillUri: text('skill_uri').notNull(),
  relationType: text('relation_type').notNull(),
}, (t) => [
  primaryKey({ columns: [t.occupationUri, t.skillUri] }),
  index('occupation_skills_skill_idx').on(t.skillUri),
]);

/** Broader/narrower relations inside a taxonomy (occupation → ISCO group, skill → skill group …). */
export const taxonomyBroader = pgTable('taxonomy_broader', {
  uri: text('uri').notNull(),
  broaderUri: text('broader_uri').notNull(),
  pillar: text('pillar').notNull(),
}, (t) => [
  primaryKey({ columns: [t.uri, t.broaderUri] }),
  index('taxonomy_broader_broader_idx').on(t.broaderUri),
]);

/** One row per finished import run: what was read, written and rejected. */
export const importRuns = pgTable('import_runs', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  kind: text('kind').notNull(),
  source: text('source').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  status: text('status').notNull(),
  read: integer('read').notNull().default(0),
  written: integer('written').notNull().default(0),
  rejected: integer('rejected').notNull().default(0),
  rejections: jsonb('rejections'),
});
