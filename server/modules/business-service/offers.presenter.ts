import type { Offer, OfferFinancing, OfferStatus, Segment } from '../../../common/business-service';
import type { EngagementTheme } from '../../../common/engagement';
import type { OrganisationKind } from '../../../common/roles';
import { can, type Actor } from '../../policy';
import { isoTimestamp } from './matches.dates';
import type { OfferRow } from './offers.repo';

/** Whether the actor may edit, archive and delete the offer: its provider's own users, or the secretariat. */
export const managesOffer = (actor: Actor, row: Pick<OfferRow, 'provider_id' | 'partnership_id'>): boolean =>
  can(actor, 'offer.manage', { organisationId: row.provider_id, partnershipId: row.partnership_id });

export function presentOffer(actor: Actor, row: OfferRow): Offer {
  return {
    id: row.id,
    provider: { id: row.provider_id, name: row.provider_name, kind: row.provider_kind as OrganisationKind },
    title: row.title,
    description: row.description,
    themes: row.themes as EngagementTheme[],
    minEmployees: row.min_employees,
    maxEmployees: row.max_employees,
    industries: row.industries,
    municipalities: row.municipalities,
    regions: row.regions,
    minTurnoverDkk: row.min_turnover_dkk === null ? null : Number(row.min_turnover_dkk),
    segment: row.segment as Segment | null,
    minCompanyAgeYears: row.min_company_age_years,
    maxCompanyAgeYears: row.max_company_age_years,
    financing: row.financing as OfferFinancing,
    coFinancingRate: row.co_financing_rate,
    capacityPerQuarter: row.capacity_per_quarter,
    activeFrom: row.active_from,
    activeTo: row.active_to,
    virksomhedsguidenUrl: row.virksomhedsguiden_url,
    responseDays: row.response_days,
    status: row.status as OfferStatus,
    canManage: managesOffer(actor, row),
    createdAt: isoTimestamp(row.created_at),
    updatedAt: isoTimestamp(row.updated_at),
  };
}
