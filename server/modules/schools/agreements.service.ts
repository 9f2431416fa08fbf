import type { z } from 'zod';
import {
  agreementTargetPerMunicipality, type Agreement, type AgreementActivity, type AgreementDashboard, type AgreementStatus,
  type agreementCreateSchema, type agreementListQuerySchema, type agreementUpdateSchema, type PlanStatus,
} from '../../../common/schools';
import type { Db } from '../../db/client';
import { audit } from '../../http/audit';
import { notFound, ProblemError } from '../../http/errors';
import type { Actor } from '../../policy';
import * as repo from './agreements.repo';
import { inTransaction, iso, type Context } from './db';
import { companyExists } from './host-offers.repo';
import { getSchool, knownMunicipalities } from './schools.repo';

type Create = z.output<typeof agreementCreateSchema>;
type Update = z.output<typeof agreementUpdateSchema>;

function present(r: repo.AgreementRow): Agreement {
  return {
    id: r.id, schoolId: r.school_id, partyName: r.school_name ?? r.institution_name ?? '', institutionName: r.institution_name,
    companyId: r.company_id, companyName: r.company_name, municipalityCode: r.municipality_code, municipalityName: r.municipality_name,
    gradeLevels: r.grade_levels, activities: r.activities as AgreementActivity[], periodFrom: r.period_from, periodTo: r.period_to,
    status: r.status as AgreementStatus, schoolContact: r.school_contact, companyContact: r.company_contact, notes: r.notes,
    createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
  };
}

const invalid = (path: string, message: string) => new ProblemError(422, 'invalid_agreement', message, { errors: [{ path, message }] });

/** The agreement's parties and municipality after the rules: a school or an institution, the school's municipality by default. */
async function resolve(db: Db, actor: Actor, v: Pick<Create, 'schoolId' | 'institutionName' | 'companyId' | 'municipalityCode' | 'periodFrom' | 'periodTo'>): Promise<number> {
  if (!v.schoolId && !v.institutionName) throw invalid('schoolId', 'Vælg en skole eller skriv navnet på uddannelsesinstitutionen.');
  if (v.periodTo && v.periodTo < v.periodFrom) throw invalid('periodTo', 'Slutdatoen kan ikke ligge før startdatoen.');
  if (!(await companyExists(db, v.companyId))) throw invalid('companyId', 'Virksomheden findes ikke i virksomhedsregistret.');
  let municipality = v.municipalityCode;
  if (v.schoolId) {
    const school = await getSchool(db, actor.partnershipId, v.schoolId);
    if (!school) throw invalid('schoolId', 'Skolen findes ikke.');
    municipality ??= school.municipality_code;
  }
  if (municipality == null) throw invalid('municipalityCode', 'Angiv den kommune, aftalen tæller med i.');
  if (!(await knownMunicipalities(db, [municipality])).has(municipality)) throw invalid('municipalityCode', `Ukendt kommunekode: ${municipality}.`);
  return municipality;
}

export async function listAgreements(db: Db, actor: Actor, q: z.output<typeof agreementListQuerySchema>) {
  const page = await repo.listAgreements(db, { partnershipId: actor.partnershipId, ...q }, q.limit, q.offset);
  return { items: page.items.map(present), total: page.total, limit: q.limit, offset: q.offset };
}

async function load(db: Db, actor: Actor, id: string) {
  const row = (await repo.listAgreements(db, { partnershipId: actor.partnershipId, id }, 1, 0)).items[0];
  if (!row) throw notFound('Samarbejdsaftalen findes ikke.');
  return row;
}

export async function getAgreement(db: Db, actor: Actor, id: string) {
  return present(await load(db, actor, id));
}

export async function createAgreement(db: Db, ctx: Context, input: Create) {
  const municipalityCode = await resolve(db, ctx.actor, input);
  const id = await inTransaction(db, async (tx) => {
    const newId = await repo.insertAgreement(tx, { ...input, municipalityCode, partnershipId: ctx.actor.partnershipId, createdByUserId: ctx.actor.id });
    await audit(tx, ctx, { action: 'agreement.create', entity: 'school_agreement', entityId: newId, after: { ...input, municipalityCode } });
    return newId;
  });
  return getAgreement(db, ctx.actor, id);
}

export async function updateAgreement(db: Db, ctx: Context, id: string, input: Update) {
  const before = await load(db, ctx.actor, id);
  const merged = {
    schoolId: input.schoolId !== undefined ? input.schoolId : before.school_id,
    institutionName: input.institutionName !== undefined ? input.institutionName : before.institution_name,
    companyId: input.companyId ?? before.company_id,
    municipalityCode: input.municipalityCode !== undefined ? input.municipalityCode : before.municipality_code,
    periodFrom: input.periodFrom ?? before.period_from,
    periodTo: input.periodTo !== undefined ? input.periodTo : before.period_to,
  };
  const municipalityCode = await resolve(db, ctx.actor, merged);
  await inTransaction(db, async (tx) => {
    await repo.updateAgreement(tx, id, { ...input, municipalityCode });
    await audit(tx, ctx, { action: 'agreement.update', entity: 'school_agreement', entityId: id, before, after: input });
  });
  return getAgreement(db, ctx.actor, id);
}

export async function deleteAgreement(db: Db, ctx: Context, id: string): Promise<void> {
  const before = await load(db, ctx.actor, id);
  await inTransaction(db, async (tx) => {
    await repo.deleteAgreement(tx, id);
    await audit(tx, ctx, { action: 'agreement.delete', entity: 'school_agreement', entityId: id, before });
  });
}

const copenhagenToday = (now: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(now);

/** Active agreements per municipality of the partnership against the target, and the share of 7th-grade classes placed. */
export async function dashboard(db: Db, actor: Actor, schoolYear: string, now = new Date()): Promise<AgreementDashboard> {
  const [municipalities, counts, plan] = await Promise.all([
    repo.partnershipMunicipalities(db, actor.partnershipId),
    repo.activeAgreementCounts(db, actor.partnershipId, copenhagenToday(now)),
    repo.dashboardPlan(db, actor.partnershipId, schoolYear),
  ]);
  const coverage = await repo.grade7Coverage(db, actor.partnershipId, schoolYear, plan?.id ?? null);
  const target = agreementTargetPerMunicipality;
  const rows = municipalities.map((m) => {
    const active = counts.get(m.code) ?? 0;
    const c = coverage.get(m.code) ?? { classes: 0, allocated: 0 };
    return {
      municipalityCode: m.code, municipalityName: m.name, activeAgreements: active, belowTarget: active < target,
      missing: Math.max(0, target - active), grade7Classes: c.classes, grade7Allocated: c.allocated,
      allocatedShare: c.classes > 0 ? c.allocated / c.classes : null,
    };
  });
  const classes = rows.reduce((s, r) => s + r.grade7Classes, 0);
  const allocated = rows.reduce((s, r) => s + r.grade7Allocated, 0);
  return {
    schoolYear, target,
    plan: plan ? { id: plan.id, version: plan.version, status: plan.status as PlanStatus, municipalityCode: plan.municipality_code } : null,
    municipalities: rows,
    totals: {
      activeAgreements: rows.reduce((s, r) => s + r.activeAgreements, 0), municipalitiesBelowTarget: rows.filter((r) => r.belowTarget).length,
      grade7Classes: classes, grade7Allocated: allocated, allocatedShare: classes > 0 ? allocated / classes : null,
    },
  };
}
