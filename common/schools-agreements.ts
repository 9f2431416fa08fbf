import { z } from 'zod';
import { isoDateSchema } from './engagement';
import { type EvaluationRespondent, agreementActivities, agreementActivitySchema, agreementStatusSchema, evaluationRespondentSchema, listOf, municipalityCode, optionalText, pageQuery, planStatusSchema, schoolYearSchema, uuid } from './schools-base';

/* The agreements (samarbejdsaftaler) and evaluations part of the schools contract (re-exported by common/schools.ts). */

// ---------------------------------------------------------------- agreements

const agreementFields = {
  /** A school of the register, or (for a youth-education institution not in it) `institutionName`. */
  schoolId: uuid.nullable(),
  institutionName: optionalText(200).nullable(),
  companyId: uuid,
  /** Defaults to the school's municipality; required for an institution. */
  municipalityCode: municipalityCode.nullable(),
  gradeLevels: z.array(z.string().trim().min(1).max(20)).max(20),
  activities: z.array(agreementActivitySchema, { error: 'Vælg mindst én aktivitet.' }).min(1, 'Vælg mindst én aktivitet.').max(agreementActivities.length)
    .transform((list) => agreementActivities.filter((a) => list.includes(a))),
  periodFrom: isoDateSchema,
  periodTo: isoDateSchema.nullable(),
  status: agreementStatusSchema,
  schoolContact: optionalText(300).nullable(),
  companyContact: optionalText(300).nullable(),
  notes: optionalText(5000).nullable(),
};
export const agreementCreateSchema = z.object({
  schoolId: agreementFields.schoolId.default(null),
  institutionName: agreementFields.institutionName.default(null),
  companyId: agreementFields.companyId,
  municipalityCode: agreementFields.municipalityCode.default(null),
  gradeLevels: agreementFields.gradeLevels.default([]),
  activities: agreementFields.activities,
  periodFrom: agreementFields.periodFrom,
  periodTo: agreementFields.periodTo.default(null),
  status: agreementFields.status.default('active'),
  schoolContact: agreementFields.schoolContact.default(null),
  companyContact: agreementFields.companyContact.default(null),
  notes: agreementFields.notes.default(null),
});
export type AgreementCreate = z.input<typeof agreementCreateSchema>;
export const agreementUpdateSchema = z.object(
  Object.fromEntries(Object.entries(agreementFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof agreementFields]: z.ZodOptional<(typeof agreementFields)[K]> },
);
export type AgreementUpdate = z.input<typeof agreementUpdateSchema>;

