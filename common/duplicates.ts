import { z } from 'zod';
import { companyDetailSchema } from './companies';
import { contactSchema } from './engagement';

/*
 * The API contract of duplicates and merges: candidate pairs of companies (a hand-created company against
 * another, usually the CVR company) and of contact persons at one company, "not a duplicate" decisions,
 * and the merges that move every related record to the surviving record.
 */

const uuid = z.string().uuid();

/** Why two records look like the same one. `text` is Danish, e.g. "navne ligner hinanden (0,82)". */
export const duplicateReasonCodes = ['same_name', 'similar_name', 'same_address', 'same_phone', 'same_email'] as const;
export const duplicateReasonCodeSchema = z.enum(duplicateReasonCodes);
export type DuplicateReasonCode = z.infer<typeof duplicateReasonCodeSchema>;

export const duplicateReasonSchema = z.object({
  code: duplicateReasonCodeSchema,
  /** Name similarity 0–1 (pg_trgm) for `similar_name`, otherwise null. */
  similarity: z.number().nullable(),
  text: z.string(),
});
export type DuplicateReason = z.infer<typeof duplicateReasonSchema>;

/** One side of a company pair: what a person needs to decide which record survives. */
export const duplicateCompanySchema = z.object({
  id: uuid,
  cvr: z.string().nullable(),
  name: z.string(),
  source: z.enum(['cvr', 'manual', 'demo']),
  status: z.string(),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  createdAt: z.string(),
});
export type DuplicateCompany = z.infer<typeof duplicateCompanySchema>;

export const companyDuplicatePairSchema = z.object({
  a: duplicateCompanySchema,
  b: duplicateCompanySchema,
  /** Higher is more likely the same company; pairs are listed by score, highest first. */
  score: z.number(),
  reasons: z.array(duplicateReasonSchema),
  /** The record that should survive: the one with a CVR number (only it can keep one), else the older one. */
  suggestedSurvivorId: uuid,
  /** False when only one side may survive (the other has the CVR number). */
  survivorChoice: z.boolean(),
});
export type CompanyDuplicatePair = z.infer<typeof companyDuplicatePairSchema>;

export const companyDuplicatesQuerySchema = z.object({
  page: z.coerce.number().int().min(1, 'Siden skal være 1 eller mere.').max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const companyDuplicatePageSchema = z.object({
  items: z.array(companyDuplicatePairSchema),
  total: z.number().int(),
  page: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type CompanyDuplicatePage = z.infer<typeof companyDuplicatePageSchema>;

/** "Not a duplicate": the pair is no longer proposed to anyone in the partnership. Order does not matter. */
export const duplicateDismissSchema = z.object({ aId: uuid, bId: uuid })
  .refine((v) => v.aId !== v.bId, { message: 'Vælg to forskellige poster.', path: ['bId'] });
export type DuplicateDismiss = z.infer<typeof duplicateDismissSchema>;

export const mergeRequestSchema = z.object({ mergedId: z.string().uuid('Ugyldigt id på den post, der lægges sammen.') });
export type MergeRequest = z.infer<typeof mergeRequestSchema>;

/** The answer to a company merge: the survivor as it is now and how many rows moved, by table. */
export const companyMergeResultSchema = z.object({
  survivor: companyDetailSchema,
  mergedId: uuid,
  /** "table.column" → rows moved to the survivor. */
  moved: z.record(z.string(), z.number().int()),
  /** "table.column" → rows of the merged company dropped because the survivor already had one (its own wins). */
  dropped: z.record(z.string(), z.number().int()),
});
export type CompanyMergeResult = z.infer<typeof companyMergeResultSchema>;

// ---------------------------------------------------------------- contacts

export const contactDuplicatePairSchema = z.object({
  a: contactSchema,
  b: contactSchema,
  score: z.number(),
  reasons: z.array(duplicateReasonSchema),
  /** The contact with more details filled in (on a tie the older one). */
  suggestedSurvivorId: uuid,
});
export type ContactDuplicatePair = z.infer<typeof contactDuplicatePairSchema>;

export const contactDuplicateListSchema = z.object({ items: z.array(contactDuplicatePairSchema) });

export const contactMergeResultSchema = z.object({
  survivor: contactSchema,
  mergedId: uuid,
  /** Interactions whose participant list now names the survivor. */
  interactions: z.number().int(),
  /** "table.column" → rows of other tables moved to the survivor. */
  moved: z.record(z.string(), z.number().int()),
});
export type ContactMergeResult = z.infer<typeof contactMergeResultSchema>;
