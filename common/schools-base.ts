import { z } from 'zod';

/* Shared building blocks of the schools contract (common/schools.ts re-exports everything here). */

export const uuid = z.string().uuid();
export const optionalText = (max: number) => z.string().trim().max(max, `Teksten må højst være ${max} tegn.`);
export const email = z.string().trim().toLowerCase().email('Ugyldig e-mailadresse.').max(254);
export const municipalityCode = z.coerce.number({ error: 'Kommunekoden skal være et tal.' }).int('Kommunekoden skal være et helt tal.')
  .min(101, 'Ukendt kommunekode.').max(999, 'Ukendt kommunekode.');
export const postalCode = z.string().trim().regex(/^\d{4}$/, 'Postnummeret skal være fire cifre.');
export const latSchema = z.number().min(54, 'Breddegraden ligger uden for Danmark.').max(58, 'Breddegraden ligger uden for Danmark.');
export const lonSchema = z.number().min(8, 'Længdegraden ligger uden for Danmark.').max(15.5, 'Længdegraden ligger uden for Danmark.');

// ---------------------------------------------------------------- shared vocabulary

/** A school year "2026/27" (August to June). ISO weeks 32–53 fall in the first calendar year, 1–31 in the second. */
export const schoolYearSchema = z.string({ error: 'Skriv skoleåret som fx 2026/27.' }).trim()
  .regex(/^\d{4}\/\d{2}$/, 'Skriv skoleåret som fx 2026/27.')
  .refine((v) => (Number(v.slice(0, 4)) + 1) % 100 === Number(v.slice(5)), 'Skoleåret skal være to på hinanden følgende år, fx 2026/27.');
export type SchoolYear = z.infer<typeof schoolYearSchema>;

