import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { hostOffers, schoolAgreements, schoolClasses, schools, tutors } from '../../db/schema';
import { inTransaction, rows } from './db';
import {
  demoAgreements, demoCentres, demoSchools, demoSchoolYear, demoThemesByIndustry, demoTutors, demoWeekSets,
} from './demo.data';

const demoMunicipalities = Object.keys(demoCentres).map(Number);

/**
 * The demo partnership's schools (8, with 20 7th-grade classes), about 25 host offers from demo companies, four
 * tutors and eight agreements (several municipalities below the target). No plan: the coordinator runs it.
 * Idempotent: does nothing when the demo schools exist or the demo partnership does not.
 */
export async function seedDemoSchools(db: Db): Promise<void> {
  const [partnership] = await rows<{ id: string }>(db, sql`select id from partnerships where slug = 'trekantomraadet'`);
  if (!partnership) return;
  const [existing] = await rows<{ n: number }>(db, sql`select count(*)::int as n from schools where partnership_id = ${partnership.id}`);
  if (existing.n > 0) return;
  const companies = await rows<{ id: string; name: string; municipality_code: number; industry_code: string | null; email: string | null }>(db, sql`
    select id, name, municipality_code, industry_code, email from companies
    where status = 'active' and municipality_code = any(${`{${demoMunicipalities.join(',')}}`}::int[]) and industry_section = 'C'
    order by (employees is null), employees desc, cvr limit 25`);
  const orgs = await rows<{ id: string; name: string }>(db, sql`select id, name from organisations where partnership_id = ${partnership.id} and kind = 'school'`);
  const orgByName = new Map(orgs.map((o) => [o.name, o.id]));
  await inTransaction(db, async (tx) => {
    const schoolIds = new Map<string, string>();
    for (const s of demoSchools) {
      const [lat, lon, postal] = demoCentres[s.municipality];
      const [row] = await tx.insert(schools).values({
        partnershipId: partnership.id, organisationId: orgByName.get(s.name) ?? null, name: s.name, municipalityCode: s.municipality,
        street: s.street, postalCode: postal, lat: lat + s.dLat, lon: lon + s.dLon, contactName: s.contactName, contactEmail: s.contactEmail,
      }).returning({ id: schools.id });
      schoolIds.set(s.name, row.id);
      for (const c of s.classes) {
        await tx.insert(schoolClasses).values({
          schoolId: row.id, schoolYear: demoSchoolYear, grade: 7, letter: c.letter, pupils: c.pupils, suitableWeeks: c.weeks, themes: c.themes,
          teacherName: `Lærer ${s.name.split(' ')[0]} 7.${c.letter}`, teacherEmail: `7${c.letter.toLowerCase()}.${s.contactEmail}`,
        });
      }
    }
    for (const [i, c] of companies.entries()) {
      const [lat, lon] = demoCentres[c.municipality_code];
      // Spread hosts around the town centre (about ±6 km), deterministically.
      const jitter = (k: number) => (((i * 7919 + k * 104729) % 1000) / 1000 - 0.5) * 0.1;
      await tx.insert(hostOffers).values({
        partnershipId: partnership.id, companyId: c.id, schoolYear: demoSchoolYear, weeks: demoWeekSets[i % demoWeekSets.length],
        classesPerWeek: i % 4 === 0 ? 2 : 1, maxPupils: i % 5 === 0 ? 22 : 30,
        themes: demoThemesByIndustry[(c.industry_code ?? '').slice(0, 2)] ?? ['automation'],
        lat: lat + jitter(1), lon: lon + jitter(2), contactName: 'Produktionschef', contactEmail: c.email,
        accessibilityNotes: i % 3 === 0 ? 'Sikkerhedssko udleveres ved ankomst.' : null,
      });
    }
    for (const t of demoTutors) {
      const [lat, lon, postal] = demoCentres[t.municipality];
      await tx.insert(tutors).values({
        partnershipId: partnership.id, schoolYear: demoSchoolYear, name: t.name, institution: t.institution, kind: t.kind,
        municipalityCode: t.municipality, postalCode: postal, lat, lon, weeks: [...t.weeks], maxClasses: t.maxClasses,
      });
    }
    for (const a of demoAgreements) {
      const company = companies[a.company];
      const school = demoSchools.find((s) => s.name === a.school)!;
      if (!company) continue;
      await tx.insert(schoolAgreements).values({
        partnershipId: partnership.id, schoolId: schoolIds.get(a.school)!, companyId: company.id, municipalityCode: school.municipality,
        gradeLevels: a.grades, activities: a.activities, periodFrom: '2025-08-01', periodTo: '2028-07-31', status: 'active',
        schoolContact: school.contactName, companyContact: company.name,
      });
    }
  });
}
