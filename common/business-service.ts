import { z } from 'zod';
import { engagementThemes, engagementThemeSchema, isoDateSchema, participantInputSchema, participantSchema } from './engagement';
import { organisationKindSchema, type OrganisationKind } from './roles';

/*
 * The API contract of the business service's offer catalogue, needs assessments (behovsafdækninger) and
 * offer matching. Referrals have their own contract (common/referrals.ts). Dates without time are ISO
 * strings `YYYY-MM-DD`; timestamps are ISO 8601 strings.
 */

const uuid = z.string().uuid();
const organisationRef = z.object({ id: uuid, name: z.string(), kind: organisationKindSchema });

// ---------------------------------------------------------------- offers

/** Organisation kinds that offer services (ydelser) to companies. */
export const providerKinds = ['provider', 'business_hub', 'academy', 'education'] as const satisfies readonly OrganisationKind[];
export const isProviderKind = (kind: string): boolean => (providerKinds as readonly string[]).includes(kind);

export const offerFinancings = ['free', 'co_financed', 'loan', 'grant', 'paid'] as const;
export const offerFinancingSchema = z.enum(offerFinancings, { error: 'Vælg finansiering: gratis, medfinansieret, lån, tilskud eller betalt.' });
export type OfferFinancing = z.infer<typeof offerFinancingSchema>;

export const offerStatuses = ['draft', 'published', 'archived'] as const;
export const offerStatusSchema = z.enum(offerStatuses, { error: 'Status skal være kladde, offentliggjort eller arkiveret.' });
export type OfferStatus = z.infer<typeof offerStatusSchema>;

/** Growth companies (vækst) or operations companies (drift): the segment of an assessment and an offer's target. */
export const segments = ['growth', 'operations'] as const;
export const segmentSchema = z.enum(segments, { error: 'Segmentet skal være vækst eller drift.' });
export type Segment = z.infer<typeof segmentSchema>;

/** The response promise of an offer, in Danish working days. */
export const defaultResponseDays = 5;

/** "C" (a DB07 section) or "25", "25.11", "251100" (a code prefix); stored upper-case without dots. */
const industryRuleSchema = z.string().trim()
  .regex(/^([A-Ua-u]|\d{2}(\.?\d{1,2}){0,2})$/, 'Brancher skrives som DB07-afsnit (fx C) eller branchekode (fx 25 eller 25.11).')
  .transform((v) => v.toUpperCase().replaceAll('.', ''));

/** A link to the offer on the national Virksomhedsguiden (https://virksomhedsguiden.dk/…). */
export const virksomhedsguidenUrlSchema = z.string().trim().max(500).refine((value) => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && /^(www\.)?virksomhedsguiden\.dk$/.test(url.hostname);
  } catch {
    return false;
  }
}, 'Linket skal være en adresse på Virksomhedsguiden, fx https://virksomhedsguiden.dk/erhvervsfremme/content/…');

const count = (what: string) => z.number({ error: `${what} skal være et helt tal.` }).int(`${what} skal være et helt tal.`)
  .min(0, `${what} kan ikke være negativt.`).max(1_000_000, `${what} er for stort.`);

const offerFields = {
  title: z.string({ error: 'Skriv ydelsens titel.' }).trim().min(1, 'Skriv ydelsens titel.').max(200, 'Titlen må højst være 200 tegn.'),
  description: z.string().trim().max(10_000, 'Beskrivelsen må højst være 10.000 tegn.'),
  themes: z.array(engagementThemeSchema, { error: 'Vælg mindst ét tema.' }).min(1, 'Vælg mindst ét tema.').max(engagementThemes.length)
    .transform((list) => engagementThemes.filter((t) => list.includes(t))),
  minEmployees: count('Mindste antal ansatte').nullable(),
  maxEmployees: count('Højeste antal ansatte').nullable(),
  industries: z.array(industryRuleSchema).max(50).transform((list) => [...new Set(list)]),
  municipalities: z.array(z.number().int().min(100).max(999)).max(98).transform((list) => [...new Set(list)]),
  regions: z.array(z.number().int().min(1000).max(1999)).max(5).transform((list) => [...new Set(list)]),
  minTurnoverDkk: z.number({ error: 'Omsætningskravet skal være et tal.' }).min(0, 'Omsætningskravet kan ikke være negativt.').max(1e13).nullable(),
  segment: segmentSchema.nullable(),
  minCompanyAgeYears: z.number().int().min(0, 'Alderen kan ikke være negativ.').max(200).nullable(),
  maxCompanyAgeYears: z.number().int().min(0, 'Alderen kan ikke være negativ.').max(200).nullable(),
  financing: offerFinancingSchema,
  coFinancingRate: z.number({ error: 'Medfinansieringsgraden skal være et tal.' }).int('Medfinansieringsgraden skal være et helt antal procent.')
    .min(1, 'Medfinansieringsgraden skal være mellem 1 og 99 procent.').max(99, 'Medfinansieringsgraden skal være mellem 1 og 99 procent.').nullable(),
  capacityPerQuarter: z.number().int('Kapaciteten skal være et helt tal.').min(1, 'Kapaciteten skal være mindst 1 virksomhed pr. kvartal (tom = ubegrænset).').max(100_000).nullable(),
  activeFrom: isoDateSchema.nullable(),
  activeTo: isoDateSchema.nullable(),
  virksomhedsguidenUrl: virksomhedsguidenUrlSchema.nullable(),
  responseDays: z.number({ error: 'Svarfristen skal være et tal.' }).int('Svarfristen skal være et helt antal arbejdsdage.')
    .min(1, 'Svarfristen skal være mellem 1 og 60 arbejdsdage.').max(60, 'Svarfristen skal være mellem 1 og 60 arbejdsdage.'),
  status: offerStatusSchema,
};

