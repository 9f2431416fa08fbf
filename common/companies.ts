import { z } from 'zod';
import { cvrSchema, pNumberSchema } from './cvr';

export const employeeBands = [
  'ANTAL_0_0', 'ANTAL_1_1', 'ANTAL_2_4', 'ANTAL_5_9', 'ANTAL_10_19', 'ANTAL_20_49', 'ANTAL_50_99',
  'ANTAL_100_199', 'ANTAL_200_499', 'ANTAL_500_999', 'ANTAL_1000_999999',
] as const;
export const employeeBandSchema = z.enum(employeeBands);
export type EmployeeBand = z.infer<typeof employeeBandSchema>;

export const companyStatuses = ['active', 'ceased', 'formation'] as const;
export const companyStatusSchema = z.enum(companyStatuses);

export const companySearchQuerySchema = z.object({
  /** Name (typo-tolerant), CVR or P-number (exact), or address. */
  q: z.string().trim().max(200).optional(),
  municipality: z.union([z.coerce.number().int(), z.array(z.coerce.number().int())]).optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
  /** DB07 section letter (C) or code prefix (25, 2562). */
  industry: z.string().trim().regex(/^([A-Za-z]|\d{1,6})$/, 'Branche skal være et afsnitsbogstav eller en kode.').optional(),
  employeeBand: z.union([employeeBandSchema, z.array(employeeBandSchema)]).optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
  status: companyStatusSchema.optional(),
  sort: z.enum(['relevance', 'name']).default('relevance'),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type CompanySearchQuery = z.input<typeof companySearchQuerySchema>;

export const companySummarySchema = z.object({
  id: z.string().uuid(),
  cvr: z.string().nullable(),
  name: z.string(),
  status: companyStatusSchema,
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  municipalityCode: z.number().int().nullable(),
  municipalityName: z.string().nullable(),
  industryCode: z.string().nullable(),
  industryText: z.string().nullable(),
  employeeBand: z.string().nullable(),
  employees: z.number().int().nullable(),
  advertisingProtected: z.boolean(),
  isDemo: z.boolean(),
  /** Why this row matched: "cvr", "p_number", "name", "name_fuzzy", "address", "fulltext", "filter". */
  matchedBy: z.string().optional(),
});
export type CompanySummary = z.infer<typeof companySummarySchema>;

export const companySearchResultSchema = z.object({
  items: z.array(companySummarySchema),
  /** Matches counted up to 500; when `totalCapped` is true there are more than `total`. */
  total: z.number().int(),
  totalCapped: z.boolean().optional(),
  limit: z.number().int(),
  offset: z.number().int(),
});

export type CompanySearchResult = z.infer<typeof companySearchResultSchema>;

export const productionUnitSchema = z.object({
  id: z.string().uuid(),
  pNumber: z.string(),
  name: z.string(),
  status: z.string(),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  municipalityCode: z.number().int().nullable(),
  municipalityName: z.string().nullable(),
  industryCode: z.string().nullable(),
  industryText: z.string().nullable(),
  employees: z.number().int().nullable(),
  advertisingProtected: z.boolean(),
});

export const companyDetailSchema = companySummarySchema.extend({
  secondaryNames: z.array(z.string()),
  legalForm: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  industryClassification: z.string(),
  industrySection: z.string().nullable(),
  industrySectionText: z.string().nullable(),
  secondaryIndustries: z.array(z.object({ code: z.string(), text: z.string().nullable() })),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  source: z.enum(['cvr', 'manual', 'demo']),
  cvrUpdatedAt: z.string().nullable(),
  updatedAt: z.string(),
  productionUnits: z.array(productionUnitSchema),
});
export type CompanyDetail = z.infer<typeof companyDetailSchema>;

/** A company created by hand: CVR optional (a company in formation has none yet). */
export const companyCreateSchema = z.object({
  cvr: cvrSchema.optional(),
  name: z.string().trim().min(1, 'Skriv virksomhedens navn.').max(300),
  street: z.string().trim().max(300).optional(),
  postalCode: z.string().trim().regex(/^\d{4}$/, 'Postnummeret skal være 4 cifre.').optional(),
  municipalityCode: z.number().int().min(101).max(999).optional(),
  industryCode: z.string().trim().regex(/^\d{2,6}$/, 'Branchekoden skal være 2-6 cifre.').optional(),
  employees: z.number().int().min(0).max(1_000_000).optional(),
  phone: z.string().trim().max(50).optional(),
  email: z.string().trim().email('Ugyldig e-mailadresse.').optional(),
});
export const companyUpdateSchema = companyCreateSchema.partial();

export { cvrSchema, pNumberSchema };
