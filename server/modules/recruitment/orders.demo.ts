import type { Certificate, JobType, OrderService, OrderStatus } from '../../../common/recruitment';
import type { Db } from '../../db/client';
import { demoOccupationUri, demoSkillUri } from '../reference';
import { findCompanyOrganisation } from './employer.repo';
import { appendOrderLog, type OrderLogEntryInput } from './order-log';
import { isClosed, statusLabel } from './order-rules';
import * as demo from './orders.demo.repo';
import * as repo from './orders.repo';

/** The demo company with its own user in the employer view (Kolding). */
export const demoEmployerCompany = 'Trekant Stålindustri A/S';
export const demoEmployerEmail = 'virksomhed@demo.samspil.dk';

const DAY = 86_400_000;
const day = (now: Date, offset: number) => new Date(now.getTime() + offset * DAY);
const isoDay = (now: Date, offset: number) => day(now, offset).toISOString().slice(0, 10);

interface DemoOrder {
  company: string; holder: string; by: string; title: string; occupation: string; openings: number; jobType: JobType;
  required: string[]; wanted: string[]; certificates: Certificate[]; shifts: string[]; services: OrderService[];
  /** The steps after kladde, in order. */
  path: OrderStatus[]; createdDaysAgo: number; deadlineInDays: number; startInDays: number; description: string;
}

const allServices: OrderService[] = ['search', 'screening', 'presentation'];
const plan: readonly DemoOrder[] = [
  { company: demoEmployerCompany, holder: 'Jobcenter Kolding', by: 'jobcenter.kolding@demo.samspil.dk', title: 'Svejsere til konstruktionsafdelingen',
    occupation: 'svejser', openings: 3, jobType: 'ordinary', required: ['mig-mag-svejsning', 'tegningslaesning', 'svejsecertifikat'],
    wanted: ['tig-svejsning', 'skaerebraending'], certificates: ['svejs_mig_mag'], shifts: ['dag'], services: allServices,
    path: ['oprettet', 'under_behandling'], createdDaysAgo: 20, deadlineInDays: 25, startInDays: 40,
    description: 'Svejsning af stålkonstruktioner til landbrugsmaskiner efter tegning. Fast dagarbejde, 37 timer.' },
  { company: demoEmployerCompany, holder: 'Jobcenter Kolding', by: demoEmployerEmail, title: 'CNC-operatører til 2-holdsskift',
    occupation: 'cnc-operatoer', openings: 2, jobType: 'ordinary', required: ['cnc-betjening', 'tegningslaesning', 'maaleteknik'],
    wanted: ['cnc-programmering'], certificates: [], shifts: ['skiftehold'], services: ['search', 'presentation'],
    path: ['oprettet'], createdDaysAgo: 6, deadlineInDays: 20, startInDays: 30,
    description: 'Betjening og omstilling af DMG Mori-fræsere. Oplæring i vores egne programmer.' },
  { company: 'Fredericia Maskinfabrik A/S', holder: 'Jobcenter Fredericia', by: 'jobcenter.kolding@demo.samspil.dk', title: 'Produktionsmedarbejdere til montagelinjen',
    occupation: 'produktionsmedarbejder', openings: 5, jobType: 'ordinary', required: ['teamsamarbejde', 'arbejdsmiljoe'],
    wanted: ['mekanisk-montage', '5s'], certificates: [], shifts: ['dag', 'aften'], services: allServices,
    path: ['oprettet'], createdDaysAgo: 10, deadlineInDays: 14, startInDays: 21,
    description: 'Montage af gearkasser i teams. Ingen krav om erfaring; grundig oplæring.' },
  { company: 'Vejle Plast ApS', holder: 'Jobcenter Vejle', by: 'jobcenter.vejle@demo.samspil.dk', title: 'Truckfører til råvarelageret',
    occupation: 'truckfoerer', openings: 1, jobType: 'ordinary', required: ['truckcertifikat', 'arbejdsmiljoe'], wanted: ['wms'],
    certificates: ['truck_b'], shifts: ['dag'], services: ['search'], path: [], createdDaysAgo: 2, deadlineInDays: 30, startInDays: 45,
    description: 'Modtagelse af granulat og forsyning af sprøjtestøbemaskinerne.' },
  { company: 'Østergaard Metal A/S', holder: 'Jobcenter Vejle', by: 'jobcenter.vejle@demo.samspil.dk', title: 'TIG-svejser (løntilskud)',
    occupation: 'svejser', openings: 1, jobType: 'loentilskud', required: ['tig-svejsning'], wanted: ['rustfrit-staal'],
    certificates: ['svejs_tig'], shifts: ['dag'], services: ['search', 'screening'], path: ['oprettet', 'under_behandling', 'inaktiveret'],
    createdDaysAgo: 45, deadlineInDays: 10, startInDays: 30, description: 'Løntilskudsforløb på 6 måneder med henblik på fastansættelse.' },
  { company: demoEmployerCompany, holder: 'Jobcenter Kolding', by: 'jobcenter.kolding@demo.samspil.dk', title: 'CNC-operatør (sommerafløser)',
    occupation: 'cnc-operatoer', openings: 1, jobType: 'ordinary', required: ['cnc-betjening'], wanted: [], certificates: [], shifts: ['dag'],
    services: ['search'], path: ['oprettet', 'under_behandling', 'afsluttet_behov_opfyldt'], createdDaysAgo: 80, deadlineInDays: -40, startInDays: -35,
    description: 'Afløser i juli og august.' },
];

