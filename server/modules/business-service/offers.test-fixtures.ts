import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { OrganisationKind, Role } from '../../../common/roles';
import type { Db } from '../../db/client';
import { companies } from '../../db/schema';
import { createActor, injectAs, type TestActor } from '../../test/helpers';

// Test-only helpers for the business service's route tests.

/** A request that must answer `status`; returns the parsed body. */
export async function call<T = unknown>(app: FastifyInstance, actor: TestActor, status: number,
  options: { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; payload?: object }): Promise<T & { raw: LightMyRequestResponse }> {
  const response = await injectAs(app, actor, options);
  if (response.statusCode !== status) throw new Error(`${options.method} ${options.url}: expected ${status}, got ${response.statusCode}: ${response.body}`);
  const body = response.body ? response.json() as T : {} as T;
  return Object.assign(body as object, { raw: response }) as T & { raw: LightMyRequestResponse };
}

export interface Cast {
  /** Teknologisk Institut-like provider organisation and a second user of it. */
  provider: TestActor;
  provider2: TestActor;
  /** Another provider (an academy). */
  academy: TestActor;
  secretariat: TestActor;
  admin: TestActor;
  /** Business office consultants: two of one office (a, a2) and one of another (b). */
  a: TestActor;
  a2: TestActor;
  b: TestActor;
  analyst: TestActor;
}

/** One partnership with providers, the secretariat and business offices. */
export async function createCast(db: Db): Promise<Cast> {
  const provider = await createActor(db, { roles: ['provider'], kind: 'provider', municipalityCode: 621 });
  const p = { partnershipId: provider.partnershipId };
  const as = (roles: Role[], kind: OrganisationKind, organisationId?: string) => createActor(db, { roles, kind, ...p, organisationId });
  const provider2 = await as(['provider'], 'provider', provider.organisationId);
  const academy = await as(['provider'], 'academy');
  const secretariat = await as(['secretariat'], 'secretariat');
  const admin = await as(['admin'], 'secretariat', secretariat.organisationId);
  const a = await as(['business_consultant'], 'business_office');
  const a2 = await as(['business_consultant'], 'business_office', a.organisationId);
  const b = await as(['business_consultant'], 'business_office');
  const analyst = await as(['analyst'], 'secretariat', secretariat.organisationId);
  return { provider, provider2, academy, secretariat, admin, a, a2, b, analyst };
}

let serial = 0;

/** A company written straight to the table, with the facts matching looks at. */
export async function createCompany(db: Db, values: Partial<typeof companies.$inferInsert> = {}): Promise<{ id: string; name: string }> {
  serial += 1;
  const [row] = await db.insert(companies).values({
    name: `Testvirksomhed ${process.pid}-${serial}`, source: 'manual', ...values,
  }).returning();
  return { id: row.id, name: row.name };
}

/** A referral written straight to the table (the referrals workflow is tested by its own module). */
export async function insertReferral(db: Db, r: {
  partnershipId: string; companyId: string; offerId: string; providerId: string; from: TestActor;
  status: string; sentAt?: Date; receivedAt?: Date | null; startedAt?: Date | null; closedAt?: Date | null; satisfaction?: number | null;
}): Promise<string> {
  const id = crypto.randomUUID();
  const sent = r.sentAt ?? new Date();
  await db.execute(sql`
    insert into referrals (id, partnership_id, company_id, offer_id, provider_id, from_organisation_id, from_user_id, consent_at, status,
      sent_at, response_due, received_at, started_at, closed_at, satisfaction)
    values (${id}, ${r.partnershipId}, ${r.companyId}, ${r.offerId}, ${r.providerId}, ${r.from.organisationId}, ${r.from.userId},
      ${sent.toISOString()}::timestamptz, ${r.status}, ${sent.toISOString()}::timestamptz, ${sent.toISOString().slice(0, 10)}::date,
      ${r.receivedAt ? r.receivedAt.toISOString() : null}::timestamptz, ${r.startedAt ? r.startedAt.toISOString() : null}::timestamptz,
      ${r.closedAt ? r.closedAt.toISOString() : null}::timestamptz, ${r.satisfaction ?? null})`);
  return id;
}

export const countRows = async (db: Db, table: string): Promise<number> =>
  ((await db.execute(sql.raw(`select count(*)::int as n from ${table}`))).rows as { n: number }[])[0].n;
