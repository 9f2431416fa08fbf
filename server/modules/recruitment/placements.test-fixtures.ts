import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../db/client';
import { candidates, companies, jobOrders, organisations, postalCodes } from '../../db/schema';
import { createActor, injectAs, type TestActor } from '../../test/helpers';
import { demoOccupationUri, demoSkillUri } from '../reference';

// Test-only helpers for the shortlist, placement, consent and employer-view route tests.

/** A request that must answer `status`; returns the parsed body (and the raw text, to search it for identity). */
export async function call<T = unknown>(app: FastifyInstance, actor: TestActor, status: number,
  options: { method: 'GET' | 'POST'; url: string; payload?: object }): Promise<T & { raw: LightMyRequestResponse }> {
  const response = await injectAs(app, actor, options);
  if (response.statusCode !== status) throw new Error(`${options.method} ${options.url}: expected ${status}, got ${response.statusCode}: ${response.body}`);
  const body = response.body ? response.json() as T : {} as T;
  return Object.assign(body as object, { raw: response }) as T & { raw: LightMyRequestResponse };
}

export interface World {
  /** Job centre A (holds the order) and B, a second consultant of B, and a business consultant. */
  a: TestActor;
  b: TestActor;
  b2: TestActor;
  business: TestActor;
  /** A user of the ordering company, and of another company. */
  employer: TestActor;
  otherEmployer: TestActor;
  companyId: string;
  companyName: string;
}

let serial = 0;
const next = () => `${process.pid}-${(serial += 1)}-${crypto.randomBytes(2).toString('hex')}`;

async function companyUser(db: Db, partnershipId: string, name: string): Promise<{ actor: TestActor; companyId: string }> {
  const [company] = await db.insert(companies).values({ name: `${name} ${next()}`, source: 'manual', municipalityCode: 621 }).returning();
  const actor = await createActor(db, { roles: ['company_user'], kind: 'company', partnershipId });
  await db.update(organisations).set({ companyId: company.id }).where(eq(organisations.id, actor.organisationId));
  return { actor, companyId: company.id };
}

/** Two job centres of one partnership, a business consultant, the ordering company's user and another company's. */
export async function createWorld(db: Db): Promise<World & { companyRow: { id: string; name: string } }> {
  const a = await createActor(db, { roles: ['jobcentre_consultant'], kind: 'jobcentre' });
  const p = { partnershipId: a.partnershipId };
  const b = await createActor(db, { roles: ['jobcentre_consultant'], kind: 'jobcentre', ...p });
  const b2 = await createActor(db, { roles: ['manager'], kind: 'jobcentre', ...p, organisationId: b.organisationId });
  const business = await createActor(db, { roles: ['business_consultant'], kind: 'business_office', ...p });
  const ordering = await companyUser(db, a.partnershipId, 'Kolding Stål A/S');
  const other = await companyUser(db, a.partnershipId, 'Anden Virksomhed ApS');
  const [company] = await db.select({ id: companies.id, name: companies.name }).from(companies).where(eq(companies.id, ordering.companyId));
  await db.insert(postalCodes).values([
    { code: '6000', name: 'Kolding', municipalityCode: 621, lat: 55.4904, lon: 9.4722 },
    { code: '7000', name: 'Fredericia', municipalityCode: 607, lat: 55.5650, lon: 9.7526 },
  ]).onConflictDoNothing();
  return {
    a, b, b2, business, employer: ordering.actor, otherEmployer: other.actor, companyId: company.id, companyName: company.name, companyRow: company,
  };
}

export const occ = demoOccupationUri;
export const skill = demoSkillUri;

/** A candidate written straight to the table (the candidate routes are tested by their own module). */
export async function insertCandidate(db: Db, owner: TestActor, values: Partial<typeof candidates.$inferInsert> = {})
  : Promise<{ id: string; ref: string; name: string; cpr: string }> {
  const n = next();
  const cpr = `0101${String(serial).padStart(2, '0')}${String(1000 + serial).slice(-4)}`;
  const [row] = await db.insert(candidates).values({
    partnershipId: owner.partnershipId, organisationId: owner.organisationId, ref: `K-${n.toUpperCase()}`, name: `Kandidat Navnesen ${n}`,
    email: `kandidat-${n}@example.dk`, phone: '+45 20 30 40 50', cprEncrypted: `enc:${cpr}`, cprHash: `hash-${n}`, cvText: `CV for Navnesen ${n}`,
    occupations: [occ('svejser')], skills: [skill('mig-mag-svejsning'), skill('tegningslaesning'), skill('svejsecertifikat')],
    languages: ['da:flydende'], postalCode: '6000', maxCommuteKm: 40, ...values,
  }).returning();
  return { id: row.id, ref: row.ref, name: row.name ?? '', cpr };
}

/** An order written straight to the table, held by `holder`'s centre. */
export async function insertOrder(db: Db, holder: TestActor, companyId: string, values: Partial<typeof jobOrders.$inferInsert> = {})
  : Promise<{ id: string; number: string }> {
  const [row] = await db.insert(jobOrders).values({
    partnershipId: holder.partnershipId, number: `JO-T-${next()}`, companyId, holdingOrganisationId: holder.organisationId,
    title: 'Svejser til produktionen', occupationUri: occ('svejser'), jobType: 'ordinary', workplacePostalCode: '6000',
    languages: ['da:godt'], hoursPerWeek: 37, status: 'oprettet', ...values,
  }).returning();
  return { id: row.id, number: row.number };
}
