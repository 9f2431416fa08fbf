import { and, eq, sql } from 'drizzle-orm';
import type { Certificate, EducationLevel } from '../../../common/recruitment';
import type { Db } from '../../db/client';
import { candidates, organisations, partnerships } from '../../db/schema';
import type { Env } from '../../env';
import { demoOccupationUri, demoSkillUri } from '../reference';
import { newRefs } from './candidate-ref';
import type { CandidateInsert } from './candidates.repo';
import { encryptCpr, hashCpr, loadCprKeys } from './cpr';

/*
 * Demo candidates of Trekantområdet's job centres: production profiles over the built-in demo taxonomy, postal codes
 * of the area, a few with (obviously fictitious) CPR numbers, and one person registered at both Kolding and Vejle
 * with the same CPR, so the merged shortlist shows its de-duplication. Idempotent on (centre, external id).
 */

interface Profile { occupation: string; skills: string[]; certificates: Certificate[]; education: EducationLevel }

const profiles: readonly Profile[] = [
  { occupation: 'svejser', skills: ['mig-mag-svejsning', 'tig-svejsning', 'tegningslaesning', 'svejsecertifikat'], certificates: ['svejs_mig_mag', 'svejs_tig'], education: 'erhvervsuddannelse' },
  { occupation: 'cnc-operatoer', skills: ['cnc-betjening', 'tegningslaesning', 'maaleteknik', 'maskinindstilling', '5s'], certificates: ['truck_b'], education: 'erhvervsuddannelse' },
  { occupation: 'industritekniker', skills: ['drejning', 'fraesning', 'tegningslaesning', 'maaleteknik', 'cnc-programmering'], certificates: [], education: 'erhvervsuddannelse' },
  { occupation: 'lagermedarbejder', skills: ['ordreplukning', 'truckcertifikat', 'lagerstyring', 'wms'], certificates: ['truck_b'], education: 'grundskole' },
  { occupation: 'produktionsmedarbejder', skills: ['teamsamarbejde', 'arbejdsmiljoe', '5s', 'mekanisk-montage'], certificates: ['foerstehjaelp'], education: 'grundskole' },
  { occupation: 'smed', skills: ['mig-mag-svejsning', 'tegningslaesning', 'pladebearbejdning', 'skaerebraending'], certificates: ['svejs_mig_mag', 'kran_b'], education: 'erhvervsuddannelse' },
  { occupation: 'automatiktekniker', skills: ['plc-programmering', 'el-diagrammer', 'fejlfinding', 'elsikkerhed', 'robotprogrammering'], certificates: ['koerekort_b'], education: 'kort_videregaaende' },
  { occupation: 'industrimekaniker', skills: ['fejlfinding', 'hydraulik', 'pneumatik', 'forebyggende-vedligehold'], certificates: ['koerekort_b'], education: 'erhvervsuddannelse' },
  { occupation: 'truckfoerer', skills: ['truckcertifikat', 'arbejdsmiljoe', 'ordreplukning'], certificates: ['truck_a', 'truck_b'], education: 'grundskole' },
  { occupation: 'plastmager', skills: ['sproejtestoebning', 'maskinindstilling', 'kvalitetskontrol'], certificates: [], education: 'erhvervsuddannelse' },
  { occupation: 'kvalitetstekniker', skills: ['kvalitetskontrol', 'maaleteknik', 'iso-9001', 'dokumentation', 'spc'], certificates: [], education: 'kort_videregaaende' },
  { occupation: 'montoer', skills: ['mekanisk-montage', 'tegningslaesning', 'pneumatik'], certificates: ['koerekort_b'], education: 'erhvervsuddannelse' },
  { occupation: 'elektriker', skills: ['el-installation', 'elsikkerhed', 'el-diagrammer', 'fejlfinding'], certificates: ['el_autorisation', 'koerekort_b'], education: 'erhvervsuddannelse' },
  { occupation: 'procesoperatoer', skills: ['procesovervaagning', 'kemikaliehaandtering', 'dokumentation', 'gmp'], certificates: [], education: 'gymnasial' },
];

const firstNames = ['Mads', 'Sofie', 'Jonas', 'Ida', 'Anders', 'Camilla', 'Mikkel', 'Louise', 'Rasmus', 'Nanna', 'Emil', 'Julie', 'Kasper', 'Line',
  'Thomas', 'Maria', 'Nikolaj', 'Sara', 'Jesper', 'Anne', 'Ahmad', 'Ewa', 'Tomasz', 'Fatima'];
const lastNames = ['Demo Jensen', 'Demo Nielsen', 'Demo Hansen', 'Demo Pedersen', 'Demo Andersen', 'Demo Christensen', 'Demo Larsen', 'Demo Sørensen',
  'Demo Rasmussen', 'Demo Petersen', 'Demo Madsen', 'Demo Kristensen'];

/** Centre name → how many candidates and the postal codes its people live in. */
const centres: readonly { name: string; count: number; postal: string[] }[] = [
  { name: 'Jobcenter Kolding', count: 12, postal: ['6000', '6000', '6070', '6640', '6091'] },
  { name: 'Jobcenter Vejle', count: 11, postal: ['7100', '7100', '7080', '7323', '7120'] },
  { name: 'Jobcenter Fredericia', count: 7, postal: ['7000', '7000', '7007'] },
  { name: 'Jobcenter Haderslev', count: 3, postal: ['6100', '6200'] },
  { name: 'Jobcenter Billund', count: 2, postal: ['7190', '7200'] },
  { name: 'Jobcenter Middelfart', count: 2, postal: ['5500'] },
  { name: 'Jobcenter Vejen', count: 2, postal: ['6600', '6630'] },
];

