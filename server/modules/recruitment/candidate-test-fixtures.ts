import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { CandidateCreate } from '../../../common/recruitment';
import type { Db } from '../../db/client';
import { createActor, injectAs, type TestActor } from '../../test/helpers';
import { demoOccupationUri, demoSkillUri, seedReferenceData } from '../reference';

// Test-only helpers for the candidate tests.

/** A fixed CPR key for the tests (base64 of 32 bytes). */
export const testCprKey = crypto.randomBytes(32).toString('base64');

/** A request that must answer `status`; returns the parsed body. */
export async function call<T = unknown>(app: FastifyInstance, actor: TestActor | null, status: number,
  options: { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: object | string; headers?: Record<string, string> }): Promise<T> {
  const response: LightMyRequestResponse = await injectAs(app, actor, options);
  if (response.statusCode !== status) throw new Error(`${options.method} ${options.url}: expected ${status}, got ${response.statusCode}: ${response.body}`);
  return (response.body ? response.json() : {}) as T;
}

export interface CandidateCast {
  /** Two users of one job centre (a, a2), one of another centre (b), a business consultant, an admin; one partnership. */
  a: TestActor;
  a2: TestActor;
  b: TestActor;
  business: TestActor;
  admin: TestActor;
  /** A job centre of another partnership. */
  foreign: TestActor;
}

export async function createCandidateCast(db: Db): Promise<CandidateCast> {
  const a = await createActor(db, { roles: ['jobcentre_consultant'], kind: 'jobcentre', municipalityCode: 621 });
  const p = { partnershipId: a.partnershipId };
  const a2 = await createActor(db, { roles: ['manager'], kind: 'jobcentre', ...p, organisationId: a.organisationId });
  const b = await createActor(db, { roles: ['jobcentre_consultant'], kind: 'jobcentre', municipalityCode: 630, ...p });
  const business = await createActor(db, { roles: ['business_consultant'], kind: 'business_office', ...p });
  const admin = await createActor(db, { roles: ['admin'], kind: 'secretariat', ...p });
  const foreign = await createActor(db, { roles: ['jobcentre_consultant'], kind: 'jobcentre' });
  return { a, a2, b, business, admin, foreign };
}

/**
 * Reference data the candidate tests rely on: the demo taxonomy and the built-in postal codes, marked as the official
 * list (as after `samspil import postnumre`), so unknown postal codes are refused.
 */
export async function seedCandidateReference(db: Db): Promise<void> {
  await seedReferenceData(db);
  await db.execute(sql`insert into import_runs (kind, source, started_at, finished_at, status)
    values ('postnumre', 'test', now(), now(), 'completed')`);
}

export const welder: CandidateCreate = {
  name: 'Testperson Svejser', email: 'svejser@example.dk', phone: '+45 20 30 40 50', cpr: '010190-1234',
  occupations: [demoOccupationUri('svejser')], skills: [demoSkillUri('mig-mag-svejsning'), demoSkillUri('tig-svejsning')],
  certificates: ['svejs_mig_mag'], educationLevel: 'erhvervsuddannelse', languages: ['da:flydende'], postalCode: '6000',
  maxCommuteKm: 30, availableFrom: '2026-12-01', hoursPerWeek: 37, targetGroup: 'dagpenge', cvText: 'Svejser i 10 år.',
};

export async function countRows(db: Db, table: 'candidates' | 'candidate_imports' | 'audit_log'): Promise<number> {
  const result = await db.execute(sql.raw(`select count(*)::int as n from ${table}`));
  return (result.rows[0] as { n: number }).n;
}
