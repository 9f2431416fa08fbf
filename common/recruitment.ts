import { z } from 'zod';
import { jobTypeSchema, orderServiceSchema, certificateSchema, educationLevelSchema, targetGroupSchema, shiftSchema, languageSchema, orderStatusSchema, placementStatusSchema } from './recruitment-vocabulary';

/*
 * The API contract of recruitment (issue 5): job orders (jobordrer) seen by every job centre of the partnership,
 * candidates owned by one job centre, the merged shortlist across centres, consent-gated placements (formidlinger)
 * and KPIs. Dates without time are `YYYY-MM-DD`; timestamps ISO 8601 strings. Danish messages in every refusal.
 */

const uuid = z.string().uuid();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Datoen skal skrives som ÅÅÅÅ-MM-DD.')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'Ugyldig dato.');
const text = (max: number, message: string) => z.string().trim().max(max, message);

// ---------------------------------------------------------------- orders

const orderFields = {
  companyId: uuid,
  productionUnitId: uuid.nullable().optional(),
  title: z.string().trim().min(2, 'Skriv en stillingsbetegnelse.').max(200, 'Titlen må højst være 200 tegn.'),
  description: text(8000, 'Beskrivelsen må højst være 8.000 tegn.').optional(),
  /** An ESCO occupation URI or a DISCO-08 code URI from the reference tables; unknown codes are refused (422). */
  occupationUri: z.string().trim().min(1, 'Vælg et erhverv (ESCO eller DISCO-08).'),
  openings: z.number().int('Antal stillinger skal være et helt tal.').min(1, 'Mindst 1 stilling.').max(500, 'Højst 500 stillinger i én ordre.'),
  jobType: jobTypeSchema,
  requiredSkills: z.array(z.string().min(1)).max(60, 'Højst 60 kompetencer.'),
  wantedSkills: z.array(z.string().min(1)).max(60, 'Højst 60 kompetencer.'),
  certificates: z.array(certificateSchema).max(20),
  languages: z.array(languageSchema).max(10),
  hoursPerWeek: z.number().min(1, 'Timer pr. uge skal være mellem 1 og 48.').max(48, 'Timer pr. uge skal være mellem 1 og 48.').nullable().optional(),
  shifts: z.array(shiftSchema).max(5),
  startDate: isoDate.nullable().optional(),
  deadline: isoDate.nullable().optional(),
  services: z.array(orderServiceSchema).max(4),
  anonymousEmployer: z.boolean(),
  workplaceStreet: text(200, 'Adressen må højst være 200 tegn.').nullable().optional(),
  workplacePostalCode: z.string().regex(/^\d{4}$/, 'Postnummeret skal være 4 cifre.').nullable().optional(),
  contactName: text(200, 'Navnet må højst være 200 tegn.').nullable().optional(),
  contactEmail: z.string().trim().email('Ugyldig e-mailadresse.').nullable().optional(),
  contactPhone: text(40, 'Telefonnummeret må højst være 40 tegn.').nullable().optional(),
  /** A job-centre consultant may hand the order to another centre of the partnership; default: the creator's own centre. */
  holdingOrganisationId: uuid.optional(),
};
const startBeforeDeadline = (v: { startDate?: string | null; deadline?: string | null }) => !v.startDate || !v.deadline || v.startDate <= v.deadline;
const startMessage = { message: 'Startdatoen skal ligge før eller på ansøgningsfristen.', path: ['startDate'] };

/** Create fills the defaults; update (PATCH) leaves every field not sent untouched, so it has none. */
export const orderCreateSchema = z.object({
  ...orderFields,
  openings: orderFields.openings.default(1),
  requiredSkills: orderFields.requiredSkills.default([]),
  wantedSkills: orderFields.wantedSkills.default([]),
  certificates: orderFields.certificates.default([]),
  languages: orderFields.languages.default([]),
  shifts: orderFields.shifts.default([]),
  services: orderFields.services.default([]),
  anonymousEmployer: orderFields.anonymousEmployer.default(false),
  /** Create straight as `oprettet` (visible to every centre) instead of `kladde`. */
  submit: z.boolean().default(false),
}).refine(startBeforeDeadline, startMessage);
export type OrderCreate = z.input<typeof orderCreateSchema>;

