/**
 * The companies module: the one shared company record per CVR (with P-units) across the partnership,
 * the CVR importer, search, and the demo companies.
 *
 * Other modules import only from here.
 */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client';
import { registerCompanyRegisterRoutes } from './companies.routes';
import { registerCompanyDuplicateRoutes } from './duplicates.routes';
import { registerCompanyMergeRoutes } from './merge.routes';
import { registerCompanyExportRoutes } from './export.routes';
import * as repo from './companies.repo';

export { importCvr } from './cvr-import.service';
export { parseCvrDocument } from './cvr.parse';
export type { CvrCompanyRecord, CvrUnitRecord, CvrParseResult } from './cvr.parse';
export { seedDemoCompanies } from './demo.service';
export { demoCompanyStream, generateDemoCompanies, cvrFromPrefix } from './demo-companies';
export type { DemoCompany, DemoOptions } from './demo-companies';
export type { CompanyRow } from './companies.repo';
export { seedDemoDuplicates } from './duplicates.demo';
/** The Danish reasons of a duplicate pair ("navne ligner hinanden (0,82)", "samme telefon"), for contacts too. */
export { companyReasons as duplicateReasons } from './duplicates.service';
export { moveReferences, planProblems, redactConfidential, referencePlan, refuseIncompletePlan } from './merge.plan';
export type { MovedReferences, ReferencePlan, ReferenceSpec } from './merge.plan';
export type { JsonRow } from './merge.references.repo';
/** The company register's filters (municipality, DB07 section or code prefix, employee bands, status) as SQL over `companies c`. */
export { companyFilterCondition } from './search.repo';
export type { CompanyFilter } from './search.repo';

/** Registers /api/v1/companies… routes (and the register's export, /api/v1/companies/export), merges and /api/v1/duplicates/companies…. */
export async function registerCompaniesRoutes(app: FastifyInstance): Promise<void> {
  await registerCompanyRegisterRoutes(app);
  await registerCompanyExportRoutes(app);
  await registerCompanyMergeRoutes(app);
  await registerCompanyDuplicateRoutes(app);
}

/** A company by its id, or null. */
export function getCompany(db: Db, id: string): Promise<repo.CompanyRow | null> {
  return repo.findCompanyById(db, id);
}

/** A company by its CVR number (8 digits), or null. */
export function findCompanyByCvr(db: Db, cvr: string): Promise<repo.CompanyRow | null> {
  return repo.findCompanyByCvr(db, cvr);
}
