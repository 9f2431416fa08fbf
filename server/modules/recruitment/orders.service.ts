import type { z } from 'zod';
import type {
  Order, orderCreateSchema, OrderList, orderListQuerySchema, OrderLogEntry, orderUpdateSchema,
} from '../../../common/recruitment';
import type { Db } from '../../db/client';
import { audit, type AuditContext } from '../../http/audit';
import { conflict, forbidden, notFound } from '../../http/errors';
import { can, type Actor } from '../../policy';
import { getCompany, type CompanyRow } from '../companies';
import { appendOrderLog } from './order-log';
import { canEditOrder, isClosed, isEmployer, statusLabel } from './order-rules';
import { findOrderRow, orderResource, type JobOrderRow } from './orders.lookup';
import { presentLogEntry, presentOrder, type OrderLookups } from './orders.presenter';
import * as refs from './orders.refs.repo';
import * as repo from './orders.repo';
import { checkOrderFields, holdingCentre, refuse } from './orders.validate';

export type OrderContext = AuditContext & { actor: Actor; now?: Date };
type CreateInput = z.output<typeof orderCreateSchema>;
export type UpdateInput = z.output<typeof orderUpdateSchema>;
type ListQuery = z.output<typeof orderListQuerySchema>;

export function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx as unknown as Db));
}

