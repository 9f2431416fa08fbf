import { z } from 'zod';
import { isoDateSchema } from './engagement';

/*
 * The API contract of school–company collaboration (issue 6): schools and classes (class-level data only, no
 * pupils), host offers, tutors, the allocation of classes to host weeks, publishing, agreements (samarbejdsaftaler)
 * with the ≥ 3-per-municipality dashboard, and evaluations answered by e-mail link without login.
 *
 * Routes (all under /api/v1; every list also has `<list>/export?format=csv|xlsx&<its filters>`):
 *   schools            GET/POST /schools · GET/PATCH/DELETE /schools/:id
 *   classes            GET /schools/classes · POST /schools/:id/classes · PATCH/DELETE /schools/classes/:classId
 *                      POST /schools/classes/import  (CSV text; dryRun → row errors; apply in one transaction)
 *   host offers        GET/POST /host-offers · GET/PATCH/DELETE /host-offers/:id
 *   tutors             GET/POST /tutors · PATCH/DELETE /tutors/:id
 *   allocation         POST /allocations/run (201 plan | 422 allocation_invalid / allocation_infeasible)
 *                      GET /allocations?schoolYear= · GET /allocations/:planId · GET /allocations/:planId/assignments/export
 *                      POST /allocations/:planId/publish · GET /allocations/:planId/changes
 *                      GET /allocations/assignments/:assignmentId/calendar.ics · GET /allocations/:planId/schools/:schoolId/calendar.ics
 *   constraints        GET /allocations/constraints?schoolYear= · POST /allocations/constraints · DELETE /allocations/constraints/:id
 *   agreements         GET/POST /agreements · GET/PATCH/DELETE /agreements/:id · GET /agreements/dashboard?schoolYear=
 *   evaluations        POST /allocations/:planId/evaluations/send · GET /allocations/:planId/evaluations
 *                      GET/POST /evaluations/:token  (public: no login)
 */

const uuid = z.string().uuid();
const optionalText = (max: number) => z.string().trim().max(max, `Teksten må højst være ${max} tegn.`);
const email = z.string().trim().toLowerCase().email('Ugyldig e-mailadresse.').max(254);
const municipalityCode = z.coerce.number({ error: 'Kommunekoden skal være et tal.' }).int('Kommunekoden skal være et helt tal.')
  .min(101, 'Ukendt kommunekode.').max(999, 'Ukendt kommunekode.');
const postalCode = z.string().trim().regex(/^\d{4}$/, 'Postnummeret skal være fire cifre.');
const latSchema = z.number().min(54, 'Breddegraden ligger uden for Danmark.').max(58, 'Breddegraden ligger uden for Danmark.');
const lonSchema = z.number().min(8, 'Længdegraden ligger uden for Danmark.').max(15.5, 'Længdegraden ligger uden for Danmark.');

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
const weekList = z.array(weekSchema).max(53).transform((list) => [...new Set(list)].sort((a, b) => a - b));

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
const themeList = z.array(schoolThemeSchema).max(schoolThemes.length)
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

const listOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

// ---------------------------------------------------------------- schools

const schoolFields = {
  name: z.string({ error: 'Skriv skolens navn.' }).trim().min(1, 'Skriv skolens navn.').max(200, 'Navnet må højst være 200 tegn.'),
  kind: schoolKindSchema,
  municipalityCode,
  street: optionalText(200).nullable(),
  postalCode: postalCode.nullable(),
  /** Coordinates of the address when known; otherwise the postal code's centroid is used. */
  lat: latSchema.nullable(),
  lon: lonSchema.nullable(),
  contactName: optionalText(200).nullable(),
  contactEmail: email.nullable(),
  /** The school's own organisation in Samspil (kind school), when it has users. */
  organisationId: uuid.nullable(),
};

export const schoolCreateSchema = z.object({
  name: schoolFields.name,
  kind: schoolFields.kind.default('folkeskole'),
  municipalityCode: schoolFields.municipalityCode,
  street: schoolFields.street.default(null),
  postalCode: schoolFields.postalCode.default(null),
  lat: schoolFields.lat.default(null),
  lon: schoolFields.lon.default(null),
  contactName: schoolFields.contactName.default(null),
  contactEmail: schoolFields.contactEmail.default(null),
  organisationId: schoolFields.organisationId.default(null),
});
export type SchoolCreate = z.input<typeof schoolCreateSchema>;
export const schoolUpdateSchema = z.object(
  Object.fromEntries(Object.entries(schoolFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof schoolFields]: z.ZodOptional<(typeof schoolFields)[K]> },
);
export type SchoolUpdate = z.input<typeof schoolUpdateSchema>;