/** The company organisation of the demo employer and its user (password as the other demo users: their shared hash). */
async function seedDemoEmployer(db: Db, partnershipId: string): Promise<void> {
  const company = (await demo.demoCompanies(db, [demoEmployerCompany])).get(demoEmployerCompany);
  if (!company) return;
  const existing = await findCompanyOrganisation(db, partnershipId, company.id);
  const organisationId = existing?.id ?? await demo.insertOrganisation(db, {
    partnershipId, kind: 'company', name: company.name, companyId: company.id, municipalityCode: company.municipalityCode,
  });
  const [admin] = await demo.usersByEmail(db, ['admin@demo.samspil.dk']);
  if (!admin?.passwordHash) return;
  await demo.insertUser(db, {
    organisationId, email: demoEmployerEmail, name: 'Vera Virksomhed', roles: ['company_user'], status: 'active', passwordHash: admin.passwordHash,
  });
}

/**
 * The demo partnership's job orders: a company user for Trekant Stålindustri A/S (virksomhed@demo.samspil.dk) and six
 * orders for welders, CNC operators, production workers and a forklift driver at the job centres of Kolding, Vejle and
 * Fredericia, in every kind of status, with their logs. Dates are relative to today. Idempotent: skipped once the
 * partnership has orders; skipped quietly when the demo partnership or companies are missing.
 */
export async function seedDemoOrders(db: Db, now = new Date()): Promise<number> {
  const partnershipId = await demo.partnershipBySlug(db, 'trekantomraadet');
  if (!partnershipId) return 0;
  await seedDemoEmployer(db, partnershipId);
  if (await demo.hasOrders(db, partnershipId)) return 0;
  const [companies, centres, users] = await Promise.all([
    demo.demoCompanies(db, plan.map((p) => p.company)),
    demo.organisationsByName(db, partnershipId, plan.map((p) => p.holder)),
    demo.usersByEmail(db, plan.map((p) => p.by)),
  ]);
  let seeded = 0;
  for (const p of plan) {
    const company = companies.get(p.company);
    const centre = centres.find((c) => c.name === p.holder && c.kind === 'jobcentre');
    const user = users.find((u) => u.email === p.by);
    if (!company || !centre || !user) continue;
    const created = day(now, -p.createdDaysAgo);
    const stepAt = (i: number) => new Date(created.getTime() + (i + 1) * 2 * 3600_000 + i * 3 * DAY);
    const status: OrderStatus = p.path.at(-1) ?? 'kladde';
    await db.transaction(async (transaction) => {
      const tx = transaction as unknown as Db;
      const number = await repo.nextOrderNumber(tx, String(created.getUTCFullYear()));
      const order = await repo.insertOrder(tx, {
        partnershipId, number, companyId: company.id, holdingOrganisationId: centre.id, createdByUserId: user.id,
        createdVia: p.by === demoEmployerEmail ? 'employer' : 'consultant', title: p.title, description: p.description,
        occupationUri: demoOccupationUri(p.occupation), openings: p.openings, jobType: p.jobType,
        requiredSkills: p.required.map(demoSkillUri), wantedSkills: p.wanted.map(demoSkillUri), certificates: p.certificates,
        languages: ['da:godt'], hoursPerWeek: 37, shifts: p.shifts, services: p.services,
        startDate: isoDay(now, p.startInDays), deadline: isoDay(now, p.deadlineInDays),
        workplacePostalCode: company.postalCode, workplaceMunicipalityCode: company.municipalityCode,
        status, statusChangedAt: p.path.length ? stepAt(p.path.length - 1) : created,
        openedAt: p.path.length ? stepAt(0) : null, closedAt: isClosed(status) ? stepAt(p.path.length - 1) : null,
        createdAt: created, updatedAt: created,
      });
      const entries: OrderLogEntryInput[] = [{
        orderId: order.id, userId: user.id, organisationId: user.organisationId, kind: 'created', toStatus: 'kladde', at: created,
        text: `Jobordren ${number} blev oprettet (Kladde). Ansvarligt jobcenter: ${centre.name}.`,
      }];
      p.path.forEach((to, i) => {
        const from = i === 0 ? 'kladde' : p.path[i - 1];
        const actor = to === 'oprettet' ? user : { id: null, organisationId: centre.id };
        entries.push({
          orderId: order.id, userId: actor.id, organisationId: actor.organisationId, kind: 'status', fromStatus: from, toStatus: to, at: stepAt(i),
          text: `Status ændret fra ${statusLabel(from)} til ${statusLabel(to)}.`,
        });
      });
      await appendOrderLog(tx, ...entries);
    });
    seeded += 1;
  }
  return seeded;
}
