/**
 * The companies module: the one shared company record per CVR (with P-units) across the partnership,
 * the CVR importer, search, and the demo companies.
 *
 * Other modules import only from here.
 */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client';
import { registerCompanyRegisterRoutes } from './companies.routes';
import * as repo from './companies.repo';

export { importCvr } from './cvr-import.service';
export { parseCvrDocument } from './cvr.parse';
export type { CvrCompanyRecord, CvrUnitRecord, CvrParseResult } from './cvr.parse';
export { seedDemoCompanies } from './demo.service';
export { demoCompanyStream, generateDemoCompanies, cvrFromPrefix, seededRandom } from './demo-companies';
export type { DemoCompany, DemoOptions } from './demo-companies';
export type { CompanyRow } from './companies.repo';

/** Registers /api/v1/companies… routes. */
export async function registerCompaniesRoutes(app: FastifyInstance): Promise<void> {
  await registerCompanyRegisterRoutes(app);
}

/** A company by its id, or null. */
export function getCompany(db: Db, id: string): Promise<repo.CompanyRow | null> {
  return repo.findCompanyById(db, id);
}

/** A company by its CVR number (8 digits), or null. */
export function findCompanyByCvr(db: Db, cvr: string): Promise<repo.CompanyRow | null> {
  return repo.findCompanyByCvr(db, cvr);
}
