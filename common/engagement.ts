import { z } from 'zod';
import { organisationKindSchema } from './roles';

/*
 * The API contract of company engagement: contacts, interactions, tasks, the shared company timeline,
 * "who else works with this company", responsible consultants, contact tiers and the worklist.
 * Dates without time are ISO strings `YYYY-MM-DD`; timestamps are ISO 8601 strings.
 */

const uuid = z.string().uuid();
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Datoen skal skrives som ÅÅÅÅ-MM-DD.')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'Ugyldig dato.');
const optionalText = (max: number) => z.string().trim().max(max).optional();

// ---------------------------------------------------------------- contacts

export const contactSchema = z.object({
  id: uuid,
  companyId: uuid,
  name: z.string(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  productionUnitId: uuid.nullable(),
  productionUnitName: z.string().nullable(),
  role: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Contact = z.infer<typeof contactSchema>;

const contactFields = {
  name: z.string().trim().min(1, 'Skriv kontaktpersonens navn.').max(200),
  title: optionalText(200),
  phone: optionalText(50),
  email: z.string().trim().toLowerCase().email('Ugyldig e-mailadresse.').max(254).optional(),
  /** A production unit (P-enhed) of the same company. */
  productionUnitId: uuid.optional(),
  role: optionalText(200),
};

export const contactCreateSchema = z.object({
  ...contactFields,
  /** Create even though a contact with the same name or e-mail exists at the company (after a 409 possible_duplicate). */
  confirmDuplicate: z.boolean().optional(),
});
export type ContactCreate = z.input<typeof contactCreateSchema>;

/** Fields set to null are cleared. */
export const contactUpdateSchema = z.object({
  name: contactFields.name.optional(),
  title: contactFields.title.nullable(),
  phone: contactFields.phone.nullable(),
  email: contactFields.email.nullable(),
  productionUnitId: contactFields.productionUnitId.nullable(),
  role: contactFields.role.nullable(),
});
export type ContactUpdate = z.input<typeof contactUpdateSchema>;

export const contactListSchema = z.object({ items: z.array(contactSchema) });

/** The body of a 409 `possible_duplicate` answer to a contact create: problem+json plus the existing contact. */
export const possibleDuplicateSchema = z.object({
  code: z.literal('possible_duplicate'),
  detail: z.string(),
  existing: contactSchema,
});

// ---------------------------------------------------------------- interactions

export const interactionChannels = ['visit', 'phone', 'meeting', 'email', 'event'] as const;
export const interactionChannelSchema = z.enum(interactionChannels, { error: 'Vælg kontaktform (besøg, telefon, møde, e-mail eller arrangement).' });
export type InteractionChannel = z.infer<typeof interactionChannelSchema>;

export const interactionPurposes = ['recruitment', 'retention', 'upskilling', 'business_development'] as const;
export const interactionPurposeSchema = z.enum(interactionPurposes, { error: 'Vælg formålet med kontakten.' });
export type InteractionPurpose = z.infer<typeof interactionPurposeSchema>;

/** The themes of DESIGN.md (needs assessment themes), shared by interactions and later modules. */
export const engagementThemes = [
  'automation_digitalisation', 'green_transition', 'leadership', 'export', 'financing',
  'skills_recruitment', 'production_lean', 'innovation', 'ownership_change',
] as const;
export const engagementThemeSchema = z.enum(engagementThemes);
export type EngagementTheme = z.infer<typeof engagementThemeSchema>;

/** A participant: a company contact (by id) or a free-text name (e.g. "produktionschefen"). */
export const participantInputSchema = z.union([
  z.object({ contactId: uuid }),
  z.object({ name: z.string().trim().min(1, 'Skriv deltagerens navn.').max(200) }),
]);
export const participantSchema = z.object({ contactId: uuid.nullable(), name: z.string() });

export const interactionCreateSchema = z.object({
  /** Not later than today (Danish time). */
  date: isoDateSchema,
  channel: interactionChannelSchema,
  purpose: interactionPurposeSchema,
  themes: z.array(engagementThemeSchema).max(engagementThemes.length).default([]),
  notes: z.string().trim().max(20_000).default(''),
  participants: z.array(participantInputSchema).max(50).default([]),
  confidential: z.boolean().default(false),
  /** Creates a follow-up task for the author, due on this date. */
  followUpDate: isoDateSchema.optional(),
});
export type InteractionCreate = z.input<typeof interactionCreateSchema>;

export const interactionUpdateSchema = z.object({
  date: isoDateSchema.optional(),
  channel: interactionChannelSchema.optional(),
  purpose: interactionPurposeSchema.optional(),
  themes: z.array(engagementThemeSchema).max(engagementThemes.length).optional(),
  notes: z.string().trim().max(20_000).optional(),
  participants: z.array(participantInputSchema).max(50).optional(),
  confidential: z.boolean().optional(),
});
export type InteractionUpdate = z.input<typeof interactionUpdateSchema>;

/**
 * An interaction as a given user may see it. When `redacted` is true (a confidential interaction of
 * another organisation) only the fact of contact is shown: date, channel, organisation; the rest is null.
 */
export const interactionSchema = z.object({
  id: uuid,
  companyId: uuid,
  companyName: z.string(),
  date: z.string(),
  channel: interactionChannelSchema,
  organisation: z.object({ id: uuid, name: z.string(), kind: organisationKindSchema }),
  confidential: z.boolean(),
  redacted: z.boolean(),
  author: z.object({ id: uuid, name: z.string() }).nullable(),
  purpose: interactionPurposeSchema.nullable(),
  themes: z.array(engagementThemeSchema).nullable(),
  notes: z.string().nullable(),
  participants: z.array(participantSchema).nullable(),
  followUpDate: z.string().nullable(),
  followUpTaskId: uuid.nullable(),
  /** The current user may edit and delete it (same organisation and a consultant role). */
  canEdit: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Interaction = z.infer<typeof interactionSchema>;

export const interactionListQuerySchema = z.object({
  organisationId: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const interactionListSchema = z.object({
  items: z.array(interactionSchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int(),
});

// ---------------------------------------------------------------- tasks

export const taskStatuses = ['open', 'done'] as const;
export const taskStatusSchema = z.enum(taskStatuses);
export type TaskStatus = z.infer<typeof taskStatusSchema>;

export const taskSchema = z.object({
  id: uuid,
  title: z.string(),
  company: z.object({ id: uuid, name: z.string() }).nullable(),
  organisationId: uuid,
  assignee: z.object({ id: uuid, name: z.string() }),
  createdById: uuid,
  dueDate: z.string(),
  status: taskStatusSchema,
  /** Open and due before today (Danish time), computed by the server. */
  overdue: z.boolean(),
  interactionId: uuid.nullable(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Task = z.infer<typeof taskSchema>;

export const taskCreateSchema = z.object({
  title: z.string().trim().min(1, 'Skriv en titel på opgaven.').max(300),
  companyId: uuid.optional(),
  /** A user of the same organisation; default: the current user. */
  assigneeId: uuid.optional(),
  dueDate: isoDateSchema,
});
export type TaskCreate = z.input<typeof taskCreateSchema>;

export const taskUpdateSchema = z.object({
  title: taskCreateSchema.shape.title.optional(),
  assigneeId: uuid.optional(),
  dueDate: isoDateSchema.optional(),
  status: taskStatusSchema.optional(),
});
export type TaskUpdate = z.input<typeof taskUpdateSchema>;

export const taskListQuerySchema = z.object({
  /** "me" or a user id of the same organisation. */
  assignee: z.union([z.literal('me'), uuid]).default('me'),
  status: z.enum(['open', 'done', 'all']).default('open'),
  companyId: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const taskListSchema = z.object({
  items: z.array(taskSchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int(),
});

// ---------------------------------------------------------------- timeline

/** Kinds posted today; later modules add theirs (assessment, referral, job_order, agreement). */
export const timelineKinds = ['interaction', 'task', 'assessment', 'referral', 'job_order', 'agreement'] as const;
export const timelineKindSchema = z.enum(timelineKinds);
export type TimelineKind = z.infer<typeof timelineKindSchema>;

export const timelineQuerySchema = z.object({
  kind: timelineKindSchema.optional(),
  organisationId: uuid.optional(),
  /** The `nextCursor` of the previous page. */
  before: z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_[0-9a-f-]{36}$/i, 'Ugyldig markør.').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type TimelineQuery = z.input<typeof timelineQuerySchema>;

/** A timeline item; `title` is null when `redacted` (confidential, another organisation). */
export const timelineEventSchema = z.object({
  id: uuid,
  companyId: uuid,
  kind: timelineKindSchema,
  refId: uuid,
  occurredAt: z.string(),
  organisation: z.object({ id: uuid, name: z.string(), kind: organisationKindSchema }),
  title: z.string().nullable(),
  confidential: z.boolean(),
  redacted: z.boolean(),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const timelinePageSchema = z.object({ items: z.array(timelineEventSchema), nextCursor: z.string().nullable() });

// ---------------------------------------------------------------- who else works with this company

export const engagementOrganisationSchema = z.object({
  organisation: z.object({ id: uuid, name: z.string(), kind: organisationKindSchema }),
  responsible: z.object({ id: uuid, name: z.string() }).nullable(),
  lastContactDate: z.string().nullable(),
  /** Confidential interactions are counted; their content is never shown here. */
  interactionCount: z.number().int(),
  openTaskCount: z.number().int(),
});
export const companyTierSchema = z.object({
  companyId: uuid, tierId: uuid, tierName: z.string(), cadenceDays: z.number().int(),
});
export type CompanyTier = z.infer<typeof companyTierSchema>;

export const companyEngagementSchema = z.object({
  items: z.array(engagementOrganisationSchema),
  /** The current user's organisation: its tier for the company (if any). */
  ownTier: companyTierSchema.nullable(),
});
export type CompanyEngagement = z.infer<typeof companyEngagementSchema>;

// ---------------------------------------------------------------- responsible consultants

export const responsibleSetSchema = z.object({ userId: uuid });
export const responsibleSchema = z.object({
  companyId: uuid, organisationId: uuid, user: z.object({ id: uuid, name: z.string() }), assignedAt: z.string(),
});
export type Responsible = z.infer<typeof responsibleSchema>;

// ---------------------------------------------------------------- tiers and worklist

export const tierSchema = z.object({
  id: uuid,
  organisationId: uuid,
  name: z.string(),
  cadenceDays: z.number().int(),
  companyCount: z.number().int(),
  /** How many companies the organisation aims to keep covered in this tier (null: no target). */
  targetCompanies: z.number().int().nullable(),
});
export type Tier = z.infer<typeof tierSchema>;
export const tierListSchema = z.object({ items: z.array(tierSchema) });

export const tierCreateSchema = z.object({
  name: z.string().trim().min(1, 'Skriv et navn på kontaktniveauet.').max(100),
  cadenceDays: z.number().int().min(1, 'Kadencen skal være mindst 1 dag.').max(3660, 'Kadencen må højst være 10 år.'),
});
export const tierUpdateSchema = tierCreateSchema.partial();
export const companyTierSetSchema = z.object({ tierId: uuid });

/** Days ahead in which a company counts as "due" (not yet overdue). */
export const worklistDueWindowDays = 14;

export const worklistQuerySchema = z.object({
  consultant: z.union([z.literal('me'), uuid]).default('me'),
  /** overdue: next due date passed; due: overdue or due within the window; all: every company in a tier. */
  status: z.enum(['due', 'overdue', 'all']).default('due'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type WorklistQuery = z.input<typeof worklistQuerySchema>;

export const worklistItemSchema = z.object({
  company: z.object({ id: uuid, name: z.string(), cvr: z.string().nullable(), city: z.string().nullable() }),
  tier: z.object({ id: uuid, name: z.string(), cadenceDays: z.number().int() }),
  /** Last contact by the consultant's organisation; null = never contacted (due now). */
  lastContactDate: z.string().nullable(),
  nextDueDate: z.string(),
  /** Days past the next due date (negative: days left). */
  daysOverdue: z.number().int(),
  status: z.enum(['overdue', 'due', 'upcoming']),
});
export type WorklistItem = z.infer<typeof worklistItemSchema>;
export const worklistSchema = z.object({
  items: z.array(worklistItemSchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int(),
});