/** A new offer. Providers create offers of their own organisation; the secretariat names the provider. */
export const offerCreateSchema = z.object({
  providerId: uuid.optional(),
  title: offerFields.title,
  description: offerFields.description.default(''),
  themes: offerFields.themes,
  minEmployees: offerFields.minEmployees.default(null),
  maxEmployees: offerFields.maxEmployees.default(null),
  industries: offerFields.industries.default([]),
  municipalities: offerFields.municipalities.default([]),
  regions: offerFields.regions.default([]),
  minTurnoverDkk: offerFields.minTurnoverDkk.default(null),
  segment: offerFields.segment.default(null),
  minCompanyAgeYears: offerFields.minCompanyAgeYears.default(null),
  maxCompanyAgeYears: offerFields.maxCompanyAgeYears.default(null),
  financing: offerFields.financing.default('free'),
  coFinancingRate: offerFields.coFinancingRate.default(null),
  capacityPerQuarter: offerFields.capacityPerQuarter.default(null),
  activeFrom: offerFields.activeFrom.default(null),
  activeTo: offerFields.activeTo.default(null),
  virksomhedsguidenUrl: offerFields.virksomhedsguidenUrl.default(null),
  responseDays: offerFields.responseDays.default(defaultResponseDays),
  status: offerFields.status.default('draft'),
});
export type OfferCreate = z.input<typeof offerCreateSchema>;

/** Changes to an offer: only the fields sent change; null clears a limit. */
export const offerUpdateSchema = z.object({
  providerId: uuid.optional(),
  ...Object.fromEntries(Object.entries(offerFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof offerFields]: z.ZodOptional<(typeof offerFields)[K]> },
});
export type OfferUpdate = z.input<typeof offerUpdateSchema>;

/** The fields the cross-field rules look at (a create, or an update merged onto the stored offer). */
export interface OfferRuleInput {
  minEmployees: number | null;
  maxEmployees: number | null;
  minCompanyAgeYears: number | null;
  maxCompanyAgeYears: number | null;
  financing: OfferFinancing;
  coFinancingRate: number | null;
  activeFrom: string | null;
  activeTo: string | null;
}

export interface FieldIssue { path: string; message: string }

/**
 * The rules between fields of an offer; the server answers 422 with them, the form can check them first.
 * Empty: the offer is consistent.
 */
export function offerRuleIssues(o: OfferRuleInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (o.minEmployees !== null && o.maxEmployees !== null && o.minEmployees > o.maxEmployees) {
    issues.push({ path: 'minEmployees', message: 'Mindste antal ansatte kan ikke være større end højeste.' });
  }
  if (o.minCompanyAgeYears !== null && o.maxCompanyAgeYears !== null && o.minCompanyAgeYears > o.maxCompanyAgeYears) {
    issues.push({ path: 'minCompanyAgeYears', message: 'Mindste virksomhedsalder kan ikke være større end højeste.' });
  }
  if (o.financing === 'co_financed' && o.coFinancingRate === null) {
    issues.push({ path: 'coFinancingRate', message: 'Angiv medfinansieringsgraden, når ydelsen er medfinansieret.' });
  }
  if (o.financing !== 'co_financed' && o.coFinancingRate !== null) {
    issues.push({ path: 'coFinancingRate', message: 'Medfinansieringsgraden kan kun angives for en medfinansieret ydelse.' });
  }
  if (o.activeFrom !== null && o.activeTo !== null && o.activeTo < o.activeFrom) {
    issues.push({ path: 'activeTo', message: 'Slutdatoen kan ikke ligge før startdatoen.' });
  }
  return issues;
}