/** The school year a day falls in: from 1 August a new one starts ("2026/27" from 2026-08-01). */
export function currentSchoolYear(now = new Date()): string {
  const year = now.getUTCFullYear() - (now.getUTCMonth() < 7 ? 1 : 0);
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

/** The calendar year an ISO week of a school year falls in. */
export function calendarYearOfWeek(schoolYear: string, week: number): number {
  const first = Number(schoolYear.slice(0, 4));
  return week >= 32 ? first : first + 1;
}

export const weekSchema = z.number({ error: 'En uge skal være et ugenummer fra 1 til 53.' })
  .int('En uge skal være et ugenummer fra 1 til 53.').min(1, 'En uge skal være et ugenummer fra 1 til 53.').max(53, 'En uge skal være et ugenummer fra 1 til 53.');
export const weekList = z.array(weekSchema).max(53).transform((list) => [...new Set(list)].sort((a, b) => a - b));

export const schoolKinds = ['folkeskole', 'friskole', 'efterskole', 'erhvervsskole', 'gymnasium', 'andet'] as const;
export const schoolKindSchema = z.enum(schoolKinds, { error: 'Vælg skoletype: folkeskole, friskole, efterskole, erhvervsskole, gymnasium eller andet.' });
export type SchoolKind = z.infer<typeof schoolKindSchema>;
export const schoolKindLabels: Record<SchoolKind, { da: string; en: string }> = {
  folkeskole: { da: 'Folkeskole', en: 'Public school' },
  friskole: { da: 'Friskole', en: 'Independent school' },
  efterskole: { da: 'Efterskole', en: 'Continuation school' },
  erhvervsskole: { da: 'Erhvervsskole', en: 'Vocational school' },
  gymnasium: { da: 'Gymnasium', en: 'Upper secondary school' },
  andet: { da: 'Andet', en: 'Other' },
};

/** Themes of classes and host offers (stored as these codes; the CSV import also takes the Danish labels). */
export const schoolThemes = [
  'automation', 'metal', 'plastics', 'food', 'wood', 'electronics', 'energy', 'green_transition', 'logistics',
  'construction', 'it', 'design',
] as const;
export const schoolThemeSchema = z.enum(schoolThemes, { error: 'Ukendt tema.' });
export type SchoolTheme = z.infer<typeof schoolThemeSchema>;
export const schoolThemeLabels: Record<SchoolTheme, { da: string; en: string }> = {
  automation: { da: 'Automatisering og robotter', en: 'Automation and robots' },
  metal: { da: 'Metal og svejsning', en: 'Metal and welding' },
  plastics: { da: 'Plast og kemi', en: 'Plastics and chemicals' },
  food: { da: 'Fødevarer', en: 'Food' },
  wood: { da: 'Træ og møbler', en: 'Wood and furniture' },
  electronics: { da: 'Elektronik', en: 'Electronics' },
  energy: { da: 'Energi', en: 'Energy' },
  green_transition: { da: 'Grøn omstilling', en: 'Green transition' },
  logistics: { da: 'Lager og logistik', en: 'Warehousing and logistics' },
  construction: { da: 'Byggeri', en: 'Construction' },
  it: { da: 'IT og programmering', en: 'IT and programming' },
  design: { da: 'Design og produktudvikling', en: 'Design and product development' },
};
export const themeList = z.array(schoolThemeSchema).max(schoolThemes.length)
  .transform((list) => schoolThemes.filter((t) => list.includes(t)));

/**
 * A theme code from a code, its Danish/English label or one word of a label ("robotter", "svejsning", "plast"),
 * case-insensitive; null when nothing matches.
 */
export function parseSchoolTheme(text: string): SchoolTheme | null {
  const v = text.trim().toLowerCase();
  const labelsOf = (t: SchoolTheme) => [schoolThemeLabels[t].da.toLowerCase(), schoolThemeLabels[t].en.toLowerCase()];
  const exact = schoolThemes.find((t) => v === t || labelsOf(t).includes(v));
  if (exact) return exact;
  if (v.length < 3) return null;
  return schoolThemes.find((t) => labelsOf(t).some((l) => l.split(/\s+/).some((word) => word.length >= 3 && word !== 'and' && word === v))) ?? null;
}

export const tutorKinds = ['pupil', 'teacher'] as const;
export const tutorKindSchema = z.enum(tutorKinds, { error: 'En tutor er elev eller lærer.' });
export type TutorKind = z.infer<typeof tutorKindSchema>;
export const tutorKindLabels: Record<TutorKind, { da: string; en: string }> = {
  pupil: { da: 'Elev', en: 'Pupil' },
  teacher: { da: 'Lærer', en: 'Teacher' },
};

export const planStatuses = ['draft', 'published', 'superseded'] as const;
export const planStatusSchema = z.enum(planStatuses);
export type PlanStatus = z.infer<typeof planStatusSchema>;
export const planStatusLabels: Record<PlanStatus, { da: string; en: string }> = {
  draft: { da: 'Kladde', en: 'Draft' },
  published: { da: 'Offentliggjort', en: 'Published' },
  superseded: { da: 'Erstattet', en: 'Superseded' },
};

export const agreementActivities = ['visits', 'company_cases', 'role_models', 'teacher_internships', 'other'] as const;
export const agreementActivitySchema = z.enum(agreementActivities, { error: 'Ukendt aktivitet.' });
export type AgreementActivity = z.infer<typeof agreementActivitySchema>;
export const agreementActivityLabels: Record<AgreementActivity, { da: string; en: string }> = {
  visits: { da: 'Virksomhedsbesøg', en: 'Company visits' },
  company_cases: { da: 'Virksomhedscases', en: 'Company cases' },
  role_models: { da: 'Rollemodeller', en: 'Role models' },
  teacher_internships: { da: 'Lærerpraktik', en: 'Teacher internships' },
  other: { da: 'Andet', en: 'Other' },
};

export const agreementStatuses = ['planned', 'active', 'ended', 'cancelled'] as const;
export const agreementStatusSchema = z.enum(agreementStatuses, { error: 'Status skal være planlagt, aktiv, afsluttet eller annulleret.' });
export type AgreementStatus = z.infer<typeof agreementStatusSchema>;
export const agreementStatusLabels: Record<AgreementStatus, { da: string; en: string }> = {
  planned: { da: 'Planlagt', en: 'Planned' },
  active: { da: 'Aktiv', en: 'Active' },
  ended: { da: 'Afsluttet', en: 'Ended' },
  cancelled: { da: 'Annulleret', en: 'Cancelled' },
};

/** Jet-Net's target: at least this many active agreements in every municipality of the partnership. */
export const agreementTargetPerMunicipality = 3;

export const evaluationRespondents = ['teacher', 'company'] as const;
export const evaluationRespondentSchema = z.enum(evaluationRespondents);
export type EvaluationRespondent = z.infer<typeof evaluationRespondentSchema>;
export const evaluationRespondentLabels: Record<EvaluationRespondent, { da: string; en: string }> = {
  teacher: { da: 'Lærer', en: 'Teacher' },
  company: { da: 'Virksomhed', en: 'Company' },
};

/** A Danish sentence with a stable code (the allocation engine's reasons, problems and warnings). */
export const schoolMessageSchema = z.object({
  code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])), text: z.string(),
});
export type SchoolMessage = z.infer<typeof schoolMessageSchema>;

export const listOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

export const gradeSchema = z.number({ error: 'Klassetrinnet skal være et tal fra 0 til 10.' }).int('Klassetrinnet skal være et helt tal.')
  .min(0, 'Klassetrinnet skal være fra 0 til 10.').max(10, 'Klassetrinnet skal være fra 0 til 10.');