const danishYear = (now: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric' }).format(now);

/** The taxonomy labels and placement counts of a page of orders, in three queries. */
export async function lookupsFor(db: Db, orders: readonly JobOrderRow[]): Promise<OrderLookups> {
  const [occupations, skills, placements] = await Promise.all([
    refs.occupationRefs(db, orders.map((o) => o.occupationUri)),
    refs.skillLabels(db, orders.flatMap((o) => [...o.requiredSkills, ...o.wantedSkills])),
    repo.placementCounts(db, orders.map((o) => o.id)),
  ]);
  return { occupations, skills, placements };
}

export async function presentById(db: Db, actor: Actor, id: string): Promise<Order> {
  const view = await repo.findOrderView(db, id);
  if (!view) throw notFound('Jobordren findes ikke.');
  return presentOrder(actor, view, await lookupsFor(db, [view.order]));
}

/**
 * The order as the actor may see it. Every job centre and the partnership's business staff read every order of the
 * partnership; a company user only its own company's — another company's order is "not found" (never revealed).
 */
export async function visibleOrder(db: Db, actor: Actor, id: string): Promise<JobOrderRow> {
  const row = await findOrderRow(db, id);
  if (!row || row.partnershipId !== actor.partnershipId || !can(actor, 'order.read', orderResource(row))) {
    throw notFound('Jobordren findes ikke.');
  }
  return row;
}

/** "Kasper Jobcenter, Jobcenter Kolding" */
export async function who(db: Db, actor: Actor): Promise<string> {
  const label = await refs.actorLabel(db, actor.id);
  return `${label.name}, ${label.organisationName}`;
}

export async function get(db: Db, actor: Actor, id: string): Promise<Order> {
  await visibleOrder(db, actor, id);
  return presentById(db, actor, id);
}

export async function list(db: Db, actor: Actor, query: ListQuery): Promise<OrderList> {
  let companyId = query.companyId;
  if (isEmployer(actor)) {
    // A company user sees its own company's orders and nothing else, whatever the query asks for.
    if (!actor.companyId || (companyId && companyId !== actor.companyId)) return { items: [], total: 0 };
    companyId = actor.companyId;
  }
  const { rows, total } = await repo.listOrderViews(db, {
    partnershipId: actor.partnershipId, companyId, status: query.status, q: query.q || undefined,
    holdingOrganisationId: query.holdingOrganisationId, municipality: query.municipality, jobType: query.jobType,
  }, query.limit, query.offset);
  const lookups = await lookupsFor(db, rows.map((r) => r.order));
  return { items: rows.map((r) => presentOrder(actor, r, lookups)), total };
}

export async function log(db: Db, actor: Actor, id: string): Promise<OrderLogEntry[]> {
  await visibleOrder(db, actor, id);
  return (await refs.orderLog(db, id)).map(presentLogEntry);
}

async function companyOf(db: Db, id: string): Promise<CompanyRow> {
  const company = await getCompany(db, id);
  if (!company) refuse('unknown_company', 'companyId', 'Virksomheden findes ikke i Samspil. Opret den i virksomhedsregistret først.');
  return company;
}

/**
 * Creates an order as a draft (kladde) or, with `submit`, straight as oprettet (visible to every centre, the KPI clock
 * starts). A company user creates only for its own company (createdVia employer). Logged and audited with the insert.
 */
export async function create(db: Db, context: OrderContext, input: CreateInput): Promise<Order> {
  const { actor } = context;
  const now = context.now ?? new Date();
  const employer = isEmployer(actor);
  if (employer && !can(actor, 'order.write', { partnershipId: actor.partnershipId, companyId: input.companyId })) {
    throw forbidden('Du kan kun oprette jobordrer for din egen virksomhed.');
  }
  if (employer && input.holdingOrganisationId) {
    refuse('field_not_allowed', 'holdingOrganisationId', 'Virksomheden kan ikke selv vælge jobcenter; ordren går til jobcentret i virksomhedens kommune.');
  }
  const company = await companyOf(db, input.companyId);
  const centre = await holdingCentre(db, actor.partnershipId, {
    requested: input.holdingOrganisationId,
    ownCentre: actor.organisationKind === 'jobcentre' ? actor.organisationId : undefined,
    municipalityCode: company.municipalityCode,
  });
  const resolved = await checkOrderFields(db, company, {
    occupationUri: input.occupationUri, requiredSkills: input.requiredSkills, wantedSkills: input.wantedSkills,
    startDate: input.startDate ?? null, deadline: input.deadline ?? null, workplacePostalCode: input.workplacePostalCode ?? null,
    productionUnitId: input.productionUnitId ?? null,
  });
  const status = input.submit ? 'oprettet' : 'kladde';
  const by = await who(db, actor);
  const id = await inTransaction(db, async (tx) => {
    const number = await repo.nextOrderNumber(tx, danishYear(now));
    const { submit: _submit, holdingOrganisationId: _holder, ...fields } = input;
    const record = await repo.insertOrder(tx, {
      ...fields, ...resolved, partnershipId: actor.partnershipId, number, holdingOrganisationId: centre.id,
      createdByUserId: actor.id, createdVia: employer ? 'employer' : 'consultant', description: input.description ?? '',
      status, statusChangedAt: now, openedAt: input.submit ? now : null, createdAt: now, updatedAt: now,
    });
    await appendOrderLog(tx, {
      orderId: record.id, userId: actor.id, organisationId: actor.organisationId, kind: 'created', toStatus: status, at: now,
      text: `Jobordren ${number} blev oprettet (${statusLabel(status)}) af ${by}. Ansvarligt jobcenter: ${centre.name}.`,
    });
    await audit(tx, context, { action: 'order.create', entity: 'job_order', entityId: record.id, after: record });
    return record.id;
  });
  return presentById(db, actor, id);
}

/** Danish names of the fields a change touched, for the log. */
const fieldNames: Record<string, string> = {
  productionUnitId: 'produktionsenhed', title: 'stillingsbetegnelse', description: 'beskrivelse', occupationUri: 'erhverv',
  openings: 'antal stillinger', jobType: 'jobtype', requiredSkills: 'krævede kompetencer', wantedSkills: 'ønskede kompetencer',
  certificates: 'certifikater', languages: 'sprog', hoursPerWeek: 'timer pr. uge', shifts: 'vagttyper', startDate: 'startdato',
  deadline: 'ansøgningsfrist', services: 'ønsket service', anonymousEmployer: 'anonym arbejdsgiver', workplaceStreet: 'arbejdsstedets adresse',
  workplacePostalCode: 'arbejdsstedets postnummer', contactName: 'kontaktperson', contactEmail: 'kontaktens e-mail',
  contactPhone: 'kontaktens telefon', holdingOrganisationId: 'ansvarligt jobcenter',
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Changes an order's fields: the holding centre's staff while it is open (they may hand it to another centre of the
 * partnership), the company itself while kladde/oprettet. Only the fields the request sent (`sent`) are changed.
 */
export async function update(db: Db, context: OrderContext, id: string, input: UpdateInput, sent: ReadonlySet<string>): Promise<Order> {
  const { actor } = context;
  const now = context.now ?? new Date();
  const current = await visibleOrder(db, actor, id);
  if (!can(actor, 'order.write', orderResource(current))) throw forbidden('Kun det ansvarlige jobcenter kan rette jobordren.');
  if (!canEditOrder(actor, current)) {
    throw conflict('order_locked', isClosed(current.status) ? 'Jobordren er afsluttet og kan ikke rettes.'
      : 'Jobcentret er gået i gang med ordren, så virksomheden kan ikke længere rette den. Kontakt jobcentret.');
  }
  const given = Object.fromEntries(Object.entries(input).filter(([k, v]) => sent.has(k) && v !== undefined)) as UpdateInput;
  if (isEmployer(actor) && given.holdingOrganisationId) {
    refuse('field_not_allowed', 'holdingOrganisationId', 'Virksomheden kan ikke selv vælge jobcenter.');
  }
  const merged = { ...current, ...given };
  const company = await companyOf(db, current.companyId);
  const resolved = await checkOrderFields(db, company, {
    occupationUri: merged.occupationUri, requiredSkills: merged.requiredSkills ?? [], wantedSkills: merged.wantedSkills ?? [],
    startDate: merged.startDate ?? null, deadline: merged.deadline ?? null, workplacePostalCode: merged.workplacePostalCode ?? null,
    productionUnitId: merged.productionUnitId ?? null,
  });
  const centre = given.holdingOrganisationId && given.holdingOrganisationId !== current.holdingOrganisationId
    ? await holdingCentre(db, actor.partnershipId, { requested: given.holdingOrganisationId, municipalityCode: null }) : null;
  const changes: Partial<repo.JobOrderInsert> = { ...given, occupationUri: resolved.occupationUri, workplaceMunicipalityCode: resolved.workplaceMunicipalityCode };
  const changed = Object.keys(changes).filter((k) => !same(changes[k as keyof typeof changes], current[k as keyof JobOrderRow]));
  if (changed.length === 0) return presentById(db, actor, id);
  const by = await who(db, actor);
  const names = [...new Set(changed.map((k) => fieldNames[k]).filter(Boolean))];
  await inTransaction(db, async (tx) => {
    const after = await repo.updateOrder(tx, id, Object.fromEntries(changed.map((k) => [k, changes[k as keyof typeof changes]])));
    await appendOrderLog(tx, {
      orderId: id, userId: actor.id, organisationId: actor.organisationId, kind: 'updated', at: now,
      text: `Rettet af ${by}${names.length > 0 ? `: ${names.join(', ')}` : ''}.${centre ? ` Ordren er givet videre til ${centre.name}.` : ''}`,
    });
    await audit(tx, context, { action: 'order.update', entity: 'job_order', entityId: id, before: current, after });
  });
  return presentById(db, actor, id);
}
