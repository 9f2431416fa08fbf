import type { z } from 'zod';
import type {
  CompanyDetail, companyCreateSchema, companySearchQuerySchema, companySearchResultSchema, companyUpdateSchema,
} from '../../../common/companies';
import type { Db } from '../../db/client';
import { audit, type AuditContext } from '../../http/audit';
import { badRequest, conflict, notFound } from '../../http/errors';
import * as repo from './companies.repo';
import { presentDetail, presentSummary } from './companies.presenter';
import { industrySectionOf } from './industry-section';
import { searchCompanies, type SearchSpec } from './search.repo';

type SearchQuery = z.output<typeof companySearchQuerySchema>;
type CreateInput = z.output<typeof companyCreateSchema>;
type UpdateInput = z.output<typeof companyUpdateSchema>;

/** 8 digits → exact CVR, 10 digits → exact P-number, anything else → text search. */
export function searchSpecOf(query: SearchQuery): SearchSpec {
  const q = query.q?.trim() ?? '';
  const digits = q.replace(/[\s.-]/g, '').replace(/^DK/i, '');
  const kind: SearchSpec['kind'] = /^\d{8}$/.test(digits) ? 'cvr' : /^\d{10}$/.test(digits) ? 'p_number' : q ? 'text' : 'none';
  const industry = query.industry;
  return {
    kind,
    q: kind === 'cvr' || kind === 'p_number' ? digits : q,
    municipalities: query.municipality,
    industrySection: industry && /^[A-Za-z]$/.test(industry) ? industry.toUpperCase() : undefined,
    industryPrefix: industry && /^\d+$/.test(industry) ? industry : undefined,
    employeeBands: query.employeeBand,
    status: query.status,
    sort: query.sort,
    limit: query.limit,
    offset: query.offset,
  };
}

export async function search(db: Db, query: SearchQuery): Promise<z.infer<typeof companySearchResultSchema>> {
  const result = await searchCompanies(db, searchSpecOf(query));
  return {
    items: result.rows.map(presentSummary), total: result.total, totalCapped: result.capped,
    limit: query.limit, offset: query.offset,
  };
}

export async function getDetail(db: Db, row: repo.CompanyRow): Promise<CompanyDetail> {
  const [names, units] = await Promise.all([repo.lookupNames(db, row), repo.listUnits(db, row.id)]);
  return presentDetail({ ...row, ...names }, units);
}

export async function getById(db: Db, id: string): Promise<repo.CompanyRow> {
  const row = await repo.findCompanyById(db, id);
  if (!row) throw notFound('Virksomheden findes ikke.');
  return row;
}

export async function getByCvr(db: Db, cvr: string): Promise<repo.CompanyRow> {
  const row = await repo.findCompanyByCvr(db, cvr);
  if (!row) throw notFound(`Der findes ingen virksomhed med CVR-nummer ${cvr}.`);
  return row;
}

const cvrTaken = (cvr: string) => conflict('cvr_taken', `Der findes allerede en virksomhed med CVR-nummer ${cvr}.`);

/** Address, municipality and industry details derived from reference data where the input leaves them out. */
async function derived(db: Db, input: UpdateInput): Promise<Partial<repo.CompanyInsert>> {
  const out: Partial<repo.CompanyInsert> = {};
  if (input.postalCode !== undefined) {
    const postal = await repo.postalLookup(db, input.postalCode);
    out.city = postal?.name ?? null;
    if (input.municipalityCode === undefined && postal?.municipalityCode) out.municipalityCode = postal.municipalityCode;
  }
  if (input.industryCode !== undefined) {
    out.industrySection = industrySectionOf(input.industryCode);
    out.industryText = await repo.industryTitle(db, input.industryCode);
    out.industryClassification = 'DB07';
  }
  return out;
}

/** Creates a company by hand. Without a CVR it is a company in formation. */
export async function create(db: Db, context: AuditContext, input: CreateInput): Promise<repo.CompanyRow> {
  if (input.cvr && await repo.findCompanyByCvr(db, input.cvr)) throw cvrTaken(input.cvr);
  const extra = await derived(db, input);
  try {
    return await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      const row = await repo.insertCompany(t, {
        ...input, cvr: input.cvr ?? null, ...extra, status: input.cvr ? 'active' : 'formation', source: 'manual',
      });
      await audit(t, context, { action: 'company.create', entity: 'company', entityId: row.id, after: row });
      return row;
    });
  } catch (error) {
    // Two people creating the same CVR at once: the unique index decides.
    if (input.cvr && /companies_cvr_unique|duplicate key/i.test(String((error as Error).message ?? error))) throw cvrTaken(input.cvr);
    throw error;
  }
}

/** Fields a person may edit on a company whose master data comes from CVR (the next import overwrites the rest). */
const cvrEditable = new Set(['phone', 'email']);

/**
 * Updates a company. Manual and demo companies: every field (a company in formation that gets its
 * CVR becomes active). CVR-sourced companies: only phone and e-mail, because CVR owns the master data.
 */
export async function update(db: Db, context: AuditContext, id: string, input: UpdateInput): Promise<repo.CompanyRow> {
  const before = await getById(db, id);
  const fields = Object.keys(input).filter((k) => input[k as keyof UpdateInput] !== undefined);
  if (before.source === 'cvr') {
    const locked = fields.filter((f) => !cvrEditable.has(f));
    if (locked.length > 0) {
      throw badRequest('cvr_managed', 'Stamdata for virksomheder fra CVR ændres i CVR, ikke her. Kun telefon og e-mail kan rettes.',
        locked.map((path) => ({ path, message: 'Feltet kommer fra CVR og kan ikke rettes her.' })));
    }
  }
  if (input.cvr && input.cvr !== before.cvr) {
    if (before.cvr) throw badRequest('cvr_locked', 'En virksomheds CVR-nummer kan ikke ændres.');
    if (await repo.findCompanyByCvr(db, input.cvr)) throw cvrTaken(input.cvr);
  }
  const extra = await derived(db, input);
  const values: Partial<repo.CompanyInsert> = { ...input, ...extra };
  if (input.cvr && !before.cvr && before.status === 'formation') values.status = 'active';
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const after = await repo.updateCompany(t, id, values);
    await audit(t, context, { action: 'company.update', entity: 'company', entityId: id, before, after });
    return after;
  });
}
