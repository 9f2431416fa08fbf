import { z } from 'zod';
import { employeeBandSchema } from './companies';

/*
 * The API contract of bulk assignment: a manager places every company that matches a filter in one of the
 * organisation's contact tiers and/or splits them across responsible consultants, previews it, then applies it.
 */

const uuid = z.string().uuid();

/** Which companies: the company register's filters plus two about the organisation's own portfolio. */
export const bulkFilterSchema = z.object({
  municipalities: z.array(z.number().int().min(101).max(999)).max(100).default([]),
  /** DB07 section letter, e.g. "C". */
  industrySection: z.string().trim().regex(/^[A-Za-z]$/, 'Branchens hovedafsnit er ét bogstav (A–U).')
    .transform((v) => v.toUpperCase()).optional(),
  /** DB07 code prefix, e.g. "25" or "2562". */
  industryPrefix: z.string().trim().regex(/^\d{1,6}$/, 'Branchekoden skal være 1-6 cifre.').optional(),
  employeeBands: z.array(employeeBandSchema).max(20).default([]),
  /** At least this many employees: the latest count, or the lower end of the band where no count is known. */
  minEmployees: z.number().int().min(0, 'Antal ansatte kan ikke være negativt.').max(1_000_000).optional(),
  /** Only active companies (the default). */
  activeOnly: z.boolean().default(true),
  /** Name contains (case and accents ignored). */
  q: z.string().trim().max(200).optional(),
  /** Only companies without a responsible consultant in the actor's organisation. */
  withoutResponsible: z.boolean().default(false),
  /** Only companies outside every contact tier of the actor's organisation. */
  withoutTier: z.boolean().default(false),
}).refine(
  (f) => f.municipalities.length > 0 || !!f.industrySection || !!f.industryPrefix || f.employeeBands.length > 0
    || f.minEmployees !== undefined || !!f.q,
  { message: 'Vælg mindst ét filter: kommune, branche, antal ansatte eller navn.', path: ['municipalities'] },
);
export type BulkFilter = z.input<typeof bulkFilterSchema>;

export const bulkBalanceModes = ['even', 'portfolio'] as const;

const assignmentFields = {
  filter: bulkFilterSchema,
  /** A contact tier of the organisation; left out: tiers are not changed. */
  tierId: uuid.optional(),
  /** Active consultants of the organisation; left out or empty: responsibles are not changed. */
  consultantIds: z.array(uuid).max(100).default([]),
  /**
   * even: the matching companies are split so each consultant gets the same number (±1);
   * portfolio: split so the consultants' whole portfolios in the organisation end up as even as possible.
   */
  balance: z.enum(bulkBalanceModes).default('even'),
};

type AssignmentShape = { tierId?: string; consultantIds: string[] };
const somethingToDo = (v: AssignmentShape) => !!v.tierId || v.consultantIds.length > 0;
const distinctConsultants = (v: AssignmentShape) => new Set(v.consultantIds).size === v.consultantIds.length;
const nothingToDo = { message: 'Vælg et kontaktniveau og/eller mindst én konsulent.', path: ['consultantIds'] };
const duplicateConsultant = { message: 'Vælg hver konsulent højst én gang.', path: ['consultantIds'] };

export const bulkAssignmentSchema = z.object(assignmentFields)
  .refine(somethingToDo, nothingToDo).refine(distinctConsultants, duplicateConsultant);
export type BulkAssignment = z.input<typeof bulkAssignmentSchema>;

export const bulkApplySchema = z.object({
  ...assignmentFields,
  /** The preview's fingerprint: the apply is refused (409) when the companies or the plan differ from it. */
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'Ugyldigt fingeraftryk: vis forhåndsvisningen igen.'),
}).refine(somethingToDo, nothingToDo).refine(distinctConsultants, duplicateConsultant);
export type BulkApply = z.input<typeof bulkApplySchema>;

const person = z.object({ id: uuid, name: z.string() });
const tierRef = z.object({ id: uuid, name: z.string() });

/** A consultant's side of the split. */
export const bulkConsultantResultSchema = z.object({
  id: uuid,
  name: z.string(),
  /** Companies the consultant is responsible for in the organisation now. */
  portfolioBefore: z.number().int(),
  /** Of the matching companies: how many the consultant has after the split. */
  assigned: z.number().int(),
  /** Of those, how many are new to the consultant. */
  gained: z.number().int(),
  /** Matching companies the consultant had and hands on to a colleague. */
  released: z.number().int(),
  portfolioAfter: z.number().int(),
});

export const bulkSampleRowSchema = z.object({
  companyId: uuid,
  name: z.string(),
  cvr: z.string().nullable(),
  city: z.string().nullable(),
  employees: z.number().int().nullable(),
  responsibleBefore: person.nullable(),
  responsibleAfter: person.nullable(),
  tierBefore: tierRef.nullable(),
  tierAfter: tierRef.nullable(),
  changed: z.boolean(),
});
export type BulkSampleRow = z.infer<typeof bulkSampleRowSchema>;

export const bulkPreviewSchema = z.object({
  /** Matching companies. */
  total: z.number().int(),
  /** Companies where something changes, and where nothing does. */
  changed: z.number().int(),
  unchanged: z.number().int(),
  /** Responsible consultants (null when no consultant was chosen). */
  responsibles: z.object({ new: z.number().int(), reassigned: z.number().int(), unchanged: z.number().int() }).nullable(),
  /** Contact tier (null when no tier was chosen). */
  tiers: z.object({ new: z.number().int(), changed: z.number().int(), unchanged: z.number().int() }).nullable(),
  tier: tierRef.nullable(),
  balance: z.enum(bulkBalanceModes),
  /** The chosen consultants in Danish name order. */
  consultants: z.array(bulkConsultantResultSchema),
  /** Responsibles who are not chosen and lose matching companies to the chosen ones. */
  releasedBy: z.array(person.extend({ count: z.number().int() })),
  /** The first matching companies in Danish name order. */
  sample: z.array(bulkSampleRowSchema),
  /** sha256 of the exact company set, its current state and the plan; the apply must send it back. */
  fingerprint: z.string(),
});
export type BulkPreview = z.infer<typeof bulkPreviewSchema>;

export const bulkResultSchema = bulkPreviewSchema.extend({
  /** The assignment's id: the audit log entry that records it has this entity id. */
  assignmentId: uuid,
});
export type BulkResult = z.infer<typeof bulkResultSchema>;

/** A consultant the manager can choose: active user of the organisation with a consultant role. */
export const bulkConsultantSchema = z.object({ id: uuid, name: z.string(), portfolioCount: z.number().int() });
export type BulkConsultant = z.infer<typeof bulkConsultantSchema>;
export const bulkConsultantListSchema = z.object({ items: z.array(bulkConsultantSchema) });

/** How many sample rows a preview shows. */
export const bulkSampleSize = 25;
