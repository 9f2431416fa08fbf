import { z } from 'zod';
import { candidateListQuerySchema, candidateProfileSchema, identityPurposeSchema } from './recruitment';

/*
 * Wire shapes of the candidate API that common/recruitment.ts does not have yet (list item, import job, retention
 * run). Shared by the server and the web app.
 */

/** A row of the candidate list: the profile, plus name and the centre's own id for the owning centre only (never CPR). */
export const candidateListItemSchema = candidateProfileSchema.extend({
  /** Only in `scope=own` (the caller's own centre); null in `scope=all`. */
  name: z.string().nullable(),
  externalRef: z.string().nullable(),
  lastActivityAt: z.string(),
});
export type CandidateListItem = z.infer<typeof candidateListItemSchema>;

export const candidateListSchema = z.object({
  items: z.array(candidateListItemSchema), total: z.number(), limit: z.number(), offset: z.number(),
});
export type CandidateList = z.infer<typeof candidateListSchema>;

export const candidateExportQuerySchema = candidateListQuerySchema.omit({ limit: true, offset: true, scope: true });

export const candidateIdentityQuerySchema = z.object({
  purpose: identityPurposeSchema,
  /** `cpr`: show the full CPR number instead of the masked one. */
  reveal: z.enum(['cpr'], 'Kun CPR-nummeret kan vises i fuld længde (reveal=cpr).').optional(),
});

/** One problem in one row of an import file; `row` as a spreadsheet numbers it (the header is row 1). */
export const candidateImportErrorSchema = z.object({
  row: z.number(),
  column: z.string().nullable(),
  message: z.string(),
});
export type CandidateImportError = z.infer<typeof candidateImportErrorSchema>;

export const candidateImportStatuses = ['validated', 'applied'] as const;

export const candidateImportSchema = z.object({
  id: z.string().uuid(),
  fileName: z.string(),
  status: z.enum(candidateImportStatuses),
  rowCount: z.number(),
  validRows: z.number(),
  errorRows: z.number(),
  /** Every row error of the dry run (row, column, Danish message). */
  errors: z.array(candidateImportErrorSchema),
  /** Which of the file's recognised columns map to which field. */
  columns: z.record(z.string(), z.string()),
  createdAt: z.string(),
  appliedAt: z.string().nullable(),
  /** After apply: rows written as new candidates and as updates of the centre's existing ones. */
  created: z.number().nullable(),
  updated: z.number().nullable(),
});
export type CandidateImport = z.infer<typeof candidateImportSchema>;

export const candidateImportUploadQuerySchema = z.object({ fileName: z.string().trim().min(1).max(200).optional() });
export const candidateImportUploadSchema = z.object({
  fileName: z.string().trim().min(1).max(200).default('kandidater.csv'),
  content: z.string().min(1, 'Filen er tom.'),
});
export const candidateImportApplySchema = z.object({
  /** Write the valid rows even though some rows have errors (those rows are skipped). */
  skipInvalid: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

export const retentionRunSchema = z.object({
  anonymised: z.number(),
  consentsWithdrawn: z.number(),
  cutoff: z.string(),
  months: z.number(),
});
export type RetentionRun = z.infer<typeof retentionRunSchema>;
