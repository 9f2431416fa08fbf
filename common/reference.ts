import { z } from 'zod';

export const regionSchema = z.object({ code: z.number().int(), name: z.string(), nameEn: z.string().nullable() });
export const municipalitySchema = z.object({
  code: z.number().int(), name: z.string(), regionCode: z.number().int(),
  lat: z.number().nullable(), lon: z.number().nullable(),
});
export type Municipality = z.infer<typeof municipalitySchema>;
export const industrySchema = z.object({
  classification: z.string(), code: z.string(), level: z.number().int(), parentCode: z.string().nullable(),
  section: z.string().nullable(), titleDa: z.string(), titleEn: z.string().nullable(),
});
export type Industry = z.infer<typeof industrySchema>;
export const occupationSchema = z.object({
  uri: z.string(), scheme: z.string(), code: z.string().nullable(), iscoGroup: z.string().nullable(),
  label: z.string(),
});
export const skillSchema = z.object({ uri: z.string(), scheme: z.string(), label: z.string(), skillType: z.string().nullable() });

export const importKinds = ['postnumre', 'db07', 'disco08', 'esco', 'cvr', 'kommuner-geojson'] as const;
export type ImportKind = (typeof importKinds)[number];

const list = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item) });
const searchText = z.string().trim().max(100).optional();
const flag = z.enum(['true', 'false']).optional();

export const regionListSchema = list(regionSchema);
export const municipalityQuerySchema = z.object({ region: z.coerce.number().int().min(1000).max(9999).optional() });
export const municipalityListSchema = list(municipalitySchema);

export const industryQuerySchema = z.object({
  classification: z.string().trim().min(1).max(20).default('DB07'),
  level: z.coerce.number().int().min(0).max(4).optional(),
  parent: z.string().trim().min(1).max(10).optional(),
  q: searchText,
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});
export const industryListSchema = list(industrySchema);

/** `groups=true` also returns ISCO/DISCO groups (occupations) or skill groups (skills). */
export const occupationQuerySchema = z.object({
  q: searchText,
  scheme: z.string().trim().min(1).max(40).optional(),
  groups: flag,
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type OccupationQuery = z.infer<typeof occupationQuerySchema>;
export const occupationListSchema = list(occupationSchema);
export const skillQuerySchema = occupationQuerySchema;
export const skillListSchema = list(skillSchema);

export const postalCodeParamsSchema = z.object({ code: z.string().regex(/^\d{4}$/, 'Et postnummer er fire cifre.') });
export const postalCodeSchema = z.object({
  code: z.string(), name: z.string(), municipalityCode: z.number().int().nullable(),
  municipalityCodes: z.array(z.number().int()), lat: z.number().nullable(), lon: z.number().nullable(), isPoBox: z.boolean(),
});
export type PostalCode = z.infer<typeof postalCodeSchema>;
