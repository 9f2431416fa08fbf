import type { Db } from '../../db/client';
import { recordTimelineEvent } from '../engagement';
import { danishDate, responseDue } from './referral-clock';
import * as demo from './referral-demo.repo';
import { timelineTitle } from './referrals.presenter';
import * as repo from './referrals.repo';
import { addWorkingDays, isWorkingDay } from './working-days';

/**
 * Two open referrals in the demo partnership, both still waiting for the provider (status sendt, which
 * neither the capacity nor the outcomes of offer matching count): Ærø Automation ApS to Teknologisk
 * Institut's material testing, two working days past its deadline (so the provider sees it as overdue and
 * the reminder job has something to send), and Aabenraa Smede ApS to energy optimisation, sent yesterday.
 * Dates are relative to today; skipped when the partnership has referrals or the demo offers are missing.
 */
const plan = [
  { company: 'Ærø Automation ApS', offer: 'Materialetest og certificering', from: 'konsulent.kolding@demo.samspil.dk', overdueBy: 2,
    message: 'Virksomheden skal dokumentere styrken af nye svejste beslag over for en tysk kunde. Kontakt direktøren, Morten, på 21 43 65 87.' },
  { company: 'Aabenraa Smede ApS', offer: 'Energioptimering i produktionen', from: 'konsulent.vejle@demo.samspil.dk', overdueBy: null,
    message: 'Smedjen vil gerne have målt trykluft og ovne – de har et højt elforbrug og ønsker en handlingsplan.' },
] as const;

const previousDay = (iso: string) => new Date(Date.parse(`${iso}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The latest working day a referral could be sent on to be `overdueBy` working days past its deadline today. */
function sentDayFor(today: string, responseDays: number, overdueBy: number | null): string {
  let day = previousDay(today);
  while (!isWorkingDay(day) || (overdueBy !== null && addWorkingDays(responseDue(day, responseDays), overdueBy) > today)) day = previousDay(day);
  return day;
}

export async function seedDemoReferrals(db: Db, now = new Date()): Promise<number> {
  const partnershipId = await demo.partnershipBySlug(db, 'trekantomraadet');
  if (!partnershipId || await demo.hasReferrals(db, partnershipId)) return 0;
  const [offers, companies, users] = await Promise.all([
    demo.publishedOffersByTitle(db, partnershipId, plan.map((p) => p.offer)),
    demo.demoCompanies(db, plan.map((p) => p.company)),
    demo.demoUsers(db, partnershipId, plan.map((p) => p.from)),
  ]);
  const today = danishDate(now);
  let seeded = 0;
  for (const p of plan) {
    const offer = offers.find((o) => o.title === p.offer);
    const company = companies.find((c) => c.name === p.company);
    const user = users.find((u) => u.email === p.from);
    if (!offer || !company || !user) continue;
    const sentDay = sentDayFor(today, offer.response_days, p.overdueBy);
    const sentAt = new Date(`${sentDay}T09:00:00Z`);
    await db.transaction(async (transaction) => {
      const tx = transaction as unknown as Db;
      const record = await repo.insertReferral(tx, {
        partnershipId, companyId: company.id, offerId: offer.id, providerId: offer.provider_id, fromOrganisationId: user.organisation_id,
        fromUserId: user.id, message: p.message, consentAt: sentAt, status: 'sendt', sentAt, responseDue: responseDue(sentDay, offer.response_days),
      });
      await repo.insertReferralEvent(tx, { referralId: record.id, fromStatus: null, toStatus: 'sendt', userId: user.id, at: sentAt });
      await recordTimelineEvent(tx, {
        companyId: company.id, organisationId: user.organisation_id, userId: user.id, kind: 'referral', refId: record.id, occurredAt: sentAt,
        title: timelineTitle({ status: 'sendt', offerTitle: offer.title, providerName: offer.provider_name }), confidential: false,
      });
    });
    seeded += 1;
  }
  return seeded;
}
