import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../server/db/client';
import { sessions } from '../server/db/schema';

/**
 * The engagement benchmark's world, generated set-based in SQL so 2,000,000 interactions load in
 * minutes, not hours: one partnership, `organisations` organisations with `consultantsPerOrg`
 * consultants each, `companies` companies (the first `sectionC` of them in DB07 section C), every
 * organisation with the tiers `intensiv` (30 days) and `løbende` (180 days) over its share of the
 * companies, and `interactions` interactions over the last three years with their timeline events
 * and last-contact rows. One company ("Travl Benchmark A/S") carries `busyEvents` timeline events.
 */
export interface EngagementWorldOptions {
  companies: number;
  interactions: number;
  organisations: number;
  consultantsPerOrg: number;
  sectionC: number;
  busyEvents: number;
}

export interface EngagementWorld {
  partnershipId: string;
  /** Organisation ids in creation order; each has `consultantsPerOrg` consultants. */
  organisationIds: string[];
  consultants: { userId: string; organisationId: string }[];
  busyCompanyId: string;
}

/** The municipalities the synthetic companies and organisations live in (official codes; Trekantområdet first). */
export const benchMunicipalities = [621, 630, 607, 561, 573, 510, 530, 461, 751, 101, 147, 151, 153, 155, 157, 159, 161, 163, 165, 167] as const;

const words = [
  'Nord', 'Syd', 'Øst', 'Vest', 'Stål', 'Metal', 'Plast', 'Træ', 'Maskin', 'Automation', 'Smede', 'Værktøj', 'Form', 'Støberi',
  'Elektro', 'Hydraulik', 'Pumpe', 'Emballage', 'Fødevare', 'Bageri', 'Mejeri', 'Møbel', 'Tekstil', 'Print', 'Laser', 'Robot',
  'Svejse', 'Montage', 'Komponent', 'Precision', 'Ådal', 'Fjord', 'Bakke', 'Skov', 'Mølle', 'Havn', 'Bro', 'Åbyhøj', 'Ølgod', 'Ærø',
];
const legalForms = ['A/S', 'ApS', 'I/S', 'K/S', 'IVS'];
const bands = ['ANTAL_1_1', 'ANTAL_2_4', 'ANTAL_5_9', 'ANTAL_10_19', 'ANTAL_20_49', 'ANTAL_50_99', 'ANTAL_100_199', 'ANTAL_200_499'];

