import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { expect } from 'vitest';
import type { Db } from '../../db/client';
import { companies, organisations } from '../../db/schema';
import { createActor, injectAs, type TestActor } from '../../test/helpers';
import { importers, seedReferenceData } from '../reference';

/** An API call that must answer `status`; returns the JSON body. */
export async function call<T = unknown>(app: FastifyInstance, actor: TestActor | null, status: number, options: InjectOptions): Promise<T> {
  const response = await injectAs(app, actor, options);
  expect(response.statusCode, response.body).toBe(status);
  return (response.body ? response.json() : undefined) as T;
}

export async function countRows(db: Db, table: string): Promise<number> {
  const result = (await db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] };
  return result.rows[0].n;
}

let cvrCounter = 0;

/** A company of the register in a municipality (CVR numbers need not be valid for these tests). */
export async function createCompany(db: Db, name: string, municipalityCode: number, postalCode: string): Promise<string> {
  cvrCounter += 1;
  const [row] = await db.insert(companies).values({
    cvr: String(70_000_000 + Math.floor(Math.random() * 9_000_000) + cvrCounter), name, municipalityCode, postalCode, city: name.split(' ')[0],
    street: `Industrivej ${cvrCounter}`, email: `kontakt${cvrCounter}@${name.split(' ')[0].toLowerCase()}.dk`,
  }).returning({ id: companies.id });
  return row.id;
}

export interface SchoolsCast {
  coordinator: TestActor;
  analyst: TestActor;
  consultant: TestActor;
  companyUser: TestActor;
  companyId: string;
  otherCompanyId: string;
  partnershipId: string;
}

/** Reference data with postal codes, a partnership with organisations in Kolding (621) and Vejle (630), and its users. */
export async function createSchoolsCast(db: Db): Promise<SchoolsCast> {
  await seedReferenceData(db);
  await importers.postnumre(db, path.resolve(process.cwd(), '../shared/data/dk_postnumre.csv'), {});
  const coordinator = await createActor(db, { roles: ['school_coordinator'], kind: 'school', municipalityCode: 621 });
  const partnershipId = coordinator.partnershipId;
  const consultant = await createActor(db, { roles: ['business_consultant'], partnershipId, municipalityCode: 630 });
  const analyst = await createActor(db, { roles: ['analyst'], partnershipId, organisationId: consultant.organisationId });
  const companyId = await createCompany(db, 'Kolding Robotter A/S', 621, '6000');
  const otherCompanyId = await createCompany(db, 'Vejle Metal ApS', 630, '7100');
  const [org] = await db.insert(organisations).values({ partnershipId, kind: 'company', name: 'Kolding Robotter A/S', companyId }).returning();
  const companyUser = await createActor(db, { roles: ['company_user'], partnershipId, organisationId: org.id });
  return { coordinator, analyst, consultant, companyUser, companyId, otherCompanyId, partnershipId };
}

export const csvHeader = 'skole;kommune;postnummer;klassetrin;klasse;elever;uger;temaer';
