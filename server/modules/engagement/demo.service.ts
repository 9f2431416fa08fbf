import { randomUUID } from 'node:crypto';
import type { EngagementTheme, InteractionChannel, InteractionPurpose } from '../../../common/engagement';
import { engagementThemes, interactionChannels, interactionPurposes } from '../../../common/engagement';
import type { Db } from '../../db/client';
import { seededRandom } from '../../../common/random';
import { seedDemoDuplicates } from '../companies';
import { addDays, todayInDenmark } from './dates';
import * as repo from './demo.repo';
import { inTransaction } from './query.repo';

const demoSlug = 'trekantomraadet';
/** The demo consultants who get a portfolio (responsible for companies in their municipality). */
const consultantEmails = [
  'konsulent.kolding@demo.samspil.dk', 'konsulent.vejle@demo.samspil.dk', 'jobcenter.kolding@demo.samspil.dk', 'jobcenter.vejle@demo.samspil.dk',
];
/** Authors of the general interaction history (several organisations). */
const authorEmails = [...consultantEmails, 'sekretariat@demo.samspil.dk'];
const portfolioSize = 100;
const overdueAnchor = 'Trekant Stålindustri A/S';

const notes = [
  'Drøftede rekrutteringsbehov til produktionen; virksomheden mangler to CNC-operatører.',
  'Opfølgning på opkvalificering af medarbejdere i lean. Aftalt nyt møde efter sommerferien.',
  'Virksomheden overvejer generationsskifte og ønsker kontakt til Erhvervshuset.',
  'Kort status: ordrebogen er fuld, ingen aktuelle behov.',
  'Gennemgik muligheder for virksomhedspraktik og løntilskud.',
  'Interesse for grøn omstilling og energioptimering af produktionen.',
];
const confidentialNote = 'FORTROLIGT: Virksomheden planlægger afskedigelser i 3. kvartal.';

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/**
 * The demo partnership's engagement: tiers 'intensiv' (30 days) and 'løbende' (180 days) for every business
 * office and job centre, a portfolio of companies per demo consultant with a mix of overdue, due and
 * recently contacted companies (Trekant Stålindustri A/S overdue for Kolding), two years of interactions
 * from several organisations (some confidential) and open tasks (some overdue). Deterministic and idempotent.
 */
export async function seedDemoEngagement(db: Db): Promise<boolean> {
  const partnershipId = await repo.demoPartnershipId(db, demoSlug);
  if (!partnershipId || await repo.demoEngagementExists(db, partnershipId)) return false;
  // Hand-created duplicates of demo companies, so "Dubletter" has something to merge on a fresh start.
  const duplicates = await seedDemoDuplicates(db);
  const [orgs, users, companies] = await Promise.all([
    repo.demoOrganisations(db, partnershipId), repo.demoUsers(db, partnershipId), repo.demoCompanies(db),
  ]);
  if (companies.length === 0) return false;
  const random = seededRandom(2026);
  const today = todayInDenmark();
  const tierIds = new Map<string, { intensiv: string; loebende: string }>();
  const tiers = orgs.filter((o) => o.kind === 'business_office' || o.kind === 'jobcentre').flatMap((o) => {
    const ids = { intensiv: randomUUID(), loebende: randomUUID() };
    tierIds.set(o.id, ids);
    return [
      { id: ids.intensiv, organisationId: o.id, name: 'intensiv', cadenceDays: 30 },
      { id: ids.loebende, organisationId: o.id, name: 'løbende', cadenceDays: 180 },
    ];
  });
  const byEmail = new Map(users.map((u) => [u.email, u]));
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const rows = { tiers, responsibles: [] as repo.DemoRowsResponsible[], companyTiers: [] as repo.DemoRowsCompanyTier[], interactions: [] as repo.DemoRowsInteraction[], tasks: [] as repo.DemoRowsTask[] };

  const interaction = (companyId: string, user: repo.DemoUser, date: string, confidential = random() < 0.1): repo.DemoRowsInteraction => ({
    companyId, organisationId: user.organisation_id, authorId: user.id, date,
    channel: pick(random, interactionChannels) as InteractionChannel, purpose: pick(random, interactionPurposes) as InteractionPurpose,
    themes: [pick(random, engagementThemes)] as EngagementTheme[], notes: confidential ? confidentialNote : pick(random, notes),
    participants: random() < 0.5 ? [{ contactId: null, name: 'Produktionschefen' }] : [], confidential,
  });

  for (const email of consultantEmails) {
    const user = byEmail.get(email);
    const ids = user ? tierIds.get(user.organisation_id) : undefined;
    if (!user || !ids) continue;
    const municipality = orgById.get(user.organisation_id)?.municipality_code;
    const local = companies.filter((c) => c.municipality_code === municipality);
    const anchor = local.find((c) => c.name === overdueAnchor);
    const portfolio = [...(anchor ? [anchor] : []), ...local.filter((c) => c !== anchor)].slice(0, portfolioSize);
    portfolio.forEach((company, i) => {
      const intensive = i % 4 === 0;
      const cadence = intensive ? 30 : 180;
      rows.responsibles.push({ organisationId: user.organisation_id, companyId: company.id, userId: user.id });
      rows.companyTiers.push({ organisationId: user.organisation_id, companyId: company.id, tierId: intensive ? ids.intensiv : ids.loebende });
      if (company === anchor) {
        rows.interactions.push(interaction(company.id, user, addDays(today, -75), false));
        return;
      }
      // A tenth never contacted; the rest last contacted between 0 and 1.5 cadences ago.
      if (i % 10 === 9) return;
      rows.interactions.push(interaction(company.id, user, addDays(today, -Math.floor(random() * cadence * 1.5))));
    });
    for (let t = 0; t < 8; t += 1) {
      const company = portfolio[(t * 7) % Math.max(portfolio.length, 1)];
      rows.tasks.push({
        organisationId: user.organisation_id, companyId: company?.id ?? null, assigneeId: user.id, createdBy: user.id,
        title: t % 2 === 0 ? `Ring op efter besøget${company ? ` hos ${company.name}` : ''}` : 'Send materiale om opkvalificering',
        dueDate: addDays(today, t * 4 - 12),
      });
    }
  }
  const authors = authorEmails.flatMap((e) => (byEmail.get(e) ? [byEmail.get(e) as repo.DemoUser] : []));
  duplicates.forEach((d, i) => {
    for (let k = 0; k < 2 && authors.length > 0; k += 1) rows.interactions.push(interaction(d.id, authors[(i + k) % authors.length], addDays(today, -14 - 40 * k - i), false));
  });
  for (let n = 0; n < 3000 && authors.length > 0; n += 1) {
    rows.interactions.push(interaction(pick(random, companies).id, pick(random, authors), addDays(today, -30 - Math.floor(random() * 700))));
  }
  await inTransaction(db, async (tx) => {
    await repo.insertDemoRows(tx, rows);
    await repo.deriveDemoAggregates(tx, partnershipId);
  });
  return true;
}
