import { z } from 'zod';
import { organisationKindSchema, roleSchema } from './roles';

export const localeSchema = z.enum(['da', 'en']);
export type Locale = z.infer<typeof localeSchema>;

export const emailSchema = z.string().trim().toLowerCase().email('Ugyldig e-mailadresse.').max(254);

/** Password policy: long rather than complex (NIST SP 800-63B). */
export const passwordSchema = z
  .string()
  .min(12, 'Adgangskoden skal være mindst 12 tegn.')
  .max(256, 'Adgangskoden må højst være 256 tegn.');

export const loginRequestSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Skriv din adgangskode.').max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionUserSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  email: z.string(),
  roles: z.array(roleSchema),
  locale: localeSchema,
  organisation: z.object({
    id: z.string().uuid(),
    name: z.string(),
    kind: organisationKindSchema,
    municipalityCode: z.number().int().nullable(),
    /** For a company organisation (employer view): the company it represents. */
    companyId: z.string().uuid().nullable().optional(),
  }),
  partnership: z.object({ id: z.string().uuid(), name: z.string() }),
  /** Actions the policy allows this user in general (for showing menu items; the server still checks). */
  permissions: z.array(z.string()),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionResponseSchema = z.object({
  user: sessionUserSchema.nullable(),
  csrfToken: z.string(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const passwordResetRequestSchema = z.object({ email: emailSchema });
export const passwordResetConfirmSchema = z.object({ token: z.string().min(20).max(200), password: passwordSchema });
export const acceptInvitationSchema = z.object({
  token: z.string().min(20).max(200),
  password: passwordSchema,
  name: z.string().trim().min(1).max(200).optional(),
});

export const organisationSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  kind: organisationKindSchema,
  municipalityCode: z.number().int().nullable(),
  municipalityName: z.string().nullable(),
  ssoEnabled: z.boolean(),
  ssoIssuer: z.string().nullable(),
  ssoClientId: z.string().nullable(),
  ssoLabel: z.string().nullable(),
  emailDomains: z.array(z.string()),
  active: z.boolean(),
  userCount: z.number().int(),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const organisationCreateSchema = z.object({
  name: z.string().trim().min(2, 'Navnet skal være mindst 2 tegn.').max(200),
  kind: organisationKindSchema,
  municipalityCode: z.number().int().min(101).max(999).nullable().optional(),
  emailDomains: z.array(z.string().trim().toLowerCase().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'Ugyldigt domæne.')).max(20).optional(),
});
export const organisationUpdateSchema = organisationCreateSchema.partial().extend({
  active: z.boolean().optional(),
  sso: z.object({
    enabled: z.boolean(),
    issuer: z.string().url('Udsteder skal være en URL.').nullable(),
    clientId: z.string().trim().max(300).nullable(),
    /** Omitted keeps the stored secret; null removes it. */
    clientSecret: z.string().max(500).nullable().optional(),
    label: z.string().trim().max(100).nullable(),
  }).optional(),
});

export const userSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  email: z.string(),
  roles: z.array(roleSchema),
  status: z.enum(['invited', 'active', 'deactivated']),
  organisationId: z.string().uuid(),
  organisationName: z.string(),
  lastLoginAt: z.string().nullable(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const userInviteSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, 'Skriv et navn.').max(200),
  organisationId: z.string().uuid(),
  roles: z.array(roleSchema).min(1, 'Vælg mindst én rolle.'),
});
export const userUpdateSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  roles: z.array(roleSchema).min(1).optional(),
  status: z.enum(['active', 'deactivated']).optional(),
  locale: localeSchema.optional(),
});

export const outboxMessageSchema = z.object({
  id: z.string().uuid(),
  toAddress: z.string(),
  subject: z.string(),
  bodyText: z.string(),
  kind: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  lastError: z.string().nullable(),
});

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  organisationId: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  reason: z.string().nullable(),
});
export const auditQuerySchema = z.object({
  q: z.string().max(200).optional(),
  entity: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  userId: z.string().uuid().optional(),
  action: z.string().max(100).optional(),
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.coerce.number().int().optional(),
});

export const ssoProviderSchema = z.object({
  organisationId: z.string().uuid(),
  organisationName: z.string(),
  label: z.string(),
});

export const ssoProvidersQuerySchema = z.object({
  /** Only its domain is used; a half-typed address simply matches nothing. */
  email: z.string().trim().max(254).optional(),
});
export const ssoStartQuerySchema = z.object({
  /** Where to land after login; anything but a same-origin path falls back to '/'. */
  returnTo: z.string().max(2000).optional(),
});
/** What an identity provider sends back (RFC 6749 §4.1.2, RFC 9207); other parameters are ignored. */
export const ssoCallbackQuerySchema = z.looseObject({
  code: z.string().max(4096).optional(),
  state: z.string().max(512).optional(),
  iss: z.string().max(2048).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(2048).optional(),
});
