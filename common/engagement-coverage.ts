import { z } from 'zod';
import { isoDateSchema } from './engagement';

/*
 * The API contract of contact coverage against targets (DESIGN.md, KPIs): a company in tier T is covered
 * at date d when the organisation had a non-deleted interaction with it in (d − T.cadenceDays, d].
 * Figures are for one organisation and its current tier membership: the signed-in user's own, or with
 * `?organisation=` another organisation of the partnership (policy action coverage.read_all).
 */

const uuid = z.string().uuid();

/**
 * `?organisation=` of every coverage route. Without it: the user's own organisation; a user who may read every
 * organisation's coverage and whose own organisation has no tiers gets the first organisation with tiers (Danish order).
 */
export const coverageQuerySchema = z.object({ organisation: z.string().uuid('Ugyldigt organisations-id.').optional() });
export type CoverageQuery = z.infer<typeof coverageQuerySchema>;

const organisationRefSchema = z.object({ id: uuid, name: z.string() });

/** A tier's target: how many companies the organisation aims to keep covered in it; null removes the target. */
export const tierTargetSetSchema = z.object({ targetCompanies: z.number().int('Målet skal være et helt antal virksomheder.').nullable() });
/** The business rule on a target, checked by the server after the shape (answered 422) and by the form before sending. */
export const tierTargetRuleSchema = z.object({
  targetCompanies: z.number().int('Målet skal være et helt antal virksomheder.')
    .min(0, 'Målet kan ikke være negativt.').max(1_000_000, 'Målet må højst være 1.000.000 virksomheder.').nullable(),
});
export type TierTargetSet = z.infer<typeof tierTargetSetSchema>;

/** Counts of one group of tier members: how many there are and how many are covered. */
const countsSchema = z.object({ population: z.number().int(), covered: z.number().int() });

/** One point of the monthly series: a month end, or today for the current month. */
export const coveragePointSchema = countsSchema.extend({ date: z.string(), month: z.string() });
export type CoveragePoint = z.infer<typeof coveragePointSchema>;

export const tierCoverageSchema = countsSchema.extend({
  tierId: uuid,
  name: z.string(),
  cadenceDays: z.number().int(),
  targetCompanies: z.number().int().nullable(),
  /** covered ÷ population (0 when the tier is empty). */
  share: z.number(),
  /** covered ÷ target (null without a target). */
  targetProgress: z.number().nullable(),
  /** Oldest first; the last point is today. */
  monthly: z.array(coveragePointSchema),
});
export type TierCoverage = z.infer<typeof tierCoverageSchema>;

const byTierSchema = z.array(countsSchema.extend({ tierId: uuid }));

export const consultantCoverageSchema = countsSchema.extend({
  /** null: companies without a responsible consultant in the organisation. */
  consultant: z.object({ id: uuid, name: z.string() }).nullable(),
  share: z.number(),
  byTier: byTierSchema,
});
export type ConsultantCoverage = z.infer<typeof consultantCoverageSchema>;

export const municipalityCoverageSchema = countsSchema.extend({
  /** null: companies without a known municipality. */
  code: z.number().int().nullable(),
  name: z.string().nullable(),
  share: z.number(),
  byTier: byTierSchema,
});
export type MunicipalityCoverage = z.infer<typeof municipalityCoverageSchema>;

export const coverageSchema = z.object({
  organisation: organisationRefSchema,
  /**
   * The organisations the user may choose between (Danish order): with coverage.read_all those of the partnership
   * that have at least one tier, otherwise only the user's own.
   */
  organisations: z.array(organisationRefSchema),
  /** Today in Denmark: the date "now" refers to. */
  date: z.string(),
  tiers: z.array(tierCoverageSchema),
  /** targetCompanies sums the tiers that have a target; targetCovered and targetProgress count only those tiers. */
  totals: countsSchema.extend({
    targetCompanies: z.number().int().nullable(), targetCovered: z.number().int(), share: z.number(), targetProgress: z.number().nullable(),
  }),
  /** Danish order; the row without a consultant last. */
  consultants: z.array(consultantCoverageSchema),
  /** Danish order; the row without a municipality last. */
  municipalities: z.array(municipalityCoverageSchema),
  /** Municipality boundaries are imported, so the map route has something to draw. */
  mapAvailable: z.boolean(),
});
export type Coverage = z.infer<typeof coverageSchema>;

/** "none" selects the companies without a responsible consultant or without a municipality. */
export const coverageCompaniesQuerySchema = coverageQuerySchema.extend({
  tier: uuid.optional(),
  consultant: z.union([z.literal('none'), uuid]).optional(),
  municipality: z.union([z.literal('none'), z.coerce.number().int().min(100).max(999)]).optional(),
  covered: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** Coverage as of this date (a point of the monthly series); default today. */
  at: isoDateSchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type CoverageCompaniesQuery = z.input<typeof coverageCompaniesQuerySchema>;

export const coverageCompanySchema = z.object({
  company: z.object({ id: uuid, name: z.string(), cvr: z.string().nullable(), city: z.string().nullable() }),
  municipality: z.object({ code: z.number().int(), name: z.string() }).nullable(),
  tier: z.object({ id: uuid, name: z.string(), cadenceDays: z.number().int() }),
  consultant: z.object({ id: uuid, name: z.string() }).nullable(),
  /** The organisation's last contact on or before the date asked about; null = none. */
  lastContactDate: z.string().nullable(),
  covered: z.boolean(),
  /** Days past the next due date (last contact + cadence; never contacted: due that day) at the date asked about; negative: days left. */
  daysOverdue: z.number().int(),
});
export type CoverageCompany = z.infer<typeof coverageCompanySchema>;

export const coverageCompaniesSchema = z.object({
  organisation: organisationRefSchema,
  items: z.array(coverageCompanySchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  date: z.string(),
});
export type CoverageCompanies = z.infer<typeof coverageCompaniesSchema>;

/** The partnership's municipality boundaries, simplified for a dashboard map: GeoJSON with properties {code, name}. */
export const coverageMapSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.object({
    type: z.literal('Feature'),
    properties: z.object({ code: z.number().int(), name: z.string() }),
    geometry: z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(z.tuple([z.number(), z.number()])))) }),
  })),
});
export type CoverageMap = z.infer<typeof coverageMapSchema>;

/** The number of monthly points (the current month and the 11 before it). */
export const coverageMonths = 12;