export const orderUpdateSchema = z.object(orderFields).omit({ companyId: true }).partial().refine(startBeforeDeadline, startMessage);
export type OrderUpdate = z.input<typeof orderUpdateSchema>;

export const orderStatusChangeSchema = z.object({
  status: orderStatusSchema,
  note: text(2000, 'Noten må højst være 2.000 tegn.').optional(),
});
export type OrderStatusChange = z.input<typeof orderStatusChangeSchema>;

export const orderListQuerySchema = z.object({
  status: z.union([orderStatusSchema, z.literal('open'), z.literal('closed'), z.literal('all')]).default('open'),
  q: z.string().trim().max(200).optional(),
  companyId: uuid.optional(),
  holdingOrganisationId: uuid.optional(),
  municipality: z.coerce.number().int().optional(),
  jobType: jobTypeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type OrderListQuery = z.input<typeof orderListQuerySchema>;

export const skillRefSchema = z.object({ uri: z.string(), label: z.string() });
export type SkillRef = z.infer<typeof skillRefSchema>;

export const orderSchema = z.object({
  id: uuid,
  number: z.string(),
  companyId: uuid,
  /** Job centres always see the employer; `anonymousEmployer` hides it only in ads and in candidate-facing text. */
  companyName: z.string(),
  companyCvr: z.string(),
  productionUnitId: uuid.nullable(),
  holdingOrganisationId: uuid,
  holdingOrganisationName: z.string(),
  createdVia: z.enum(['consultant', 'employer']),
  title: z.string(),
  description: z.string(),
  occupation: skillRefSchema.extend({ iscoGroup: z.string().nullable() }),
  openings: z.number(),
  jobType: jobTypeSchema,
  requiredSkills: z.array(skillRefSchema),
  wantedSkills: z.array(skillRefSchema),
  certificates: z.array(certificateSchema),
  languages: z.array(z.string()),
  hoursPerWeek: z.number().nullable(),
  shifts: z.array(shiftSchema),
  startDate: z.string().nullable(),
  deadline: z.string().nullable(),
  services: z.array(orderServiceSchema),
  anonymousEmployer: z.boolean(),
  workplaceStreet: z.string().nullable(),
  workplacePostalCode: z.string().nullable(),
  workplaceMunicipalityCode: z.number().nullable(),
  workplaceMunicipalityName: z.string().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  status: orderStatusSchema,
  statusChangedAt: z.string(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  /** Placements on the order (all centres), by status. */
  placementCounts: z.record(z.string(), z.number()),
  /** Transitions the caller may make now. */
  allowedTransitions: z.array(orderStatusSchema),
  canEdit: z.boolean(),
});
export type Order = z.infer<typeof orderSchema>;

export const orderListSchema = z.object({ items: z.array(orderSchema), total: z.number() });
export type OrderList = z.infer<typeof orderListSchema>;

export const orderLogEntrySchema = z.object({
  id: uuid,
  at: z.string(),
  kind: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  userName: z.string().nullable(),
  organisationName: z.string().nullable(),
  text: z.string(),
});
export type OrderLogEntry = z.infer<typeof orderLogEntrySchema>;

// ---------------------------------------------------------------- candidates

/** A Danish CPR number: 10 digits, optionally DDMMYY-SSSS; the date part must be a real date. Modulus 11 is not required (since 2007). */
export const cprSchema = z.string().trim().transform((v) => v.replace('-', '')).pipe(
  z.string().regex(/^\d{10}$/, 'CPR-nummeret skal være 10 cifre (DDMMÅÅ-XXXX).').refine((v) => {
    const day = Number(v.slice(0, 2));
    const month = Number(v.slice(2, 4));
    return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(2000, month, 0)).getUTCDate();
  }, 'CPR-nummeret har ikke en gyldig fødselsdato.'),
);

const candidateFields = {
  externalRef: text(80, 'Jobcentrets id må højst være 80 tegn.').nullable().optional(),
  name: z.string().trim().min(1, 'Skriv kandidatens navn.').max(200, 'Navnet må højst være 200 tegn.'),
  email: z.string().trim().email('Ugyldig e-mailadresse.').nullable().optional(),
  phone: text(40, 'Telefonnummeret må højst være 40 tegn.').nullable().optional(),
  cpr: cprSchema.nullable().optional(),
  cvText: text(8000, 'CV-teksten må højst være 8.000 tegn.').nullable().optional(),
  occupations: z.array(z.string().min(1)).min(1, 'Angiv mindst ét erhverv.').max(10, 'Højst 10 erhverv.'),
  skills: z.array(z.string().min(1)).max(200, 'Højst 200 kompetencer.').default([]),
  certificates: z.array(certificateSchema).max(20).default([]),
  educationLevel: educationLevelSchema.nullable().optional(),
  languages: z.array(languageSchema).max(10).default([]),
  postalCode: z.string().regex(/^\d{4}$/, 'Postnummeret skal være 4 cifre.'),
  maxCommuteKm: z.number().int().min(0, 'Maks. transport skal være 0–300 km.').max(300, 'Maks. transport skal være 0–300 km.').default(40),
  availableFrom: isoDate.nullable().optional(),
  hoursPerWeek: z.number().min(1, 'Timer pr. uge skal være mellem 1 og 48.').max(48, 'Timer pr. uge skal være mellem 1 og 48.').nullable().optional(),
  targetGroup: targetGroupSchema.nullable().optional(),
};
export const candidateCreateSchema = z.object(candidateFields);
export type CandidateCreate = z.input<typeof candidateCreateSchema>;
export const candidateUpdateSchema = z.object(candidateFields).partial().extend({ active: z.boolean().optional() });
export type CandidateUpdate = z.input<typeof candidateUpdateSchema>;

/** What every job centre of the partnership sees: the pseudonymous, match-relevant profile. */
export const candidateProfileSchema = z.object({
  id: uuid,
  ref: z.string(),
  organisationId: uuid,
  organisationName: z.string(),
  occupations: z.array(skillRefSchema),
  skills: z.array(skillRefSchema),
  certificates: z.array(certificateSchema),
  educationLevel: educationLevelSchema.nullable(),
  languages: z.array(z.string()),
  postalCode: z.string().nullable(),
  postalName: z.string().nullable(),
  maxCommuteKm: z.number().nullable(),
  availableFrom: z.string().nullable(),
  hoursPerWeek: z.number().nullable(),
  targetGroup: targetGroupSchema.nullable(),
  active: z.boolean(),
  anonymised: z.boolean(),
  /** True when the caller's centre owns the candidate (may read identity with a purpose). */
  own: z.boolean(),
});
export type CandidateProfile = z.infer<typeof candidateProfileSchema>;

/** Identity: only the owning centre (with a purpose, audited) and an employer after consent. Never the CPR in a list. */
export const candidateIdentitySchema = z.object({
  id: uuid,
  ref: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** Masked (DDMMÅÅ-XXXX → 010190-••••) unless `?reveal=cpr` by the owning centre. */
  cpr: z.string().nullable(),
  cvText: z.string().nullable(),
  externalRef: z.string().nullable(),
});
export type CandidateIdentity = z.infer<typeof candidateIdentitySchema>;

export const identityPurposes = ['formidling', 'opfoelgning', 'samtykke', 'korrektion', 'indsigt'] as const;
export const identityPurposeSchema = z.enum(identityPurposes, 'Angiv formålet med opslaget.');
export const identityPurposeLabels: Record<(typeof identityPurposes)[number], string> = {
  formidling: 'Formidling til en jobordre',
  opfoelgning: 'Opfølgning med kandidaten',
  samtykke: 'Registrering af samtykke',
  korrektion: 'Rettelse af oplysninger',
  indsigt: 'Indsigtsanmodning',
};

export const candidateListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  /** Default: the caller's own centre; `all` lists every centre's pseudonymous profiles. */
  scope: z.enum(['own', 'all']).default('own'),
  active: z.enum(['true', 'false', 'all']).default('true'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

// ---------------------------------------------------------------- shortlist (matching)

export const matchReasonSchema = z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])), text: z.string() });
export type MatchReason = z.infer<typeof matchReasonSchema>;

