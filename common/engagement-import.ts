import { z } from 'zod';
import { interactionChannelSchema, interactionPurposeSchema } from './engagement';

/*
 * The API contract of importing interactions and contacts from another CRM's CSV file:
 * upload → mapping → dry run (every row checked, nothing written) → apply (one transaction).
 */

const uuid = z.string().uuid();

export const importKinds = ['interactions', 'contacts'] as const;
export const importKindSchema = z.enum(importKinds, { error: 'Vælg, om filen indeholder kontakter (interaktioner) eller kontaktpersoner.' });
export type ImportKind = z.infer<typeof importKindSchema>;

export const importStatuses = ['uploaded', 'validating', 'validated', 'applying', 'applied', 'failed', 'discarded'] as const;
export type ImportStatus = (typeof importStatuses)[number];

/** The largest file accepted (the upload route's body limit). 100,000 rows of a typical CRM export are ~20 MB. */
export const importMaxBytes = 64 * 1024 * 1024;

/** What a column of the file can be mapped to, per kind. The company is found by CVR or P-number (one of them is required). */
export const importFields = {
  interactions: [
    'cvr', 'pNumber', 'date', 'channel', 'purpose', 'themes', 'notes', 'participants', 'confidential', 'followUpDate',
    'consultantEmail', 'externalRef',
  ],
  contacts: ['cvr', 'pNumber', 'name', 'title', 'phone', 'email', 'role', 'externalRef'],
} as const satisfies Record<ImportKind, readonly string[]>;
export type ImportField = (typeof importFields)[ImportKind][number];

/** Fields that must be mapped (besides CVR or P-number). */
export const importRequiredFields: Record<ImportKind, readonly ImportField[]> = {
  interactions: ['date', 'channel', 'purpose'],
  contacts: ['name'],
};

/** Whether a field must be mapped; the company key (CVR or P-number, either one) is checked separately. */
export function isRequiredField(kind: ImportKind, field: ImportField): boolean {
  return importRequiredFields[kind].includes(field);
}

/** target field → the file's column name */
export const importMappingSchema = z.record(z.string(), z.string().trim().min(1).max(200));
export type ImportMapping = Partial<Record<ImportField, string>>;

export const importUploadSchema = z.object({
  kind: importKindSchema,
  fileName: z.string().trim().min(1).max(255).default('import.csv'),
  /** The file's text (the browser decodes it; a raw text/csv body may also be Windows-1252). */
  content: z.string().min(1, 'Filen er tom.'),
});
export type ImportUpload = z.input<typeof importUploadSchema>;

/** Query of a raw upload (body = the file's bytes, Content-Type text/csv). */
export const importUploadQuerySchema = z.object({
  kind: importKindSchema.optional(),
  fileName: z.string().trim().min(1).max(255).optional(),
});

export const importMappingUpdateSchema = z.object({ mapping: importMappingSchema });
export type ImportMappingUpdate = z.input<typeof importMappingUpdateSchema>;

/** Stable codes of row errors; the web app translates them, `message` is the Danish text. */
export const importErrorCodes = [
  'required', 'missing_company', 'invalid_cvr', 'unknown_cvr', 'invalid_p_number', 'unknown_p_number', 'p_number_other_company',
  'invalid_date', 'date_in_future', 'follow_up_before_date', 'invalid_channel', 'invalid_purpose', 'invalid_theme',
  'invalid_boolean', 'invalid_email', 'unknown_consultant', 'too_long', 'duplicate_ref', 'deleted_ref', 'extra_fields',
] as const;
export type ImportErrorCode = (typeof importErrorCodes)[number];

export const importRowErrorSchema = z.object({
  rowNumber: z.number().int(),
  /** The file's column the error is about; null for the row as a whole. */
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.string()),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const importErrorPageQuerySchema = z.object({ page: z.coerce.number().int().min(1).max(1_000_000).default(1) });
export const importErrorPageSize = 50;
export const importErrorPageSchema = z.object({
  items: z.array(importRowErrorSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ImportErrorPage = z.infer<typeof importErrorPageSchema>;

/** A valid row as it will be written: enough to recognise it in the preview. */
export const importSampleRowSchema = z.object({
  rowNumber: z.number().int(),
  companyName: z.string(),
  externalRef: z.string().nullable(),
  /** It updates a record imported earlier (same external id) instead of creating one. */
  update: z.boolean(),
  date: z.string().optional(),
  channel: interactionChannelSchema.optional(),
  purpose: interactionPurposeSchema.optional(),
  confidential: z.boolean().optional(),
  authorName: z.string().optional(),
  name: z.string().optional(),
  email: z.string().nullable().optional(),
});
export type ImportSampleRow = z.infer<typeof importSampleRowSchema>;

export const importJobSchema = z.object({
  id: uuid,
  kind: importKindSchema,
  status: z.enum(importStatuses),
  fileName: z.string(),
  delimiter: z.string(),
  header: z.array(z.string()),
  /** The suggested mapping until one is saved. */
  mapping: z.record(z.string(), z.string()),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  errorRows: z.number().int(),
  /** After the dry run: valid rows, and how many of them are new or update an earlier import. */
  counts: z.object({ valid: z.number().int(), new: z.number().int(), updates: z.number().int() }).nullable(),
  /** While applying (when the server can tell): rows written so far. */
  appliedRows: z.number().int().nullable(),
  /** After applying. */
  result: z.object({
    inserted: z.number().int(), updated: z.number().int(), skipped: z.number().int(), tasksCreated: z.number().int(),
  }).nullable(),
  failure: z.string().nullable(),
  /** The first rows of the file (while it is being mapped). */
  preview: z.array(z.array(z.string())).nullable(),
  /** A few valid rows (after the dry run). */
  sample: z.array(importSampleRowSchema).nullable(),
  user: z.object({ id: uuid, name: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

export const importJobListSchema = z.object({ items: z.array(importJobSchema) });
