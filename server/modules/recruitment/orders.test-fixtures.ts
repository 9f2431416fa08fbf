import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Order, OrderCreate } from '../../../common/recruitment';
import type { Db } from '../../db/client';
import { companies, importRuns, organisations, productionUnits } from '../../db/schema';
import { createActor, injectAs, type TestActor } from '../../test/helpers';
import { demoOccupationUri, demoSkillUri, seedReferenceData } from '../reference';

// Test-only: a partnership with two job centres, business staff, an analyst, two companies with their own company users,
// and another partnership's job centre.

export interface OrderWorld {
  partnershipId: string;
  kolding: { id: string; name: string };
  vejle: { id: string; name: string };
  koldingConsultant: TestActor;
  vejleConsultant: TestActor;
  koldingManager: TestActor;
  businessConsultant: TestActor;
  admin: TestActor;
  analyst: TestActor;
  companyA: { id: string; name: string; cvr: string; unitId: string };
  companyB: { id: string; name: string; cvr: string; unitId: string };
  employerA: TestActor;
  employerB: TestActor;
  outsider: TestActor;
}

let serial = 0;
const unique = () => `${process.pid}-${(serial += 1)}-${crypto.randomBytes(2).toString('hex')}`;

export async function createCompany(db: Db, name: string, municipalityCode: number, postalCode: string) {
  const cvr = String(crypto.randomInt(10_000_000, 99_999_999));
  const [company] = await db.insert(companies).values({
    name: `${name} ${unique()}`, cvr, source: 'manual', street: 'Fabriksvej 1', postalCode, municipalityCode,
  }).returning();
  const [unit] = await db.insert(productionUnits).values({
    pNumber: String(crypto.randomInt(1_000_000_000, 1_999_999_999)), companyId: company.id, cvr, name: company.name,
    postalCode, municipalityCode,
  }).returning();
  return { id: company.id, name: company.name, cvr, unitId: unit.id };
}

async function organisation(db: Db, partnershipId: string, kind: string, name: string, extra: { municipalityCode?: number; companyId?: string } = {}) {
  const [row] = await db.insert(organisations).values({ partnershipId, kind, name, ...extra }).returning();
  return { id: row.id, name: row.name };
}

export async function createOrderWorld(db: Db): Promise<OrderWorld> {
  await seedReferenceData(db);
  // The built-in postal codes, marked as the official list (as after `samspil import postnumre`): unknown codes are refused.
  await db.insert(importRuns).values({ kind: 'postnumre', source: 'test', startedAt: new Date(), finishedAt: new Date(), status: 'completed' });
  const admin = await createActor(db, { roles: ['admin'], kind: 'secretariat' });
  const p = admin.partnershipId;
  // Vejle sorts after Kolding: the fallback centre for a company outside both municipalities is Kolding.
  const kolding = await organisation(db, p, 'jobcentre', 'Jobcenter Kolding', { municipalityCode: 621 });
  const vejle = await organisation(db, p, 'jobcentre', 'Jobcenter Vejle', { municipalityCode: 630 });
  const companyA = await createCompany(db, 'Vejle Svejs A/S', 630, '7100');
  const companyB = await createCompany(db, 'Kolding Metal ApS', 621, '6000');
  const orgA = await organisation(db, p, 'company', companyA.name, { companyId: companyA.id });
  const orgB = await organisation(db, p, 'company', companyB.name, { companyId: companyB.id });
  return {
    partnershipId: p, kolding, vejle, admin, companyA, companyB,
    koldingConsultant: await createActor(db, { roles: ['jobcentre_consultant'], partnershipId: p, organisationId: kolding.id }),
    vejleConsultant: await createActor(db, { roles: ['jobcentre_consultant'], partnershipId: p, organisationId: vejle.id }),
    koldingManager: await createActor(db, { roles: ['manager'], partnershipId: p, organisationId: kolding.id }),
    businessConsultant: await createActor(db, { roles: ['business_consultant'], partnershipId: p, kind: 'business_office' }),
    analyst: await createActor(db, { roles: ['analyst'], partnershipId: p, organisationId: admin.organisationId }),
    employerA: await createActor(db, { roles: ['company_user'], partnershipId: p, organisationId: orgA.id }),
    employerB: await createActor(db, { roles: ['company_user'], partnershipId: p, organisationId: orgB.id }),
    outsider: await createActor(db, { roles: ['jobcentre_consultant'], kind: 'jobcentre' }),
  };
}

/** A valid order body for the company (a welder in Vejle), with `extra` on top. */
export function orderBody(companyId: string, extra: Partial<OrderCreate> = {}): OrderCreate {
  return {
    companyId, title: 'Svejser til produktionen', occupationUri: demoOccupationUri('svejser'), openings: 2, jobType: 'ordinary',
    requiredSkills: [demoSkillUri('mig-mag-svejsning')], wantedSkills: [demoSkillUri('tig-svejsning')], certificates: ['svejs_mig_mag'],
    startDate: '2026-03-01', deadline: '2026-03-15', workplacePostalCode: '7100',
    ...extra,
  };
}

type Method = 'GET' | 'POST' | 'PATCH';

/** A request that must answer `status`; returns the parsed body. */
export async function call<T = unknown>(app: FastifyInstance, actor: TestActor | null, status: number,
  options: { method: Method; url: string; payload?: object }): Promise<T & { raw: LightMyRequestResponse }> {
  const response = await injectAs(app, actor, options);
  if (response.statusCode !== status) throw new Error(`${options.method} ${options.url}: expected ${status}, got ${response.statusCode}: ${response.body}`);
  const body = response.body ? response.json() as T : {} as T;
  return Object.assign(body as object, { raw: response }) as T & { raw: LightMyRequestResponse };
}

export const createOrder = (app: FastifyInstance, actor: TestActor, body: OrderCreate) =>
  call<Order>(app, actor, 201, { method: 'POST', url: '/api/v1/orders', payload: body });

/** Rows in the tables an order write touches. */
export async function writeCounts(db: Db): Promise<Record<string, number>> {
  const tables = ['job_orders', 'job_order_log', 'audit_log'];
  const out: Record<string, number> = {};
  for (const table of tables) {
    out[table] = ((await db.execute(sql.raw(`select count(*)::int as n from ${table}`))).rows[0] as { n: number }).n;
  }
  return out;
}
