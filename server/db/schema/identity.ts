import { sql } from 'drizzle-orm';
import {
  boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { citext } from './types';

export const partnerships = pgTable('partnerships', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  municipalityCode: integer('municipality_code'),
  /** For kind `company`: the company its users act for (employer view). FK added in migration recruitment_links. */
  companyId: uuid('company_id'),
  /** OpenID Connect single sign-on, configured per organisation (MitID Erhverv broker, Entra ID …). */
  ssoEnabled: boolean('sso_enabled').notNull().default(false),
  ssoIssuer: text('sso_issuer'),
  ssoClientId: text('sso_client_id'),
  ssoClientSecret: text('sso_client_secret'),
  ssoLabel: text('sso_label'),
  emailDomains: text('email_domains').array().notNull().default(sql`'{}'::text[]`),
  deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('organisations_partnership_idx').on(t.partnershipId)]);

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  email: citext('email').notNull().unique(),
  name: text('name').notNull(),
  roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
  status: text('status').notNull().default('invited'),
  passwordHash: text('password_hash'),
  locale: text('locale').notNull().default('da'),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  oidcIssuer: text('oidc_issuer'),
  oidcSubject: text('oidc_subject'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('users_organisation_idx').on(t.organisationId),
  uniqueIndex('users_oidc_idx').on(t.oidcIssuer, t.oidcSubject),
]);

export const sessions = pgTable('sessions', {
  /** sha256 of the cookie token: a leaked table does not leak live sessions. */
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id),
  csrfToken: text('csrf_token').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
  authMethod: text('auth_method').notNull().default('password'),
}, (t) => [index('sessions_user_idx').on(t.userId)]);

/** One-time tokens sent by email: invitations and password resets. */
export const userTokens = pgTable('user_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id),
  kind: text('kind').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('user_tokens_user_idx').on(t.userId)]);

/** Login attempts by client address, for the rate limit (account lockout lives on users). */
export const loginAttempts = pgTable('login_attempts', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull(),
  ip: text('ip').notNull(),
  success: boolean('success').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('login_attempts_ip_at_idx').on(t.ip, t.at)]);

/** State of an OpenID Connect authorization-code + PKCE flow between redirect and callback. */
export const oidcFlows = pgTable('oidc_flows', {
  state: text('state').primaryKey(),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  codeVerifier: text('code_verifier').notNull(),
  nonce: text('nonce').notNull(),
  returnTo: text('return_to'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const emailOutbox = pgTable('email_outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  bodyText: text('body_text').notNull(),
  kind: text('kind').notNull(),
  partnershipId: uuid('partnership_id').references(() => partnerships.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  meta: jsonb('meta'),
}, (t) => [index('email_outbox_created_idx').on(t.createdAt)]);