export const agreementSchema = z.object({
  id: uuid,
  schoolId: uuid.nullable(),
  /** The school's name, or the institution's. */
  partyName: z.string(),
  institutionName: z.string().nullable(),
  companyId: uuid,
  companyName: z.string(),
  municipalityCode: z.number().int(),
  municipalityName: z.string().nullable(),
  gradeLevels: z.array(z.string()),
  activities: z.array(agreementActivitySchema),
  periodFrom: z.string(),
  periodTo: z.string().nullable(),
  status: agreementStatusSchema,
  schoolContact: z.string().nullable(),
  companyContact: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Agreement = z.infer<typeof agreementSchema>;

export const agreementListQuerySchema = z.object({
  municipality: municipalityCode.optional(),
  status: agreementStatusSchema.optional(),
  schoolId: uuid.optional(),
  companyId: uuid.optional(),
  ...pageQuery,
});
export type AgreementListQuery = z.input<typeof agreementListQuerySchema>;
export const agreementListSchema = listOf(agreementSchema);

/** Without `schoolYear`: the current school year. */
export const agreementDashboardQuerySchema = z.object({ schoolYear: schoolYearSchema.optional() });
/**
 * Per municipality of the partnership (those of its organisations): active agreements against the target, and the
 * share of 7th-grade classes allocated in the year's latest published plan (else the latest draft).
 */
export const agreementDashboardSchema = z.object({
  schoolYear: z.string(),
  target: z.number().int(),
  plan: z.object({ id: uuid, version: z.number().int(), status: planStatusSchema, municipalityCode: z.number().int().nullable() }).nullable(),
  municipalities: z.array(z.object({
    municipalityCode: z.number().int(),
    municipalityName: z.string(),
    activeAgreements: z.number().int(),
    belowTarget: z.boolean(),
    /** Agreements still needed to reach the target (0 when reached). */
    missing: z.number().int(),
    grade7Classes: z.number().int(),
    grade7Allocated: z.number().int(),
    /** 0–1; null when the municipality has no 7th-grade classes registered. */
    allocatedShare: z.number().nullable(),
  })),
  totals: z.object({
    activeAgreements: z.number().int(), municipalitiesBelowTarget: z.number().int(),
    grade7Classes: z.number().int(), grade7Allocated: z.number().int(), allocatedShare: z.number().nullable(),
  }),
});
export type AgreementDashboard = z.infer<typeof agreementDashboardSchema>;

// ---------------------------------------------------------------- evaluations

/** The questions of the short evaluation form (each 1–5); the overall rating is separate. */
export const evaluationQuestions = {
  teacher: ['pupils_engaged', 'well_prepared', 'learned_about_jobs'],
  company: ['pupils_engaged', 'well_prepared', 'would_host_again'],
} as const satisfies Record<EvaluationRespondent, readonly string[]>;
export const evaluationQuestionLabels: Record<string, { da: string; en: string }> = {
  pupils_engaged: { da: 'Eleverne var engagerede', en: 'The pupils were engaged' },
  well_prepared: { da: 'Forløbet var godt forberedt', en: 'The week was well prepared' },
  learned_about_jobs: { da: 'Eleverne lærte om job i produktionen', en: 'The pupils learned about jobs in manufacturing' },
  would_host_again: { da: 'Vi vil gerne være vært igen', en: 'We would like to host again' },
};
export const evaluationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Linket er ugyldigt.');
const score = z.number({ error: 'Svar med et tal fra 1 til 5.' }).int('Svar med et tal fra 1 til 5.')
  .min(1, 'Svar med et tal fra 1 til 5.').max(5, 'Svar med et tal fra 1 til 5.');

export const evaluationSendResultSchema = z.object({
  /** Links e-mailed now (teacher and company per assignment). */
  sent: z.number().int(),
  /** Already sent earlier, or no e-mail address to send to. */
  alreadySent: z.number().int(),
  missingEmail: z.number().int(),
  /** Assignments whose week has not ended yet (links are sent only after the week). */
  notEnded: z.number().int(),
});
export type EvaluationSendResult = z.infer<typeof evaluationSendResultSchema>;

/** The web page a link opens: `<public url>/evaluering/<token>`; it reads and answers GET/POST /api/v1/evaluations/:token. */
export const evaluationWebPath = '/evaluering/';

/** The public form behind the link (no login): what is evaluated and whether it is answered. */
export const evaluationFormSchema = z.object({
  respondent: evaluationRespondentSchema,
  schoolName: z.string(),
  classLabel: z.string(),
  companyName: z.string(),
  week: z.number().int(),
  schoolYear: z.string(),
  questions: z.array(z.object({ key: z.string(), text: z.string() })),
  answered: z.boolean(),
});
export type EvaluationForm = z.infer<typeof evaluationFormSchema>;

export const evaluationAnswerSchema = z.object({
  rating: score,
  answers: z.record(z.string(), score).default({}),
  comment: optionalText(4000).nullable().default(null),
});
export type EvaluationAnswer = z.input<typeof evaluationAnswerSchema>;

const ratingSummary = z.object({
  responses: z.number().int(),
  sent: z.number().int(),
  averageRating: z.number().nullable(),
  /** Average per question key. */
  questions: z.record(z.string(), z.number()),
});
export const evaluationResultsSchema = z.object({
  planId: uuid,
  overall: ratingSummary.extend({ byRespondent: z.record(z.string(), ratingSummary) }),
  hosts: z.array(ratingSummary.extend({ companyId: uuid, companyName: z.string(), comments: z.array(z.object({ respondent: evaluationRespondentSchema, comment: z.string() })) })),
});
export type EvaluationResults = z.infer<typeof evaluationResultsSchema>;

