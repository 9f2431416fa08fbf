import { engagementThemes } from '../../../common/engagement';
import type { Db } from '../../db/client';
import { recordTimelineEvent } from '../engagement';
import { listMunicipalities } from '../reference';
import { assessmentEvent } from './assessments.service';
import { fullPriorities } from './assessments.presenter';
import { demoAssessments, demoOffers, demoProviders } from './demo.data';
import * as repo from './demo.repo';
import { todayInDenmark } from './matches.dates';
import { inTransaction } from './offers.service';

const demoSlug = 'trekantomraadet';
const guideUrl = 'https://virksomhedsguiden.dk/';

const shift = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The demo partnership's business service: 29 offers of the demo providers (Teknologisk Institut Kolding,
 * Produktionsakademiet Trekant, Erhvervshus Sydjylland, EUC Trekant) with varied eligibility — drafts,
 * archived, region- and size-limited ones among them — and a few needs assessments with their timeline
 * events (Trekant Stålindustri A/S twice, automation now at 5; Vejle Plast ApS without consent).
 * Deterministic (dates relative to today) and idempotent: each part is skipped when the partnership has it.
 */
export async function seedDemoBusinessService(db: Db): Promise<boolean> {
  const partnershipId = await repo.demoPartnershipId(db, demoSlug);
  if (!partnershipId) return false;
  const today = todayInDenmark();
  const [organisations, users, municipalities] = await Promise.all([
    repo.organisationsByName(db, partnershipId), repo.usersByEmail(db, partnershipId), listMunicipalities(db),
  ]);
  const orgId = new Map(organisations.map((o) => [o.name, o.id]));
  let seeded = false;

  if (!await repo.hasOffers(db, partnershipId)) {
    const values = demoOffers.flatMap((o) => {
      const providerId = orgId.get(demoProviders[o.provider]);
      if (!providerId) return [];
      const regions = o.regions ?? [];
      const viaRegions = municipalities.filter((m) => regions.includes(m.regionCode)).map((m) => m.code);
      return [{
        partnershipId, providerId, title: o.title, description: o.description, themes: engagementThemes.filter((t) => o.themes.includes(t)),
        minEmployees: o.minEmployees ?? null, maxEmployees: o.maxEmployees ?? null, industries: o.industries ?? [],
        municipalities: [...new Set([...(o.municipalities ?? []), ...viaRegions])].sort((a, b) => a - b), regions,
        minTurnoverDkk: o.minTurnoverDkk ?? null, segment: o.segment ?? null,
        minCompanyAgeYears: o.minCompanyAgeYears ?? null, maxCompanyAgeYears: o.maxCompanyAgeYears ?? null,
        financing: o.financing ?? 'free', coFinancingRate: o.coFinancingRate ?? null, capacityPerQuarter: o.capacityPerQuarter ?? null,
        activeFrom: o.activeFromDays === undefined ? null : shift(today, o.activeFromDays),
        activeTo: o.activeToDays === undefined ? null : shift(today, o.activeToDays),
        virksomhedsguidenUrl: o.virksomhedsguiden ? guideUrl : null, responseDays: o.responseDays ?? 5, status: o.status ?? 'published',
      }];
    });
    await repo.insertOffers(db, values);
    seeded = values.length > 0;
  }

  if (!await repo.hasAssessments(db, partnershipId)) {
    const companies = new Map((await repo.demoCompaniesNamed(db, [...new Set(demoAssessments.map((a) => a.company))])).map((c) => [c.name, c.id]));
    const authors = new Map(users.map((u) => [u.email, u]));
    const values = demoAssessments.flatMap((a) => {
      const companyId = companies.get(a.company);
      const author = authors.get(a.authorEmail);
      if (!companyId || !author) return [];
      return [{
        companyId, organisationId: author.organisation_id, authorId: author.id, date: shift(today, -a.daysAgo),
        priorities: fullPriorities(a.priorities), challenge: a.challenge, growthAmbition: a.growthAmbition, segment: a.segment,
        nextSteps: a.nextSteps, participants: a.participants.map((name) => ({ contactId: null, name })),
        turnoverDkk: a.turnoverDkk, consentToShare: a.consentToShare,
      }];
    });
    await inTransaction(db, async (tx) => {
      for (const row of await repo.insertAssessments(tx, values)) {
        await recordTimelineEvent(tx, assessmentEvent(row));
      }
    });
    seeded = seeded || values.length > 0;
  }
  return seeded;
}
