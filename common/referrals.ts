import { z } from 'zod';

/*
 * The API contract of closed-loop referrals (henvisninger): a consultant refers a company to a
 * provider's offer with the company's consent, the provider responds within the offer's response
 * promise (Danish working days) and closes the loop with an outcome and the company's satisfaction.
 * Dates without time are `YYYY-MM-DD`; timestamps are ISO 8601 strings.
 */

const uuid = z.string().uuid();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Datoen skal skrives som ÅÅÅÅ-MM-DD.')
  .refine((v) => new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'Ugyldig dato.');

export const referralStatuses = ['sendt', 'modtaget', 'igangsat', 'afsluttet', 'afvist'] as const;
export const referralStatusSchema = z.enum(referralStatuses);
export type ReferralStatus = z.infer<typeof referralStatusSchema>;

/** The state machine: the statuses a referral may move to from each status. */
export const referralTransitions: Record<ReferralStatus, readonly ReferralStatus[]> = {
  sendt: ['modtaget', 'afvist'],
  modtaget: ['igangsat', 'afvist'],
  igangsat: ['afsluttet', 'afvist'],
  afsluttet: [],
  afvist: [],
};

/** Statuses in which the provider has not yet answered (the response clock is running). */
export const awaitingResponse: readonly ReferralStatus[] = ['sendt'];

export function canMove(from: ReferralStatus, to: ReferralStatus): boolean {
  return referralTransitions[from].includes(to);
}

// ---------------------------------------------------------------- create

export const referralCreateSchema = z.object({
  companyId: uuid,
  offerId: uuid,
  assessmentId: uuid.nullable().optional(),
  message: z.string().trim().min(1, 'Skriv en besked til udbyderen.').max(4000, 'Beskeden må højst være 4.000 tegn.'),
  /** Must be true: the company has consented to the referral. Anything else is refused with 422. */
  consent: z.boolean().optional(),
});
export type ReferralCreate = z.input<typeof referralCreateSchema>;

// ---------------------------------------------------------------- status change

export const referralStatusChangeSchema = z.object({
  status: referralStatusSchema,
  /** Required when rejecting (afvist). */
  reason: z.string().trim().max(2000, 'Begrundelsen må højst være 2.000 tegn.').optional(),
  /** Required when closing (afsluttet). */
  outcome: z.string().trim().max(4000, 'Resultatet må højst være 4.000 tegn.').optional(),
  /** Optional at close: the company's satisfaction 1–5. */
  satisfaction: z.number().int('Tilfredshed skal være et helt tal.').min(1, 'Tilfredshed skal være 1–5.')
    .max(5, 'Tilfredshed skal være 1–5.').nullable().optional(),
});
export type ReferralStatusChange = z.input<typeof referralStatusChangeSchema>;

// ---------------------------------------------------------------- read

export const referralEventSchema = z.object({
  id: uuid,
  fromStatus: referralStatusSchema.nullable(),
  toStatus: referralStatusSchema,
  userName: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
});
export type ReferralEvent = z.infer<typeof referralEventSchema>;

export const referralCompanySchema = z.object({
  id: uuid,
  name: z.string(),
  cvr: z.string(),
  address: z.string().nullable(),
});

export const referralSchema = z.object({
  id: uuid,
  status: referralStatusSchema,
  company: referralCompanySchema,
  offer: z.object({ id: uuid, title: z.string(), themes: z.array(z.string()) }),
  provider: z.object({ id: uuid, name: z.string() }),
  from: z.object({
    organisationId: uuid, organisationName: z.string(),
    userId: uuid, userName: z.string(), userEmail: z.string(),
  }),
  message: z.string(),
  consentAt: z.string(),
  sentAt: z.string(),
  responseDue: z.string(),
  /** True while the provider has not answered and the response deadline has passed. */
  overdue: z.boolean(),
  receivedAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  outcome: z.string().nullable(),
  satisfaction: z.number().int().nullable(),
  reminderSentAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  /** The statuses the caller may move the referral to now (empty when they may not handle it). */
  allowedNext: z.array(referralStatusSchema),
});
export type Referral = z.infer<typeof referralSchema>;

/** The needs assessment as the provider sees it: only when the company consented to share it. */
export const referralAssessmentSchema = z.object({
  id: uuid,
  date: z.string(),
  challenge: z.string(),
  growthAmbition: z.string(),
  nextSteps: z.string(),
  priorities: z.record(z.string(), z.number()),
});

export const referralDetailSchema = referralSchema.extend({
  events: z.array(referralEventSchema),
  /** Null when there is none or the company did not consent to share it. */
  assessment: referralAssessmentSchema.nullable(),
  /** Whether an assessment is linked but withheld because the company did not consent to share it. */
  assessmentWithheld: z.boolean(),
});
export type ReferralDetail = z.infer<typeof referralDetailSchema>;

export const referralListQuerySchema = z.object({
  /**
   * incoming = to my organisation (provider view); outgoing = sent by my organisation (consultant view);
   * all = the whole partnership (secretariat and administrators only).
   */
  direction: z.enum(['incoming', 'outgoing', 'all']).default('outgoing'),
  status: z.union([referralStatusSchema, z.literal('open'), z.literal('overdue')]).optional(),
  companyId: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ReferralListQuery = z.input<typeof referralListQuerySchema>;

export const referralListSchema = z.object({
  items: z.array(referralSchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type ReferralList = z.infer<typeof referralListSchema>;

// ---------------------------------------------------------------- KPIs

export const referralKpiQuerySchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const referralKpiRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  sent: z.number().int(),
  received: z.number().int(),
  started: z.number().int(),
  closed: z.number().int(),
  rejected: z.number().int(),
  overdue: z.number().int(),
  /** started ÷ sent, 0–1; null when nothing was sent. */
  conversion: z.number().nullable(),
  medianResponseDays: z.number().nullable(),
  p90ResponseDays: z.number().nullable(),
  meanSatisfaction: z.number().nullable(),
});
export type ReferralKpiRow = z.infer<typeof referralKpiRowSchema>;

export const referralKpisSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: referralKpiRowSchema,
  byProvider: z.array(referralKpiRowSchema),
  byOffer: z.array(referralKpiRowSchema),
  byTheme: z.array(referralKpiRowSchema),
});
export type ReferralKpis = z.infer<typeof referralKpisSchema>;
