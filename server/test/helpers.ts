import crypto from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { OrganisationKind, Role } from '../../common/roles';
import { buildApp } from '../app';
import type { Db } from '../db/client';
import { organisations, partnerships, sessions, users } from '../db/schema';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { loadEnv } from '../env';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  db: Db;
  close(): Promise<void>;
}

/** A fresh database (engine from SAMSPIL_TEST_ENGINE) and the HTTP app on it. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const app = await buildApp(database, loadEnv({ LOG_LEVEL: 'silent', NODE_ENV: 'test', SAMSPIL_DEMO: 'false', ...env }));
  await app.ready();
  return {
    app,
    database,
    db: database.db,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

export interface TestActor {
  userId: string;
  organisationId: string;
  partnershipId: string;
  /** Headers that authenticate a request as this user, CSRF included. */
  headers: Record<string, string>;
}

let counter = 0;

/**
 * Creates (or reuses) a partnership and organisation, a user with the given roles, and a live session
 * written straight to the database, so tests of any module can act as any role.
 */
export async function createActor(db: Db, options: {
  roles: Role[];
  kind?: OrganisationKind;
  partnershipId?: string;
  organisationId?: string;
  municipalityCode?: number | null;
  email?: string;
}): Promise<TestActor> {
  counter += 1;
  const suffix = `${process.pid}-${counter}-${crypto.randomBytes(3).toString('hex')}`;
  let partnershipId = options.partnershipId;
  if (!partnershipId) {
    const [p] = await db.insert(partnerships).values({ slug: `test-${suffix}`, name: `Testpartnerskab ${suffix}` }).returning();
    partnershipId = p.id;
  }
  let organisationId = options.organisationId;
  if (!organisationId) {
    const [o] = await db.insert(organisations).values({
      partnershipId, kind: options.kind ?? 'business_office', name: `Testorganisation ${suffix}`,
      municipalityCode: options.municipalityCode ?? null,
    }).returning();
    organisationId = o.id;
  }
  const [u] = await db.insert(users).values({
    organisationId, email: options.email ?? `user-${suffix}@test.samspil.dk`, name: `Testbruger ${suffix}`,
    roles: options.roles, status: 'active',
  }).returning();
  const token = crypto.randomBytes(32).toString('base64url');
  const csrf = crypto.randomBytes(32).toString('base64url');
  await db.insert(sessions).values({
    id: crypto.createHash('sha256').update(token).digest('hex'),
    userId: u.id, csrfToken: csrf, expiresAt: new Date(Date.now() + 3600_000),
  });
  return {
    userId: u.id,
    organisationId,
    partnershipId,
    headers: { cookie: `samspil_session=${token}; samspil_csrf=${csrf}`, 'x-csrf-token': csrf },
  };
}

/** app.inject with an actor's headers merged in. */
export function injectAs(app: FastifyInstance, actor: TestActor | null, options: InjectOptions): Promise<LightMyRequestResponse> {
  return app.inject({ ...options, headers: { ...(actor?.headers ?? {}), ...(options.headers ?? {}) } });
}
