import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../../common/roles';
import type { Db } from '../../db/client';
import { companies, productionUnits, sessions } from '../../db/schema';
import { createActor, injectAs, type TestActor } from '../../test/helpers';

// Test-only helpers for the engagement module's route tests.

let serial = 0;

/** A company (and optionally a P-unit) written straight to the table. */
export async function createCompany(db: Db, name = 'Testvirksomhed'): Promise<{ id: string; unitId: string }> {
  serial += 1;
  const n = serial;
  const [company] = await db.insert(companies).values({ name: `${name} ${process.pid}-${n}`, source: 'manual' }).returning();
  const [unit] = await db.insert(productionUnits).values({
    pNumber: String(7_000_000_000 + (process.pid % 100_000) * 1000 + n), companyId: company.id, name: `${name} afdeling`,
  }).returning();
  return { id: company.id, unitId: unit.id };
}

/** Two organisations of one partnership, each with a consultant, plus an analyst. */
export async function createOrganisations(db: Db): Promise<{ a: TestActor; a2: TestActor; b: TestActor; analyst: TestActor }> {
  const a = await createActor(db, { roles: ['business_consultant'] });
  const a2 = await createActor(db, { roles: ['business_consultant'], partnershipId: a.partnershipId, organisationId: a.organisationId });
  const b = await createActor(db, { roles: ['jobcentre_consultant'], partnershipId: a.partnershipId, kind: 'jobcentre' });
  const analyst = await createActor(db, { roles: ['analyst'] as Role[], partnershipId: a.partnershipId, kind: 'secretariat' });
  return { a, a2, b, analyst };
}

/** A request that must answer `status`; returns the parsed body. */
export async function call<T = unknown>(app: FastifyInstance, actor: TestActor, status: number,
  options: { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; payload?: object }): Promise<T & { raw: LightMyRequestResponse }> {
  const response = await injectAs(app, actor, options);
  if (response.statusCode !== status) throw new Error(`${options.method} ${options.url}: expected ${status}, got ${response.statusCode}: ${response.body}`);
  const body = response.body ? response.json() as T : {} as T;
  return Object.assign(body as object, { raw: response }) as T & { raw: LightMyRequestResponse };
}

/** A live session for an existing (demo) user, so a test can call the API as them. */
export async function sessionFor(db: Db, email: string): Promise<TestActor> {
  const [user] = (await db.execute(sql`select u.id, u.organisation_id, o.partnership_id from users u
    join organisations o on o.id = u.organisation_id where u.email = ${email}`)).rows as { id: string; organisation_id: string; partnership_id: string }[];
  const token = crypto.randomBytes(32).toString('base64url');
  const csrf = crypto.randomBytes(32).toString('base64url');
  await db.insert(sessions).values({
    id: crypto.createHash('sha256').update(token).digest('hex'), userId: user.id, csrfToken: csrf, expiresAt: new Date(Date.now() + 3600_000),
  });
  return {
    userId: user.id, organisationId: user.organisation_id, partnershipId: user.partnership_id,
    headers: { cookie: `samspil_session=${token}; samspil_csrf=${csrf}`, 'x-csrf-token': csrf },
  };
}
