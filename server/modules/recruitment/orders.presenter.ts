import type {
  Certificate, JobType, Order, OrderLogEntry, OrderService, OrderStatus, SkillRef,
} from '../../../common/recruitment';
import type { Actor } from '../../policy';
import { allowedTransitions, canEditOrder } from './order-rules';
import type { LogRow, OccupationRef } from './orders.refs.repo';
import type { OrderView } from './orders.repo';

/** What a page of orders needs besides the rows: labels of the taxonomy and placement counts. */
export interface OrderLookups {
  occupations: Map<string, OccupationRef>;
  skills: Map<string, string>;
  placements: Map<string, Record<string, number>>;
}

const iso = (value: Date | string | null): string | null => (value == null ? null : new Date(value).toISOString());

/** A skill URI with its label (the URI itself when the taxonomy no longer has it). */
const skillRef = (lookups: OrderLookups) => (uri: string): SkillRef => ({ uri, label: lookups.skills.get(uri) ?? uri });

export function presentOrder(actor: Actor, view: OrderView, lookups: OrderLookups): Order {
  const o = view.order;
  const occupation = lookups.occupations.get(o.occupationUri);
  return {
    id: o.id,
    number: o.number,
    companyId: o.companyId,
    companyName: view.companyName,
    companyCvr: view.companyCvr ?? '',
    productionUnitId: o.productionUnitId,
    holdingOrganisationId: o.holdingOrganisationId,
    holdingOrganisationName: view.holdingName,
    createdVia: o.createdVia === 'employer' ? 'employer' : 'consultant',
    title: o.title,
    description: o.description,
    occupation: { uri: o.occupationUri, label: occupation?.label ?? o.occupationUri, iscoGroup: occupation?.iscoGroup ?? null },
    openings: o.openings,
    jobType: o.jobType as JobType,
    requiredSkills: o.requiredSkills.map(skillRef(lookups)),
    wantedSkills: o.wantedSkills.map(skillRef(lookups)),
    certificates: o.certificates as Certificate[],
    languages: o.languages,
    hoursPerWeek: o.hoursPerWeek == null ? null : Number(o.hoursPerWeek),
    shifts: o.shifts as Order['shifts'],
    startDate: o.startDate,
    deadline: o.deadline,
    services: o.services as OrderService[],
    anonymousEmployer: o.anonymousEmployer,
    workplaceStreet: o.workplaceStreet,
    workplacePostalCode: o.workplacePostalCode,
    workplaceMunicipalityCode: o.workplaceMunicipalityCode,
    workplaceMunicipalityName: view.municipalityName,
    contactName: o.contactName,
    contactEmail: o.contactEmail,
    contactPhone: o.contactPhone,
    status: o.status as OrderStatus,
    statusChangedAt: iso(o.statusChangedAt)!,
    openedAt: iso(o.openedAt),
    closedAt: iso(o.closedAt),
    createdAt: iso(o.createdAt)!,
    placementCounts: lookups.placements.get(o.id) ?? {},
    allowedTransitions: allowedTransitions(actor, o),
    canEdit: canEditOrder(actor, o),
  };
}

export function presentLogEntry(row: LogRow): OrderLogEntry {
  return {
    id: row.id, at: iso(row.at)!, kind: row.kind, fromStatus: row.fromStatus, toStatus: row.toStatus,
    userName: row.userName, organisationName: row.organisationName, text: row.text,
  };
}
