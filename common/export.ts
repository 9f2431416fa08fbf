import { z } from 'zod';

/** The file formats every list can be exported as. */
export const exportFormats = ['csv', 'xlsx'] as const;
export const exportFormatSchema = z.enum(exportFormats, { message: 'Formatet skal være csv eller xlsx.' });
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export const exportLanguageSchema = z.enum(['da', 'en']);
export type ExportLanguage = z.infer<typeof exportLanguageSchema>;

/**
 * The query part every export route adds to its list's own filters: `?format=csv|xlsx` and, optionally,
 * `lang=da|en` for the column headers (default: the user's language).
 */
export const exportQuerySchema = z.object({ format: exportFormatSchema.default('csv'), lang: exportLanguageSchema.optional() });

/** Path suffix of a list's export: `GET <list url>/export?format=…&<the list's filters>`. */
export const exportPathSuffix = '/export';