export const schoolSchema = z.object({
  id: uuid,
  name: z.string(),
  kind: schoolKindSchema,
  municipalityCode: z.number().int(),
  municipalityName: z.string().nullable(),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  organisationId: uuid.nullable(),
  /** Classes of all school years. */
  classCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type School = z.infer<typeof schoolSchema>;

export const schoolListQuerySchema = z.object({
  municipality: municipalityCode.optional(),
  q: z.string().trim().max(200).optional(),
  ...pageQuery,
});
export type SchoolListQuery = z.input<typeof schoolListQuerySchema>;
export const schoolListSchema = listOf(schoolSchema);

// ---------------------------------------------------------------- classes

export const classLetterSchema = z.string({ error: 'Skriv klassens bogstav, fx A.' }).trim().min(1, 'Skriv klassens bogstav, fx A.')
  .max(10, 'Klassebetegnelsen må højst være 10 tegn.');
export const gradeSchema = z.number({ error: 'Klassetrinnet skal være et tal fra 0 til 10.' }).int('Klassetrinnet skal være et helt tal.')
  .min(0, 'Klassetrinnet skal være fra 0 til 10.').max(10, 'Klassetrinnet skal være fra 0 til 10.');
export const pupilsSchema = z.number({ error: 'Antal elever skal være et tal.' }).int('Antal elever skal være et helt tal.')
  .min(1, 'En klasse skal have mindst 1 elev.').max(60, 'En klasse kan højst have 60 elever.');

const classFields = {
  schoolYear: schoolYearSchema,
  grade: gradeSchema,
  letter: classLetterSchema,
  pupils: pupilsSchema,
  /** Weeks that suit the class; empty = any week a host offers. */
  suitableWeeks: weekList,
  themes: themeList,
  teacherName: optionalText(200).nullable(),
  teacherEmail: email.nullable(),
};
export const classCreateSchema = z.object({
  schoolYear: classFields.schoolYear,
  grade: classFields.grade.default(7),
  letter: classFields.letter,
  pupils: classFields.pupils,
  suitableWeeks: classFields.suitableWeeks.default([]),
  themes: classFields.themes.default([]),
  teacherName: classFields.teacherName.default(null),
  teacherEmail: classFields.teacherEmail.default(null),
});
export type ClassCreate = z.input<typeof classCreateSchema>;
export const classUpdateSchema = z.object(
  Object.fromEntries(Object.entries(classFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof classFields]: z.ZodOptional<(typeof classFields)[K]> },
);
export type ClassUpdate = z.input<typeof classUpdateSchema>;

export const schoolClassSchema = z.object({
  id: uuid,
  schoolId: uuid,
  schoolName: z.string(),
  municipalityCode: z.number().int(),
  schoolYear: z.string(),
  grade: z.number().int(),
  letter: z.string(),
  /** "7.A". */
  label: z.string(),
  pupils: z.number().int(),
  suitableWeeks: z.array(z.number().int()),
  themes: z.array(schoolThemeSchema),
  teacherName: z.string().nullable(),
  teacherEmail: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SchoolClass = z.infer<typeof schoolClassSchema>;

export const classListQuerySchema = z.object({
  schoolYear: schoolYearSchema.optional(),
  schoolId: uuid.optional(),
  municipality: municipalityCode.optional(),
  grade: z.coerce.number().int().min(0).max(10).optional(),
  ...pageQuery,
});
export type ClassListQuery = z.input<typeof classListQuerySchema>;
export const classListSchema = listOf(schoolClassSchema);

/**
 * A CSV of classes: `skole;kommune;postnummer;klassetrin;klasse;elever;uger;temaer` (header synonyms in Danish and
 * English; comma, semicolon or tab). Weeks "10,11,14-16"; themes by code or label, separated by comma or "|".
 * A school not yet registered is created (in the given municipality). `dryRun` checks every row and writes nothing;
 * an apply with any row error writes nothing unless `skipInvalid` is true (then the valid rows are written).
 */
export const classImportSchema = z.object({
  schoolYear: schoolYearSchema,
  content: z.string({ error: 'Filen er tom.' }).min(1, 'Filen er tom.').max(5_000_000, 'Filen er for stor (højst 5 MB).'),
  dryRun: z.boolean().default(true),
  skipInvalid: z.boolean().default(false),
});
export type ClassImport = z.input<typeof classImportSchema>;

/** The header names the import recognises for each field (lower case, compared without spaces and punctuation). */
export const classImportHeaders = {
  school: ['skole', 'skolenavn', 'school', 'schoolname'],
  municipality: ['kommune', 'kommunekode', 'municipality', 'municipalitycode'],
  postalCode: ['postnummer', 'postnr', 'postalcode', 'zip'],
  grade: ['klassetrin', 'årgang', 'trin', 'grade'],
  letter: ['klasse', 'klassebogstav', 'class', 'letter'],
  pupils: ['elever', 'antalelever', 'pupils', 'students'],
  weeks: ['uger', 'uge', 'weeks', 'week'],
  themes: ['temaer', 'tema', 'themes', 'theme'],
  teacherName: ['lærer', 'laerer', 'kontaktlærer', 'teacher', 'teachername'],
  teacherEmail: ['lærermail', 'laerermail', 'email', 'e-mail', 'teacheremail'],
} as const;

export const classImportRowErrorSchema = z.object({
  /** The file's row number (the header is row 1). */
  rowNumber: z.number().int(),
  column: z.string().nullable(),
  code: z.string(),
  /** "Række 4: en klasse skal have mindst 1 elev". */
  message: z.string(),
});
export type ClassImportRowError = z.infer<typeof classImportRowErrorSchema>;

export const classImportResultSchema = z.object({
  dryRun: z.boolean(),
  /** True when rows were written (an apply without blocking errors). */
  applied: z.boolean(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  errors: z.array(classImportRowErrorSchema),
  /** Of the valid rows: new classes, updates of existing ones (same school, year, grade and letter), new schools. */
  counts: z.object({ newClasses: z.number().int(), updatedClasses: z.number().int(), newSchools: z.number().int() }),
  /** Header fields the file lacks (required: school, municipality, grade, letter, pupils). */
  missingColumns: z.array(z.string()),
});
export type ClassImportResult = z.infer<typeof classImportResultSchema>;

// ---------------------------------------------------------------- host offers

const hostOfferFields = {
  /** The company (from the register); a company user may only name its own. */
  companyId: uuid,
  /** The P-unit where the class comes; its address is used unless a street/postal code is given. */
  productionUnitId: uuid.nullable(),
  schoolYear: schoolYearSchema,
  weeks: z.array(weekSchema, { error: 'Vælg mindst én uge, hvor virksomheden kan tage imod en klasse.' })
    .min(1, 'Vælg mindst én uge, hvor virksomheden kan tage imod en klasse.').max(53)
    .transform((list) => [...new Set(list)].sort((a, b) => a - b)),
  classesPerWeek: z.number({ error: 'Antal klasser pr. uge skal være et tal.' }).int('Antal klasser pr. uge skal være et helt tal.')
    .min(1, 'Virksomheden skal kunne tage mindst 1 klasse pr. uge.').max(20, 'Højst 20 klasser pr. uge.'),
  maxPupils: z.number({ error: 'Største antal elever skal være et tal.' }).int('Største antal elever skal være et helt tal.')
    .min(1, 'Virksomheden skal kunne tage mindst 1 elev.').max(200, 'Højst 200 elever.'),
  themes: themeList,
  street: optionalText(200).nullable(),
  postalCode: postalCode.nullable(),
  municipalityCode: municipalityCode.nullable(),
  lat: latSchema.nullable(),
  lon: lonSchema.nullable(),
  accessibilityNotes: optionalText(2000).nullable(),
  contactName: optionalText(200).nullable(),
  contactEmail: email.nullable(),
  contactPhone: optionalText(50).nullable(),
  active: z.boolean(),
};
export const hostOfferCreateSchema = z.object({
  companyId: hostOfferFields.companyId,
  productionUnitId: hostOfferFields.productionUnitId.default(null),
  schoolYear: hostOfferFields.schoolYear,
  weeks: hostOfferFields.weeks,
  classesPerWeek: hostOfferFields.classesPerWeek.default(1),
  maxPupils: hostOfferFields.maxPupils,
  themes: hostOfferFields.themes.default([]),
  street: hostOfferFields.street.default(null),
  postalCode: hostOfferFields.postalCode.default(null),
  municipalityCode: hostOfferFields.municipalityCode.default(null),
  lat: hostOfferFields.lat.default(null),
  lon: hostOfferFields.lon.default(null),
  accessibilityNotes: hostOfferFields.accessibilityNotes.default(null),
  contactName: hostOfferFields.contactName.default(null),
  contactEmail: hostOfferFields.contactEmail.default(null),
  contactPhone: hostOfferFields.contactPhone.default(null),
  active: hostOfferFields.active.default(true),
});
export type HostOfferCreate = z.input<typeof hostOfferCreateSchema>;
export const hostOfferUpdateSchema = z.object(
  Object.fromEntries(Object.entries(hostOfferFields).filter(([k]) => k !== 'companyId').map(([k, v]) => [k, v.optional()])) as
    { [K in Exclude<keyof typeof hostOfferFields, 'companyId'>]: z.ZodOptional<(typeof hostOfferFields)[K]> },
);
export type HostOfferUpdate = z.input<typeof hostOfferUpdateSchema>;

export const hostOfferSchema = z.object({
  id: uuid,
  companyId: uuid,
  companyName: z.string(),
  cvr: z.string(),
  productionUnitId: uuid.nullable(),
  schoolYear: z.string(),
  weeks: z.array(z.number().int()),
  classesPerWeek: z.number().int(),
  maxPupils: z.number().int(),
  themes: z.array(schoolThemeSchema),
  /** Where the class comes (the given address, else the P-unit's, else the company's). */
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  municipalityCode: z.number().int().nullable(),
  municipalityName: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  accessibilityNotes: z.string().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  active: z.boolean(),
  /** Places: weeks × classes per week. */
  capacity: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type HostOffer = z.infer<typeof hostOfferSchema>;

export const hostOfferListQuerySchema = z.object({
  schoolYear: schoolYearSchema.optional(),
  companyId: uuid.optional(),
  municipality: municipalityCode.optional(),
  active: z.enum(['true', 'false', 'all']).default('all'),
  ...pageQuery,
});
export type HostOfferListQuery = z.input<typeof hostOfferListQuerySchema>;
export const hostOfferListSchema = listOf(hostOfferSchema);

// ---------------------------------------------------------------- tutors

const tutorFields = {
  schoolYear: schoolYearSchema,
  name: z.string({ error: 'Skriv tutorens navn.' }).trim().min(1, 'Skriv tutorens navn.').max(200),
  institution: z.string({ error: 'Skriv uddannelsesinstitutionen.' }).trim().min(1, 'Skriv uddannelsesinstitutionen.').max(200),
  kind: tutorKindSchema,
  municipalityCode: municipalityCode.nullable(),
  postalCode: postalCode.nullable(),
  weeks: z.array(weekSchema, { error: 'Vælg mindst én uge, hvor tutoren kan.' }).min(1, 'Vælg mindst én uge, hvor tutoren kan.').max(53)
    .transform((list) => [...new Set(list)].sort((a, b) => a - b)),
  maxClasses: z.number().int('Antal klasser skal være et helt tal.').min(1, 'En tutor skal kunne tage mindst 1 klasse.').max(40),
  contactEmail: email.nullable(),
};
export const tutorCreateSchema = z.object({
  schoolYear: tutorFields.schoolYear,
  name: tutorFields.name,
  institution: tutorFields.institution,
  kind: tutorFields.kind.default('pupil'),
  municipalityCode: tutorFields.municipalityCode.default(null),
  postalCode: tutorFields.postalCode.default(null),
  weeks: tutorFields.weeks,
  maxClasses: tutorFields.maxClasses.default(1),
  contactEmail: tutorFields.contactEmail.default(null),
});
export type TutorCreate = z.input<typeof tutorCreateSchema>;
export const tutorUpdateSchema = z.object(
  Object.fromEntries(Object.entries(tutorFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof tutorFields]: z.ZodOptional<(typeof tutorFields)[K]> },
);
export type TutorUpdate = z.input<typeof tutorUpdateSchema>;

export const tutorSchema = z.object({
  id: uuid,
  schoolYear: z.string(),
  name: z.string(),
  institution: z.string(),
  kind: tutorKindSchema,
  municipalityCode: z.number().int().nullable(),
  postalCode: z.string().nullable(),
  weeks: z.array(z.number().int()),
  maxClasses: z.number().int(),
  contactEmail: z.string().nullable(),
  createdAt: z.string(),
});
export type Tutor = z.infer<typeof tutorSchema>;
export const tutorListQuerySchema = z.object({ schoolYear: schoolYearSchema.optional(), ...pageQuery });
export type TutorListQuery = z.input<typeof tutorListQuerySchema>;
export const tutorListSchema = listOf(tutorSchema);

// ---------------------------------------------------------------- allocation

/** Costs in km-equivalent points (see the engine); omitted weights take the defaults. */
export const allocationWeightsSchema = z.object({
  perKm: z.number().min(0).max(1000),
  themeMismatch: z.number().min(0).max(10_000),
  unpreferredWeek: z.number().min(0).max(10_000),
  /** The penalty for a host outside the class's municipality ("stay within the municipality where possible"). */
  outsideMunicipality: z.number().min(0).max(10_000),
  tutorPerKm: z.number().min(0).max(1000),
}).partial();
export type AllocationWeightsInput = z.infer<typeof allocationWeightsSchema>;

export const allocationRunSchema = z.object({
  schoolYear: schoolYearSchema,
  /** One municipality's classes (hosts of the whole partnership are eligible), or null for the whole partnership. */
  municipalityCode: municipalityCode.nullable().default(null),
  /** Only these grades' classes (default: 7th grade). */
  grade: gradeSchema.default(7),
  weights: allocationWeightsSchema.optional(),
  /** Solver time limit in seconds (default 60). */
  timeLimitS: z.number().min(1).max(300).optional(),
});
export type AllocationRun = z.input<typeof allocationRunSchema>;

export const allocationProblemSchema = schoolMessageSchema.extend({
  severity: z.enum(['error', 'warning']),
  ref: z.object({
    classId: z.string().optional(), hostOfferId: z.string().optional(), companyId: z.string().optional(),
    tutorId: z.string().optional(), municipalityCode: z.string().optional(), week: z.number().optional(),
  }).optional(),
});
export type AllocationProblem = z.infer<typeof allocationProblemSchema>;

/** The exact shortage of an infeasible run (the engine's Hall bottlenecks): how many classes are short, where. */
export const allocationShortageSchema = z.object({
  shortClasses: z.number().int(),
  totalClasses: z.number().int(),
  totalCapacity: z.number().int(),
  noEligibleHost: z.array(z.object({ classId: z.string(), label: z.string(), causes: z.array(z.string()) })),
  bottlenecks: z.array(z.object({
    short: z.number().int(), classes: z.number().int(), capacity: z.number().int(), weeks: z.array(z.number().int()),
    allWeeks: z.boolean(),
    municipalities: z.array(z.object({ municipalityCode: z.string(), classes: z.number().int(), capacity: z.number().int() })),
    classIds: z.array(z.string()),
  })),
});
export type AllocationShortage = z.infer<typeof allocationShortageSchema>;

/**
 * The 422 body of a run that cannot make a plan (nothing is stored): problem+json with code `allocation_invalid`
 * (bad input: `problems`) or `allocation_infeasible` (more classes than places: `shortage` and `problems`).
 */
export const allocationFailureSchema = z.object({
  type: z.string(), title: z.string(), status: z.literal(422), code: z.enum(['allocation_invalid', 'allocation_infeasible']),
  detail: z.string(),
  problems: z.array(allocationProblemSchema),
  shortage: allocationShortageSchema.nullable(),
});
export type AllocationFailure = z.infer<typeof allocationFailureSchema>;

export const assignmentReasonsSchema = z.object({
  distanceKm: z.number(),
  precision: z.enum(['address', 'postal_code']),
  sharedThemes: z.array(z.string()),
  missingThemes: z.array(z.string()),
  preferredWeek: z.boolean().nullable(),
  suitableWeek: z.boolean(),
  sameMunicipality: z.boolean(),
  cost: z.object({ distance: z.number(), themes: z.number(), week: z.number(), municipality: z.number(), total: z.number() }),
  items: z.array(schoolMessageSchema),
  summary: z.string(),
});
export type AssignmentReasons = z.infer<typeof assignmentReasonsSchema>;

export const planAssignmentSchema = z.object({
  id: uuid,
  classId: uuid,
  classLabel: z.string(),
  pupils: z.number().int(),
  schoolId: uuid,
  schoolName: z.string(),
  schoolMunicipalityCode: z.number().int(),
  hostOfferId: uuid,
  companyId: uuid,
  companyName: z.string(),
  /** The host address: "Vejlevej 12, 6000 Kolding". */
  address: z.string(),
  hostMunicipalityCode: z.number().int().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  week: z.number().int(),
  /** Monday and Friday of the week (ISO dates). */
  weekStart: z.string(),
  weekEnd: z.string(),
  tutor: z.object({ id: uuid, name: z.string(), institution: z.string() }).nullable(),
  locked: z.boolean(),
  /** The lock constraint behind `locked`, when it still exists (delete it to unlock). */
  lockConstraintId: uuid.nullable(),
  distanceKm: z.number().nullable(),
  reasons: assignmentReasonsSchema,
});
export type PlanAssignment = z.infer<typeof planAssignmentSchema>;

export const planSummarySchema = z.object({
  id: uuid,
  schoolYear: z.string(),
  municipalityCode: z.number().int().nullable(),
  municipalityName: z.string().nullable(),
  version: z.number().int(),
  status: planStatusSchema,
  /** optimal (proven within the gap) or feasible (time limit reached). */
  solverStatus: z.enum(['optimal', 'feasible']),
  objective: z.number(),
  bound: z.number(),
  gapPct: z.number(),
  solveSeconds: z.number(),
  classes: z.number().int(),
  assigned: z.number().int(),
  /** Classes without a host week: always 0 (an infeasible run stores no plan). */
  unassigned: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

export const planSchema = planSummarySchema.extend({
  weights: z.object({
    perKm: z.number(), themeMismatch: z.number(), unpreferredWeek: z.number(), outsideMunicipality: z.number(), tutorPerKm: z.number(),
  }),
  warnings: z.array(allocationProblemSchema),
  stats: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
  assignments: z.array(planAssignmentSchema),
});
export type Plan = z.infer<typeof planSchema>;

export const planListQuerySchema = z.object({ schoolYear: schoolYearSchema.optional() });
export const planListSchema = z.object({ items: z.array(planSummarySchema) });

export const planPublishResultSchema = z.object({
  plan: planSummarySchema,
  /** The published plan it replaced (now superseded), if any. */
  previousPlanId: uuid.nullable(),
  changes: z.number().int(),
  emailsQueued: z.number().int(),
});
export type PlanPublishResult = z.infer<typeof planPublishResultSchema>;

export const planChangeSchema = z.object({
  id: uuid,
  classId: uuid,
  classLabel: z.string(),
  schoolName: z.string(),
  before: z.object({ companyName: z.string(), week: z.number().int(), hostOfferId: uuid }).nullable(),
  after: z.object({ companyName: z.string(), week: z.number().int(), hostOfferId: uuid }).nullable(),
  at: z.string(),
});
export type PlanChange = z.infer<typeof planChangeSchema>;
export const planChangeListSchema = z.object({ previousPlanId: uuid.nullable(), items: z.array(planChangeSchema) });

// ---------------------------------------------------------------- constraints (locks and forbidden pairs)

export const constraintKinds = ['lock', 'forbid'] as const;
export type ConstraintKind = (typeof constraintKinds)[number];

/** Lock an assignment of a plan (its class stays at that host week), or forbid a class with a company or one offer. */
export const constraintCreateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('lock'), assignmentId: uuid, note: optionalText(500).optional() }),
  z.object({
    kind: z.literal('forbid'), classId: uuid, companyId: uuid.optional(), hostOfferId: uuid.optional(), note: optionalText(500).optional(),
  }).refine((v) => (v.companyId ? 1 : 0) + (v.hostOfferId ? 1 : 0) === 1, {
    message: 'Angiv enten en virksomhed eller et værtstilbud, som klassen ikke må komme til.', path: ['companyId'],
  }),
], { error: 'Vælg at låse en fordeling eller at udelukke et par.' });
export type ConstraintCreate = z.input<typeof constraintCreateSchema>;

export const constraintSchema = z.object({
  id: uuid,
  kind: z.enum(constraintKinds),
  schoolYear: z.string(),
  classId: uuid,
  classLabel: z.string(),
  schoolName: z.string(),
  hostOfferId: uuid.nullable(),
  companyId: uuid.nullable(),
  companyName: z.string().nullable(),
  week: z.number().int().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type Constraint = z.infer<typeof constraintSchema>;
/** Without `schoolYear`: the current school year. */
export const constraintListQuerySchema = z.object({ schoolYear: schoolYearSchema.optional() });
export const constraintListSchema = z.object({ items: z.array(constraintSchema) });

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