export async function generateEngagementWorld(db: Db, o: EngagementWorldOptions): Promise<EngagementWorld> {
  const wordArray = `{${words.map((w) => `"${w}"`).join(',')}}`;
  const formArray = `{${legalForms.map((w) => `"${w}"`).join(',')}}`;
  const bandArray = `{${bands.join(',')}}`;
  const muniArray = `{${benchMunicipalities.join(',')}}`;

  const [p] = (await db.execute<{ id: string }>(sql`
    insert into partnerships (slug, name) values ('bench', 'Benchmark-partnerskab') returning id`)).rows;
  await db.execute(sql`
    insert into organisations (partnership_id, kind, name, municipality_code)
    select ${p.id}, case when g % 2 = 0 then 'business_office' else 'jobcentre' end,
      'Benchmark-organisation ' || lpad(g::text, 2, '0'), (${muniArray}::int[])[1 + (g - 1) % ${benchMunicipalities.length}]
    from generate_series(1, ${o.organisations}) g`);
  const orgs = (await db.execute<{ id: string }>(sql`
    select id from organisations where partnership_id = ${p.id} order by name`)).rows.map((r) => r.id);
  await db.execute(sql`
    insert into users (organisation_id, email, name, roles, status)
    select org.id, 'konsulent-' || org.n || '-' || c || '@bench.samspil.dk', 'Konsulent ' || org.n || '.' || c,
      case when org.kind = 'jobcentre' then '{jobcentre_consultant}'::text[] else '{business_consultant}'::text[] end, 'active'
    from (select id, kind, row_number() over (order by name) as n from organisations where partnership_id = ${p.id}) org,
      generate_series(1, ${o.consultantsPerOrg}) c`);
  const consultants = (await db.execute<{ userId: string; organisationId: string }>(sql`
    select u.id as "userId", u.organisation_id as "organisationId" from users u
    join organisations org on org.id = u.organisation_id where org.partnership_id = ${p.id} order by u.email`)).rows;

  // Companies: names from word pairs; CVRs 6xxxxxxx with a valid modulus-11 check digit (bases whose check digit would be 10 are skipped).
  await db.execute(sql`
    insert into companies (cvr, name, legal_form, status, street, postal_code, city, municipality_code,
      industry_code, industry_section, industry_text, employee_band, employees, source)
    select v.cvr,
      w[1 + (g * 7) % array_length(w, 1)] || ' ' || w[1 + (g * 13 / 3) % array_length(w, 1)] || ' ' || g || ' ' || f[1 + g % array_length(f, 1)],
      f[1 + g % array_length(f, 1)], 'active', 'Industrivej ' || (1 + g % 200), (6000 + g % 100)::text, 'By ' || (g % 100),
      m[1 + g % array_length(m, 1)],
      case when g <= ${o.sectionC} then '2' || (5 + g % 3)::text || '1100' else '4' || (1 + g % 9)::text || '0000' end,
      case when g <= ${o.sectionC} then 'C' else 'G' end,
      case when g <= ${o.sectionC} then 'Fremstilling' else 'Handel' end,
      b[1 + g % array_length(b, 1)], 1 + (g % 300), 'cvr'
    from (
      select row_number() over (order by base) as g, base::text || check_digit::text as cvr
      from (
        select base, (11 - (
          2 * (base / 1000000 % 10) + 7 * (base / 100000 % 10) + 6 * (base / 10000 % 10) + 5 * (base / 1000 % 10)
          + 4 * (base / 100 % 10) + 3 * (base / 10 % 10) + 2 * (base % 10)) % 11) % 11 as check_digit
        from generate_series(6000000, 6000000 + ${Math.ceil(o.companies * 1.2)}) base
      ) candidates where check_digit < 10
      order by base limit ${o.companies}
    ) v,
      (select ${wordArray}::text[] as w, ${formArray}::text[] as f, ${bandArray}::text[] as b, ${muniArray}::int[] as m) arrays`);

  // Tiers, responsibles and tier members: organisation k works with the companies whose number ≡ k (mod organisations).
  await db.execute(sql`
    insert into contact_tiers (organisation_id, name, cadence_days, target_companies)
    select id, t.name, t.days, t.target from organisations,
      (values ('intensiv', 30, 1000), ('løbende', 180, 6000)) as t(name, days, target)
    where partnership_id = ${p.id}`);
  await db.execute(sql`create temporary table bench_org as
    select id, (row_number() over (order by name) - 1)::int as k from organisations where partnership_id = ${p.id}`);
  await db.execute(sql`create temporary table bench_company as
    select id, (row_number() over (order by cvr))::int as n from companies where cvr >= '60000000' and cvr < '70000000'`);
  await db.execute(sql`create temporary table bench_consultant as
    select u.id, u.organisation_id, (row_number() over (partition by u.organisation_id order by u.email) - 1)::int as j
    from users u join bench_org o on o.id = u.organisation_id`);
  await db.execute(sql`
    insert into company_responsibles (organisation_id, company_id, user_id)
    select o.id, c.id, u.id from bench_company c
    join bench_org o on o.k = c.n % ${o.organisations}
    join bench_consultant u on u.organisation_id = o.id and u.j = (c.n / ${o.organisations}) % ${o.consultantsPerOrg}`);
  await db.execute(sql`
    insert into company_tiers (organisation_id, company_id, tier_id)
    select o.id, c.id, t.id from bench_company c
    join bench_org o on o.k = c.n % ${o.organisations}
    join contact_tiers t on t.organisation_id = o.id and t.name = case when (c.n / ${o.organisations}) % 8 = 0 then 'intensiv' else 'løbende' end`);

  // Interactions: spread over the organisations' own companies (plus 10% with others'), over the last three years.
  await db.execute(sql`
    insert into interactions (company_id, organisation_id, author_id, date, channel, purpose, themes, notes, confidential)
    select c.id, o.id, u.id,
      current_date - ((hashint4(g) & 2147483647) % 1095),
      (array['visit','phone','meeting','email','event'])[1 + g % 5],
      (array['recruitment','retention','upskilling','business_development'])[1 + g % 4],
      '{}'::text[], 'Benchmark-note ' || g, g % 10 = 0
    from generate_series(1, ${o.interactions}) g
    join bench_company c on c.n = 1 + ((hashint4(g * 31) & 2147483647) % ${o.companies})
    join bench_org o on o.k = case when g % 10 = 0 then (c.n + 1) % ${o.organisations} else c.n % ${o.organisations} end
    join bench_consultant u on u.organisation_id = o.id and u.j = g % ${o.consultantsPerOrg}`);
  await db.execute(sql`
    insert into timeline_events (company_id, organisation_id, user_id, kind, ref_id, occurred_at, title, confidential)
    select company_id, organisation_id, author_id, 'interaction', id, date::timestamptz, 'Kontakt: ' || channel, confidential
    from interactions`);
  await db.execute(sql`
    insert into company_last_contacts (organisation_id, company_id, last_contact_date, interaction_count)
    select organisation_id, company_id, max(date), count(*) from interactions where deleted_at is null
    group by organisation_id, company_id`);

  // The busy company: `busyEvents` events on one timeline.
  const [busy] = (await db.execute<{ id: string }>(sql`
    insert into companies (cvr, name, status, municipality_code, source) values ('59999999', 'Travl Benchmark A/S', 'active', 621, 'cvr')
    returning id`)).rows;
  await db.execute(sql`
    insert into timeline_events (company_id, organisation_id, kind, ref_id, occurred_at, title, confidential)
    select ${busy.id}, (select id from bench_org where k = g % ${o.organisations}), 'referral', gen_random_uuid(),
      now() - g * interval '3 hours', 'Begivenhed ' || g, g % 3 = 0
    from generate_series(1, ${o.busyEvents}) g`);
  await db.execute(sql`drop table bench_org, bench_company, bench_consultant`);
  const [counts] = (await db.execute<{ interactions: number; members: number }>(sql`
    select (select count(*)::int from interactions) as interactions, (select count(*)::int from company_tiers) as members`)).rows;
  if (counts.interactions !== o.interactions || counts.members !== o.companies) {
    throw new Error(`the synthetic world is wrong: ${counts.interactions} interactions, ${counts.members} tier members`);
  }
  await db.execute(sql`vacuum analyze`);
  return { partnershipId: p.id, organisationIds: orgs, consultants, busyCompanyId: busy.id };
}

/** A live session for an existing user; returns the headers that authenticate as them (CSRF included). */
export async function sessionHeaders(db: Db, userId: string): Promise<Record<string, string>> {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrf = crypto.randomBytes(32).toString('base64url');
  await db.insert(sessions).values({
    id: crypto.createHash('sha256').update(token).digest('hex'),
    userId, csrfToken: csrf, expiresAt: new Date(Date.now() + 6 * 3600_000),
  });
  return { cookie: `samspil_session=${token}; samspil_csrf=${csrf}`, 'x-csrf-token': csrf };
}
