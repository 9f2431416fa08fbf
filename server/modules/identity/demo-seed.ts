import type { OrganisationKind, Role } from '../../../common/roles';
import type { Db } from '../../db/client';
import { insertOrganisations, insertPartnership, insertUsers, partnershipExists } from './demo-seed.repo';
import { hashPassword } from './passwords';

export const demoPartnershipSlug = 'trekantomraadet';
export const demoPartnershipName = 'Trekantområdet';
export const demoPassword = 'Samspil-demo-2026';

/** The seven member municipalities with their official codes (checked against the municipality list). */
const municipalities: readonly { code: number; name: string }[] = [
  { code: 530, name: 'Billund' },
  { code: 607, name: 'Fredericia' },
  { code: 510, name: 'Haderslev' },
  { code: 621, name: 'Kolding' },
  { code: 410, name: 'Middelfart' },
  { code: 575, name: 'Vejen' },
  { code: 630, name: 'Vejle' },
];

interface DemoOrganisation { name: string; kind: OrganisationKind; municipalityCode: number | null }

const demoOrganisations: readonly DemoOrganisation[] = [
  ...municipalities.flatMap((m): DemoOrganisation[] => [
    { name: `Erhvervskontor ${m.name}`, kind: 'business_office', municipalityCode: m.code },
    { name: `Jobcenter ${m.name}`, kind: 'jobcentre', municipalityCode: m.code },
  ]),
  { name: 'Trekantområdets Sekretariat', kind: 'secretariat', municipalityCode: null },
  { name: 'Erhvervshus Sydjylland', kind: 'business_hub', municipalityCode: null },
  { name: 'Produktionsakademiet Trekant', kind: 'academy', municipalityCode: null },
  { name: 'Teknologisk Institut, Kolding', kind: 'provider', municipalityCode: 621 },
  { name: 'EUC Trekant', kind: 'education', municipalityCode: null },
  { name: 'Kolding Nord Skole', kind: 'school', municipalityCode: 621 },
  { name: 'Vejle Midtby Skole', kind: 'school', municipalityCode: 630 },
];

interface DemoUser { email: string; name: string; role: Role; organisation: string }

const demoUsers: readonly DemoUser[] = [
  { email: 'admin@demo.samspil.dk', name: 'Anne Admin', role: 'admin', organisation: 'Trekantområdets Sekretariat' },
  { email: 'sekretariat@demo.samspil.dk', name: 'Søren Sekretariat', role: 'secretariat', organisation: 'Trekantområdets Sekretariat' },
  { email: 'leder.kolding@demo.samspil.dk', name: 'Lone Leder', role: 'manager', organisation: 'Erhvervskontor Kolding' },
  { email: 'konsulent.kolding@demo.samspil.dk', name: 'Karin Konsulent', role: 'business_consultant', organisation: 'Erhvervskontor Kolding' },
  { email: 'konsulent2.kolding@demo.samspil.dk', name: 'Kristian Konsulent', role: 'business_consultant', organisation: 'Erhvervskontor Kolding' },
  { email: 'konsulent.vejle@demo.samspil.dk', name: 'Villads Konsulent', role: 'business_consultant', organisation: 'Erhvervskontor Vejle' },
  { email: 'jobcenter.vejle@demo.samspil.dk', name: 'Vibeke Jobcenter', role: 'jobcentre_consultant', organisation: 'Jobcenter Vejle' },
  { email: 'jobcenter.kolding@demo.samspil.dk', name: 'Kasper Jobcenter', role: 'jobcentre_consultant', organisation: 'Jobcenter Kolding' },
  { email: 'udbyder@demo.samspil.dk', name: 'Ulla Udbyder', role: 'provider', organisation: 'Teknologisk Institut, Kolding' },
  { email: 'akademi@demo.samspil.dk', name: 'Aksel Akademi', role: 'provider', organisation: 'Produktionsakademiet Trekant' },
  { email: 'skole@demo.samspil.dk', name: 'Sofie Skole', role: 'school_coordinator', organisation: 'Kolding Nord Skole' },
  { email: 'analytiker@demo.samspil.dk', name: 'Asger Analytiker', role: 'analyst', organisation: 'Trekantområdets Sekretariat' },
];

export interface DemoPartnershipSummary {
  partnershipName: string;
  password: string;
  logins: { email: string; role: string; organisation: string }[];
}

/**
 * Creates the demo partnership Trekantområdet: its organisations and one active user per role,
 * all with the demo password. Deterministic and idempotent: when the partnership exists it
 * writes nothing, but still returns the summary of logins.
 */
export async function seedDemoPartnership(db: Db): Promise<DemoPartnershipSummary> {
  const summary: DemoPartnershipSummary = {
    partnershipName: demoPartnershipName,
    password: demoPassword,
    logins: demoUsers.map((u) => ({ email: u.email, role: u.role, organisation: u.organisation })),
  };
  if (await partnershipExists(db, demoPartnershipSlug)) return summary;
  // Argon2 is deliberately slow: hash once, before the transaction, and share the hash.
  const passwordHash = await hashPassword(demoPassword);
  await db.transaction(async (tx) => {
    const partnershipId = await insertPartnership(tx, { slug: demoPartnershipSlug, name: demoPartnershipName });
    const ids = await insertOrganisations(tx, demoOrganisations.map((o) => ({ ...o, partnershipId, emailDomains: [] })));
    await insertUsers(tx, demoUsers.map((u) => {
      const organisationId = ids.get(u.organisation);
      if (!organisationId) throw new Error(`demo user ${u.email}: unknown organisation ${u.organisation}`);
      return { organisationId, email: u.email, name: u.name, roles: [u.role], status: 'active', passwordHash };
    }));
  });
  return summary;
}