export const shortlistEntrySchema = z.object({
  candidateId: uuid,
  ref: z.string(),
  organisationId: uuid,
  organisationName: z.string(),
  score: z.number(),
  reasons: z.array(matchReasonSchema),
  /** Other centres that registered the same person (keyed CPR hash): shown once. */
  alsoAt: z.array(z.object({ organisationId: uuid, organisationName: z.string() })),
  missingSkills: z.array(skillRefSchema),
  missingCertificates: z.array(certificateSchema),
  /** Placement on this order already, if any. */
  placement: z.object({ id: uuid, status: placementStatusSchema }).nullable(),
  own: z.boolean(),
});
export type ShortlistEntry = z.infer<typeof shortlistEntrySchema>;

export const shortlistSchema = z.object({
  orderId: uuid,
  matches: z.array(shortlistEntrySchema),
  nearMisses: z.array(shortlistEntrySchema),
  considered: z.number(),
  centres: z.number(),
});
export type Shortlist = z.infer<typeof shortlistSchema>;

// ---------------------------------------------------------------- placements and consent

export const placementCreateSchema = z.object({
  orderId: uuid,
  candidateId: uuid,
  note: text(2000, 'Noten må højst være 2.000 tegn.').optional(),
});

export const consentMethods = ['personligt', 'telefon', 'digital_post', 'email'] as const;
export const consentCreateSchema = z.object({
  placementId: uuid,
  scope: z.array(z.enum(['identity', 'cv'])).min(1, 'Vælg hvad der må videregives.').default(['identity', 'cv']),
  purpose: z.string().trim().min(3, 'Skriv formålet med videregivelsen.').max(500, 'Formålet må højst være 500 tegn.'),
  method: z.enum(consentMethods, 'Vælg hvordan samtykket blev givet.'),
  givenAt: z.string().datetime({ offset: true, message: 'Angiv tidspunktet for samtykket.' }).optional(),
});
export type ConsentCreate = z.input<typeof consentCreateSchema>;