const targetGroups = ['dagpenge', 'dagpenge', 'kontanthjaelp', 'integration', 'dagpenge', 'sygedagpenge', 'uddannelseshjaelp'] as const;

/** The person registered at two centres (same fictitious CPR at Kolding and Vejle). */
const twice = { name: 'Mette Demo Dobbelt', cpr: '121288-0042', profile: 0 };

interface DemoCandidate { centre: string; externalRef: string; values: Omit<CandidateInsert, 'partnershipId' | 'organisationId' | 'ref'> }

/** The deterministic demo list (no randomness: the same candidates on every installation). */
export function demoCandidates(): DemoCandidate[] {
  const out: DemoCandidate[] = [];
  let n = 0;
  for (const centre of centres) {
    for (let i = 0; i < centre.count; i += 1) {
      n += 1;
      const p = profiles[n % profiles.length];
      const withCpr = n % 4 === 0;
      const day = String((n % 28) + 1).padStart(2, '0');
      const month = String((n % 12) + 1).padStart(2, '0');
      const year = String(60 + (n * 7) % 40);
      out.push({
        centre: centre.name,
        externalRef: `DEMO-${String(n).padStart(3, '0')}`,
        values: {
          name: `${firstNames[n % firstNames.length]} ${lastNames[(n * 5) % lastNames.length]}`,
          email: `kandidat${n}@demo.samspil.dk`, phone: null, cvText: `Erfaren inden for ${p.occupation.replace(/-/g, ' ')}. (Demodata.)`,
          cprEncrypted: withCpr ? `${day}${month}${year}-00${String(n).padStart(2, '0')}` : null,
          occupations: [demoOccupationUri(p.occupation)], skills: p.skills.slice(0, 2 + (n % (p.skills.length - 1))).map(demoSkillUri),
          certificates: p.certificates.slice(0, 1 + (n % 2)), educationLevel: p.education,
          languages: n % 6 === 0 ? ['da:godt', 'en:basis'] : n % 5 === 0 ? ['da:flydende', 'de:godt'] : ['da:flydende', 'en:godt'],
          postalCode: centre.postal[n % centre.postal.length], maxCommuteKm: [20, 30, 40, 50, 60][n % 5],
          availableFrom: null, hoursPerWeek: n % 9 === 0 ? 25 : 37, targetGroup: targetGroups[n % targetGroups.length],
          active: n % 17 !== 0,
        },
      });
    }
  }
  const p = profiles[twice.profile];
  for (const [centre, ref, postal] of [['Jobcenter Kolding', 'DEMO-D-KOL', '6000'], ['Jobcenter Vejle', 'DEMO-D-VEJ', '7100']] as const) {
    out.push({
      centre, externalRef: ref,
      values: {
        name: twice.name, email: 'mette.dobbelt@demo.samspil.dk', phone: null, cvText: 'Svejser med certifikater. (Demodata.)',
        cprEncrypted: twice.cpr, occupations: [demoOccupationUri(p.occupation)], skills: p.skills.map(demoSkillUri), certificates: p.certificates,
        educationLevel: p.education, languages: ['da:flydende'], postalCode: postal, maxCommuteKm: 45, availableFrom: null, hoursPerWeek: 37,
        targetGroup: 'dagpenge', active: true,
      },
    });
  }
  return out;
}

/**
 * Seeds the demo candidates into the demo partnership's job centres (looked up by name and kind at seed time).
 * `env` gives the CPR key; without it the process environment is read.
 */
export async function seedDemoCandidates(db: Db, env: Env): Promise<void> {
  const keys = loadCprKeys(env);
  const centres = await db.select({ id: organisations.id, name: organisations.name, partnershipId: organisations.partnershipId })
    .from(organisations).innerJoin(partnerships, eq(partnerships.id, organisations.partnershipId))
    .where(and(eq(partnerships.slug, 'trekantomraadet'), eq(organisations.kind, 'jobcentre')));
  const byName = new Map(centres.map((c) => [c.name, c]));
  const wanted = demoCandidates().filter((d) => byName.has(d.centre));
  if (wanted.length === 0) return;
  const existing = await db.select({ organisationId: candidates.organisationId, externalRef: candidates.externalRef }).from(candidates)
    .where(sql`${candidates.organisationId} in (${sql.join(centres.map((c) => sql`${c.id}`), sql`, `)}) and ${candidates.externalRef} like 'DEMO-%'`);
  const have = new Set(existing.map((e) => `${e.organisationId}|${e.externalRef}`));
  const missing = wanted.filter((d) => !have.has(`${byName.get(d.centre)?.id}|${d.externalRef}`));
  if (missing.length === 0) return;
  const refs = await newRefs(db, missing.length);
  const now = Date.now();
  const rows: CandidateInsert[] = missing.map((d, i) => {
    const centre = byName.get(d.centre) as (typeof centres)[number];
    const cpr = d.values.cprEncrypted;
    return {
      ...d.values, externalRef: d.externalRef, partnershipId: centre.partnershipId, organisationId: centre.id, ref: refs[i],
      cprEncrypted: cpr ? encryptCpr(keys, cpr) : null, cprHash: cpr ? hashCpr(keys, cpr) : null,
      // Recent activity spread over the last months, so retention leaves them alone.
      lastActivityAt: new Date(now - ((i * 11) % 150) * 86_400_000),
    };
  });
  await db.insert(candidates).values(rows).onConflictDoNothing();
}
