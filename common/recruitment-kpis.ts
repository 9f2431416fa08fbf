import { z } from 'zod';

/* Recruitment KPIs and the employer view's invitation (re-exported by common/recruitment.ts). */

const uuid = z.string().uuid();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Datoen skal skrives som ÅÅÅÅ-MM-DD.')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'Ugyldig dato.');

// ---------------------------------------------------------------- KPIs

export const recruitmentKpiQuerySchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  organisationId: uuid.optional(),
});

export const recruitmentKpiRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  orders: z.number(),
  openings: z.number(),
  ordinaryOrders: z.number(),
  /** Share of ordinary orders with ≥ 1 proposed candidate. */
  formidlingsgrad: z.number().nullable(),
  /** Of orders with a proposed candidate and created ≥ 3 months ago: share filled by a proposed candidate. */
  besaettelsesgrad: z.number().nullable(),
  medianDaysToFirstCandidate: z.number().nullable(),
  medianDaysToFill: z.number().nullable(),
  hires: z.number(),
});
export type RecruitmentKpiRow = z.infer<typeof recruitmentKpiRowSchema>;
export const recruitmentKpisSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: recruitmentKpiRowSchema,
  byCentre: z.array(recruitmentKpiRowSchema),
});
export type RecruitmentKpis = z.infer<typeof recruitmentKpisSchema>;

// ---------------------------------------------------------------- employer view

export const companyUserInviteSchema = z.object({
  companyId: uuid,
  email: z.string().trim().email('Ugyldig e-mailadresse.'),
  name: z.string().trim().min(1, 'Skriv navnet.').max(200, 'Navnet må højst være 200 tegn.'),
});
