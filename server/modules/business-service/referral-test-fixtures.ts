import crypto from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../db/client';
import { companies, offers } from '../../db/schema';
import { createActor, injectAs, type TestActor } from '../../test/helpers';

// Test-only helpers for the referral tests: a partnership with a referring office, two providers and a secretariat.

export interface ReferralWorld {
  consultant: TestActor;
  colleague: TestActor;
  otherOffice: TestActor;
  provider: TestActor;
  providerAdmin: TestActor;
  /** A user of the provider organisation without the provider role (gets no referral e-mails). */
  providerAnalyst: TestActor;
  otherProvider: TestActor;
  secretariat: TestActor;
  analyst: TestActor;
}

export async function createReferralWorld(db: Db): Promise<ReferralWorld> {
  const consultant = await createActor(db, { roles: ['business_consultant'] });
  const p = consultant.partnershipId;
  const colleague = await createActor(db, { roles: ['business_consultant'], partnershipId: p, organisationId: consultant.organisationId });
  const otherOffice = await createActor(db, { roles: ['business_consultant'], partnershipId: p });
  const provider = await createActor(db, { roles: ['provider'], partnershipId: p, kind: 'provider' });
  const providerAdmin = await createActor(db, { roles: ['admin'], partnershipId: p, organisationId: provider.organisationId });
  const providerAnalyst = await createActor(db, { roles: ['analyst'], partnershipId: p, organisationId: provider.organisationId });
  const otherProvider = await createActor(db, { roles: ['provider'], partnershipId: p, kind: 'provider' });
  const secretariat = await createActor(db, { roles: ['secretariat'], partnershipId: p, kind: 'secretariat' });
  const analyst = await createActor(db, { roles: ['analyst'], partnershipId: p, organisationId: secretariat.organisationId });
  return { consultant, colleague, otherOffice, provider, providerAdmin, providerAnalyst, otherProvider, secretariat, analyst };
}

let serial = 0;

/** A company with a CVR number and an address. */
export async function createReferralCompany(db: Db, name = 'Henvist Virksomhed'): Promise<{ id: string; name: string; cvr: string }> {
  serial += 1;
  const cvr = String(crypto.randomInt(10_000_000, 99_999_999));
  const [row] = await db.insert(companies).values({
    name: `${name} ${serial}`, cvr, source: 'manual', street: 'Fabriksvej 1', postalCode: '6000', city: 'Kolding',
  }).returning();
  return { id: row.id, name: row.name, cvr };
}

export async function createOffer(db: Db, world: { partnershipId: string; providerId: string }, values: Partial<typeof offers.$inferInsert> = {})
  : Promise<{ id: string; title: string }> {
  serial += 1;
  const [row] = await db.insert(offers).values({
    partnershipId: world.partnershipId, providerId: world.providerId, title: `Automatiseringstjek ${serial}`,
    themes: ['automation_digitalisation'], responseDays: 5, status: 'published', ...values,
  }).returning();
  return { id: row.id, title: row.title };
}

/** A request that must answer `status`; returns the parsed body. */
export async function call<T = unknown>(app: FastifyInstance, actor: TestActor, status: number,
  options: { method: 'GET' | 'POST'; url: string; payload?: object }): Promise<T & { raw: LightMyRequestResponse }> {
  const response = await injectAs(app, actor, options);
  if (response.statusCode !== status) throw new Error(`${options.method} ${options.url}: expected ${status}, got ${response.statusCode}: ${response.body}`);
  const body = response.body ? response.json() as T : {} as T;
  return Object.assign(body as object, { raw: response }) as T & { raw: LightMyRequestResponse };
}