export const placementStatusChangeSchema = z.object({
  status: placementStatusSchema,
  note: text(2000, 'Noten må højst være 2.000 tegn.').optional(),
});

export const placementSchema = z.object({
  id: uuid,
  orderId: uuid,
  candidateId: uuid,
  candidateRef: z.string(),
  organisationId: uuid,
  organisationName: z.string(),
  status: placementStatusSchema,
  matchScore: z.number().nullable(),
  matchReasons: z.array(matchReasonSchema),
  consent: z.object({ id: uuid, givenAt: z.string(), purpose: z.string(), scope: z.array(z.string()), withdrawnAt: z.string().nullable() }).nullable(),
  statusChangedAt: z.string(),
  createdAt: z.string(),
  allowedTransitions: z.array(placementStatusSchema),
});
export type Placement = z.infer<typeof placementSchema>;
export const placementListSchema = z.object({ items: z.array(placementSchema) });

/** What the employer sees of a released candidate (consent recorded, status præsenteret or later). */
export const releasedCandidateSchema = z.object({
  placementId: uuid,
  orderId: uuid,
  orderTitle: z.string(),
  status: placementStatusSchema,
  ref: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  cvText: z.string().nullable(),
  occupations: z.array(skillRefSchema),
  skills: z.array(skillRefSchema),
  certificates: z.array(certificateSchema),
  reasons: z.array(matchReasonSchema),
  centreName: z.string(),
  releasedAt: z.string(),
});
export type ReleasedCandidate = z.infer<typeof releasedCandidateSchema>;
export const releasedCandidateListSchema = z.object({ items: z.array(releasedCandidateSchema) });

export * from './recruitment-kpis';
export * from './recruitment-vocabulary';