export const offerSchema = z.object({
  id: uuid,
  provider: organisationRef,
  title: z.string(),
  description: z.string(),
  themes: z.array(engagementThemeSchema),
  minEmployees: z.number().int().nullable(),
  maxEmployees: z.number().int().nullable(),
  industries: z.array(z.string()),
  /** Every municipality the offer covers, those of its regions included. */
  municipalities: z.array(z.number().int()),
  regions: z.array(z.number().int()),
  minTurnoverDkk: z.number().nullable(),
  segment: segmentSchema.nullable(),
  minCompanyAgeYears: z.number().int().nullable(),
  maxCompanyAgeYears: z.number().int().nullable(),
  financing: offerFinancingSchema,
  coFinancingRate: z.number().int().nullable(),
  capacityPerQuarter: z.number().int().nullable(),
  activeFrom: z.string().nullable(),
  activeTo: z.string().nullable(),
  virksomhedsguidenUrl: z.string().nullable(),
  responseDays: z.number().int(),
  status: offerStatusSchema,
  /** The current user may edit, archive and delete it (its provider's users; the secretariat). */
  canManage: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Offer = z.infer<typeof offerSchema>;

export const offerListQuerySchema = z.object({
  /** Words in the title or description (accents and case ignored). */
  q: z.string().trim().max(200).optional(),
  theme: engagementThemeSchema.optional(),
  providerId: uuid.optional(),
  financing: offerFinancingSchema.optional(),
  /** Default: published offers. Drafts and archived offers are listed for those who manage them. */
  status: z.enum([...offerStatuses, 'all']).default('published'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type OfferListQuery = z.input<typeof offerListQuerySchema>;
export const offerListSchema = z.object({
  items: z.array(offerSchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int(),
});

/** The organisations that may own offers, for filters and the secretariat's provider choice. */
export const offerProviderListSchema = z.object({ items: z.array(organisationRef.extend({ offerCount: z.number().int() })) });
export type OfferProvider = z.infer<typeof offerProviderListSchema>['items'][number];

// ---------------------------------------------------------------- needs assessments

/** Priority 0 (no need) to 5 (most urgent) for every theme. */
export const themePrioritySchema = z.number({ error: 'Giv hvert tema en prioritet fra 0 til 5.' })
  .int('Giv hvert tema en prioritet fra 0 til 5.').min(0, 'Giv hvert tema en prioritet fra 0 til 5.').max(5, 'Giv hvert tema en prioritet fra 0 til 5.');
export const prioritiesSchema = z.object(
  Object.fromEntries(engagementThemes.map((t) => [t, themePrioritySchema])) as Record<(typeof engagementThemes)[number], typeof themePrioritySchema>,
  { error: 'Giv hvert tema en prioritet fra 0 til 5.' },
);
export type Priorities = z.infer<typeof prioritiesSchema>;

const assessmentFields = {
  /** The day of the visit; not later than today (Danish time). */
  date: isoDateSchema,
  priorities: prioritiesSchema,
  challenge: z.string({ error: 'Beskriv udfordringen med virksomhedens egne ord.' }).trim()
    .min(1, 'Beskriv udfordringen med virksomhedens egne ord.').max(10_000, 'Udfordringen må højst være 10.000 tegn.'),
  growthAmbition: z.string().trim().max(5_000, 'Vækstambitionen må højst være 5.000 tegn.'),
  segment: segmentSchema.nullable(),
  nextSteps: z.string().trim().max(10_000, 'De aftalte næste skridt må højst være 10.000 tegn.'),
  participants: z.array(participantInputSchema).max(50),
  turnoverDkk: z.number({ error: 'Omsætningen skal være et tal.' }).min(0, 'Omsætningen kan ikke være negativ.').max(1e13).nullable(),
  consentToShare: z.boolean({ error: 'Angiv, om virksomheden giver samtykke til deling.' }),
};

export const assessmentCreateSchema = z.object({
  date: assessmentFields.date,
  priorities: assessmentFields.priorities,
  challenge: assessmentFields.challenge,
  growthAmbition: assessmentFields.growthAmbition.default(''),
  segment: assessmentFields.segment.default(null),
  nextSteps: assessmentFields.nextSteps.default(''),
  participants: assessmentFields.participants.default([]),
  turnoverDkk: assessmentFields.turnoverDkk.default(null),
  consentToShare: assessmentFields.consentToShare.default(false),
});
export type AssessmentCreate = z.input<typeof assessmentCreateSchema>;

/** A correction by the author's organisation; the earlier version stays readable (see versions). */
export const assessmentUpdateSchema = z.object({
  date: assessmentFields.date.optional(),
  priorities: assessmentFields.priorities.optional(),
  challenge: assessmentFields.challenge.optional(),
  growthAmbition: assessmentFields.growthAmbition.optional(),
  segment: assessmentFields.segment.optional(),
  nextSteps: assessmentFields.nextSteps.optional(),
  participants: assessmentFields.participants.optional(),
  turnoverDkk: assessmentFields.turnoverDkk.optional(),
  consentToShare: assessmentFields.consentToShare.optional(),
});
export type AssessmentUpdate = z.input<typeof assessmentUpdateSchema>;

/** The content of an assessment as it reads in one version. */
const assessmentContent = {
  date: z.string(),
  priorities: prioritiesSchema,
  challenge: z.string(),
  growthAmbition: z.string(),
  segment: segmentSchema.nullable(),
  nextSteps: z.string(),
  participants: z.array(participantSchema),
  turnoverDkk: z.number().nullable(),
  consentToShare: z.boolean(),
};

/**
 * An assessment as a user may see it: its own organisation's always, another organisation's only when
 * the company consented to sharing it with partners.
 */
export const assessmentSchema = z.object({
  id: uuid,
  companyId: uuid,
  companyName: z.string(),
  organisation: organisationRef,
  author: z.object({ id: uuid, name: z.string() }),
  ...assessmentContent,
  /** How many versions it has had (1 = never corrected). */
  versionCount: z.number().int(),
  /** The current user may correct it (the author's organisation). */
  canEdit: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

/** How one theme's priority moved between the two latest assessments the user may see. */
export const needChangeSchema = z.object({
  theme: engagementThemeSchema,
  previous: z.number().int().nullable(),
  latest: z.number().int(),
});
export type NeedChange = z.infer<typeof needChangeSchema>;

export const companyAssessmentsSchema = z.object({
  /** Newest first (by date, then when recorded). */
  items: z.array(assessmentSchema),
  /** Assessments of other organisations the company did not consent to share: counted, never shown. */
  withheld: z.number().int(),
  /** Per theme, the latest priority and the one before (null when there is one assessment only). */
  changes: z.array(needChangeSchema),
  previousDate: z.string().nullable(),
});
export type CompanyAssessments = z.infer<typeof companyAssessmentsSchema>;

export const assessmentVersionSchema = z.object({
  version: z.number().int(),
  /** When this version was saved. */
  savedAt: z.string(),
  savedBy: z.object({ id: uuid, name: z.string() }).nullable(),
  ...assessmentContent,
});
export type AssessmentVersion = z.infer<typeof assessmentVersionSchema>;
export const assessmentVersionListSchema = z.object({ items: z.array(assessmentVersionSchema) });

// ---------------------------------------------------------------- matching

export const matchReasonSchema = z.object({
  /** Stable code (theme, employees_within, capacity_free, outcomes, …) the web app translates. */
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The reason in plain Danish. */
  text: z.string(),
});
export type MatchReason = z.infer<typeof matchReasonSchema>;

export const matchOfferSchema = z.object({
  id: uuid,
  title: z.string(),
  provider: organisationRef,
  themes: z.array(engagementThemeSchema),
  financing: offerFinancingSchema,
  coFinancingRate: z.number().int().nullable(),
  responseDays: z.number().int(),
  virksomhedsguidenUrl: z.string().nullable(),
});
export type MatchOffer = z.infer<typeof matchOfferSchema>;

export const matchQuerySchema = z.object({
  /** At most this many eligible and this many ineligible offers are returned (all are ranked). */
  limit: z.coerce.number().int().min(1).max(2000).default(50),
});

export const matchListSchema = z.object({
  assessment: z.object({ id: uuid, companyId: uuid, companyName: z.string(), date: z.string() }),
  /** The company facts the offers were judged on. */
  company: z.object({
    employees: z.number().int().nullable(), industryCode: z.string().nullable(), industrySection: z.string().nullable(),
    municipalityName: z.string().nullable(), regionName: z.string().nullable(), startDate: z.string().nullable(),
  }),
  /** The day eligibility, capacity (its quarter) and active periods were judged on: today. */
  matchedOn: z.string(),
  eligible: z.array(z.object({ offer: matchOfferSchema, score: z.number(), reasons: z.array(matchReasonSchema) })),
  ineligible: z.array(z.object({ offer: matchOfferSchema, rules: z.array(matchReasonSchema) })),
  eligibleTotal: z.number().int(),
  ineligibleTotal: z.number().int(),
});
export type MatchList = z.infer<typeof matchListSchema>;
