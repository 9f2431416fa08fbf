import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { oidcFlows, organisations, users } from '../../../db/schema';

export interface SsoOrganisationRow {
  id: string;
  name: string;
  partnershipId: string;
  ssoIssuer: string;
  ssoClientId: string;
  ssoClientSecret: string | null;
  ssoLabel: string | null;
}

export interface SsoUserRow {
  id: string;
  organisationId: string;
  organisationKind: string;
  partnershipId: string;
  roles: string[];
  email: string;
  status: string;
  oidcIssuer: string | null;
  oidcSubject: string | null;
}

/** Only organisations whose SSO is switched on, fully configured and not deactivated can sign anyone in. */
const usable = and(
  eq(organisations.ssoEnabled, true),
  isNull(organisations.deactivatedAt),
  sql`coalesce(${organisations.ssoIssuer}, '') <> ''`,
  sql`coalesce(${organisations.ssoClientId}, '') <> ''`,
);

export async function listSsoOrganisations(db: Db, emailDomain: string | null): Promise<{ id: string; name: string; ssoLabel: string | null }[]> {
  return db
    .select({ id: organisations.id, name: organisations.name, ssoLabel: organisations.ssoLabel })
    .from(organisations)
    .where(emailDomain === null
      ? usable
      : and(usable, sql`${emailDomain} = any (select lower(d) from unnest(${organisations.emailDomains}) as d)`))
    .orderBy(sql`da_sort_key(${organisations.name}) COLLATE "C"`, asc(organisations.id));
}

export async function findSsoOrganisation(db: Db, organisationId: string): Promise<SsoOrganisationRow | null> {
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      partnershipId: organisations.partnershipId,
      ssoIssuer: sql<string>`${organisations.ssoIssuer}`,
      ssoClientId: sql<string>`${organisations.ssoClientId}`,
      ssoClientSecret: organisations.ssoClientSecret,
      ssoLabel: organisations.ssoLabel,
    })
    .from(organisations)
    .where(and(eq(organisations.id, organisationId), usable))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertFlow(db: Db, flow: typeof oidcFlows.$inferInsert): Promise<void> {
  await db.insert(oidcFlows).values(flow);
}

/** Removes and returns a flow in one statement, so a state can be redeemed at most once. */
export async function takeFlow(db: Db, state: string): Promise<typeof oidcFlows.$inferSelect | null> {
  const rows = await db.delete(oidcFlows).where(eq(oidcFlows.state, state)).returning();
  return rows[0] ?? null;
}

export async function deleteFlowsOlderThan(db: Db, cutoff: Date): Promise<void> {
  await db.delete(oidcFlows).where(lt(oidcFlows.createdAt, cutoff));
}

const userColumns = {
  id: users.id,
  organisationId: users.organisationId,
  organisationKind: organisations.kind,
  partnershipId: organisations.partnershipId,
  roles: users.roles,
  email: users.email,
  status: users.status,
  oidcIssuer: users.oidcIssuer,
  oidcSubject: users.oidcSubject,
};

export async function findUserBySubject(db: Db, issuer: string, subject: string): Promise<SsoUserRow | null> {
  const rows = await db.select(userColumns).from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.oidcIssuer, issuer), eq(users.oidcSubject, subject))).limit(1);
  return rows[0] ?? null;
}

/** e-mail is citext, so the comparison ignores case. */
export async function findUserByEmail(db: Db, email: string): Promise<SsoUserRow | null> {
  const rows = await db.select(userColumns).from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.email, email)).limit(1);
  return rows[0] ?? null;
}

export async function recordSsoLogin(db: Db, userId: string, changes: {
  oidcIssuer?: string;
  oidcSubject?: string;
  activate: boolean;
  at: Date;
}): Promise<void> {
  await db.update(users).set({
    ...(changes.oidcIssuer !== undefined ? { oidcIssuer: changes.oidcIssuer, oidcSubject: changes.oidcSubject } : {}),
    ...(changes.activate ? { status: 'active' } : {}),
    lastLoginAt: changes.at,
    updatedAt: changes.at,
  }).where(eq(users.id, userId));
}
