import { z } from 'zod';
import { email, latSchema, listOf, lonSchema, municipalityCode, optionalText, pageQuery, postalCode, schoolKindSchema, schoolThemeSchema, schoolYearSchema, themeList, tutorKindSchema, uuid, weekList, weekSchema, gradeSchema } from './schools-base';

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


export * from './schools-base';
export * from './schools-agreements';
export * from './schools-allocation';

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

