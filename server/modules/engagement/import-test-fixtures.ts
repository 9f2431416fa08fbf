import type { FastifyInstance } from 'fastify';
import type { ImportJob, ImportKind } from '../../../common/engagement-import';
import type { Db } from '../../db/client';
import { companies, productionUnits } from '../../db/schema';
import type { TestActor } from '../../test/helpers';
import { addDays } from './dates';
import { call } from './test-fixtures';

// Test-only helpers for the import tests: companies with real-looking CVR and P-numbers, upload and wait.

const weights = [2, 7, 6, 5, 4, 3, 2];
let nextPrefix = 3_100_000;

/** The next 8-digit CVR number that passes modulus 11. */
export function nextCvr(): string {
  for (;;) {
    const prefix = String(nextPrefix);
    nextPrefix += 1;
    const sum = weights.reduce((acc, w, i) => acc + w * Number(prefix[i]), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check < 10) return `${prefix}${check}`;
  }
}

export interface CvrCompany { id: string; cvr: string; pNumber: string; unitId: string; name: string }

/** `n` companies with a CVR number and one P-unit each, written in two statements. */
export async function createCvrCompanies(db: Db, n: number, name = 'Importfirma'): Promise<CvrCompany[]> {
  const specs = Array.from({ length: n }, (_, i) => ({ cvr: nextCvr(), name: `${name} ${i + 1} ApS` }));
  const created = await db.insert(companies).values(specs.map((s) => ({ cvr: s.cvr, name: s.name, source: 'manual' })))
    .returning({ id: companies.id, cvr: companies.cvr, name: companies.name });
  const units = await db.insert(productionUnits).values(created.map((c) => ({
    pNumber: `1${(c.cvr as string).padStart(9, '0')}`, companyId: c.id, cvr: c.cvr, name: `${c.name} produktion`,
  }))).returning({ id: productionUnits.id, pNumber: productionUnits.pNumber, companyId: productionUnits.companyId });
  const unitOf = new Map(units.map((u) => [u.companyId, u]));
  return created.map((c) => ({ id: c.id, cvr: c.cvr as string, name: c.name, pNumber: unitOf.get(c.id)?.pNumber as string, unitId: unitOf.get(c.id)?.id as string }));
}

/** Uploads CSV text as the JSON body the web app sends. */
export function uploadCsv(app: FastifyInstance, actor: TestActor, kind: ImportKind, content: string, fileName = 'eksport.csv') {
  return call<ImportJob>(app, actor, 201, { method: 'POST', url: '/api/v1/engagement/imports', payload: { kind, fileName, content } });
}

/** Polls the job (as the web app does) until it is no longer validating or applying. */
export async function waitForJob(app: FastifyInstance, actor: TestActor, id: string, timeoutMs = 120_000): Promise<ImportJob> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await call<ImportJob>(app, actor, 200, { method: 'GET', url: `/api/v1/engagement/imports/${id}` });
    if (job.status !== 'validating' && job.status !== 'applying') return job;
    if (Date.now() > until) throw new Error(`import ${id} is still ${job.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Saves the mapping (the suggestion unless given), waits for the dry run and returns the validated job. */
export async function mapAndValidate(app: FastifyInstance, actor: TestActor, job: ImportJob, mapping = job.mapping): Promise<ImportJob> {
  await call(app, actor, 202, { method: 'PUT', url: `/api/v1/engagement/imports/${job.id}/mapping`, payload: { mapping } });
  return waitForJob(app, actor, job.id);
}

/** Applies a validated job and waits until it is written. */
export async function applyJob(app: FastifyInstance, actor: TestActor, id: string): Promise<ImportJob> {
  await call(app, actor, 202, { method: 'POST', url: `/api/v1/engagement/imports/${id}/apply` });
  return waitForJob(app, actor, id);
}

const channels = ['Besøg', 'Telefon', 'Møde', 'E-mail', 'Arrangement'];
const purposes = ['Rekruttering', 'Fastholdelse', 'Opkvalificering', 'Erhvervsudvikling'];

/** A CRM export: every 500th row names a CVR number Samspil does not know. */
export function generatedExport(firms: readonly CvrCompany[], rows: number, today: string): string {
  const lines = ['CVR-nr;Dato;Kontaktform;Formål;Notat;Fortrolig;Ekstern id'];
  for (let i = 1; i <= rows; i += 1) {
    const cvr = i % 500 === 0 ? '12345674' : firms[i % firms.length].cvr;
    lines.push(`${cvr};${addDays(today, -(i % 700))};${channels[i % 5]};${purposes[i % 4]};"Kontakt nr. ${i}; talte om ""næste skridt"" og kompetencer";${i % 10 === 0 ? 'ja' : 'nej'};CRM-${i}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}
