import { sql } from 'drizzle-orm';
import type { Db } from '../server/db/client';
import { benchMunicipalities } from './engagement-synth';

/**
 * The offers benchmark's world, generated set-based in SQL: one partnership with `providers` provider
 * organisations and `offices` business offices (one consultant each), `companies` companies with one needs
 * assessment each, `offers` offers with varied eligibility (employee ranges, industries, places, turnover,
 * segment, company age, capacity, active periods; 90 % published) and `referrals` past referrals over three
 * years with realistic statuses: old ones mostly closed (afsluttet, satisfaction mostly 4–5) or rejected,
 * recent ones still sent, received or started.
 */
export interface OffersWorldOptions {
  companies: number;
  offers: number;
  referrals: number;
  providers: number;
  offices: number;
}

export interface OffersWorld {
  partnershipId: string;
  consultants: { userId: string; organisationId: string }[];
}

const themes = ['automation_digitalisation', 'green_transition', 'leadership', 'export', 'financing', 'skills_recruitment', 'production_lean', 'innovation', 'ownership_change'];
/** DB07 codes and their sections: mostly manufacturing (C), some construction, trade, IT and consultancy. */
const industries: [string, string][] = [
  ['251100', 'C'], ['259900', 'C'], ['289900', 'C'], ['222200', 'C'], ['101100', 'C'], ['331200', 'C'], ['281500', 'C'],
  ['412000', 'F'], ['471100', 'G'], ['620100', 'J'], ['711200', 'M'],
];
const textArray = (values: readonly string[]) => `{${values.map((v) => `"${v}"`).join(',')}}`;

/** A non-negative pseudo-random integer from a seed expression (PostgreSQL's hashint4, stable across runs). */
const h = (seed: string) => sql.raw(`(hashint4(${seed}) & 2147483647)`);

export async function generateOffersWorld(db: Db, o: OffersWorldOptions): Promise<OffersWorld> {
  const [p] = (await db.execute<{ id: string }>(sql`
    insert into partnerships (slug, name) values ('bench-offers', 'Benchmark-partnerskab (ydelser)') returning id`)).rows;
  await db.execute(sql`
    insert into organisations (partnership_id, kind, name)
    select ${p.id}, (array['provider','business_hub','academy','education'])[1 + g % 4], 'Benchmark-udbyder ' || lpad(g::text, 3, '0')
    from generate_series(1, ${o.providers}) g`);
  await db.execute(sql`
    insert into organisations (partnership_id, kind, name, municipality_code)
    select ${p.id}, 'business_office', 'Benchmark-erhvervskontor ' || lpad(g::text, 3, '0'), (${`{${benchMunicipalities.join(',')}}`}::int[])[1 + g % ${benchMunicipalities.length}]
    from generate_series(1, ${o.offices}) g`);
  await db.execute(sql`
    insert into users (organisation_id, email, name, roles, status)
    select id, 'konsulent-' || right(name, 3) || '@bench-ydelser.samspil.dk', 'Konsulent ' || right(name, 3), '{business_consultant}'::text[], 'active'
    from organisations where partnership_id = ${p.id} and kind = 'business_office'`);
  await db.execute(sql`create temporary table bench_provider as
    select id, (row_number() over (order by name) - 1)::int as k from organisations where partnership_id = ${p.id} and kind <> 'business_office'`);
  await db.execute(sql`create temporary table bench_consultant as
    select u.id, u.organisation_id, (row_number() over (order by u.email) - 1)::int as k
    from users u join organisations org on org.id = u.organisation_id where org.partnership_id = ${p.id}`);

  // Companies: employees skewed small (40 % micro, 35 % small, 20 % medium, 5 % large), founded 1960–2025.
  await db.execute(sql`
    insert into companies (cvr, name, status, municipality_code, industry_code, industry_section, employees, start_date, source)
    select lpad((70000000 + g)::text, 8, '0'), 'Benchmark Industri ' || g || ' ApS', 'active',
      m[1 + ${h('g')} % array_length(m, 1)], ic[1 + ${h('g * 3')} % array_length(ic, 1)], sc[1 + ${h('g * 3')} % array_length(sc, 1)],
      case when ${h('g * 5')} % 100 < 40 then 1 + ${h('g * 7')} % 9 when ${h('g * 5')} % 100 < 75 then 10 + ${h('g * 7')} % 40
        when ${h('g * 5')} % 100 < 95 then 50 + ${h('g * 7')} % 200 else 250 + ${h('g * 7')} % 1500 end,
      date '1960-01-01' + (${h('g * 11')} % 23700), 'cvr'
    from generate_series(1, ${o.companies}) g,
      (select ${`{${benchMunicipalities.join(',')}}`}::int[] as m, ${textArray(industries.map((i) => i[0]))}::text[] as ic,
        ${textArray(industries.map((i) => i[1]))}::text[] as sc) arrays`);
  await db.execute(sql`create temporary table bench_company as
    select id, (row_number() over (order by cvr))::int as n from companies where cvr >= '70000000' and cvr < '80000000'`);

  // One assessment per company: needs 0–5 per theme (more low than high), 70 % consent to share.
  const priorities = sql.raw(`jsonb_build_object(${themes.map((t, i) => `'${t}', greatest(0, (hashint4(c.n * 17 + ${i}) & 2147483647) % 9 - 3)`).join(', ')})`);
  await db.execute(sql`
    insert into needs_assessments (company_id, organisation_id, author_id, date, priorities, challenge, segment, consent_to_share, turnover_dkk)
    select c.id, u.organisation_id, u.id, current_date - (${h('c.n * 13')} % 720), ${priorities}, 'Benchmark-udfordring ' || c.n,
      (array['growth', 'operations', null])[1 + ${h('c.n * 19')} % 3], ${h('c.n * 23')} % 10 < 7,
      case when ${h('c.n * 29')} % 2 = 0 then (${h('c.n * 31')} % 200) * 1000000 end
    from bench_company c join bench_consultant u on u.k = c.n % ${o.offices}`);

  // Offers with varied eligibility; regions are expanded to their municipalities as the API does.
  await db.execute(sql`
    insert into offers (partnership_id, provider_id, title, description, themes, min_employees, max_employees, industries, municipalities,
      regions, min_turnover_dkk, segment, min_company_age_years, max_company_age_years, financing, co_financing_rate, capacity_per_quarter,
      active_from, active_to, response_days, status)
    select ${p.id}, prov.id, 'Ydelse ' || lpad(g::text, 5, '0') || ' ' || t[1 + ${h('g')} % 9], 'Benchmark-ydelse ' || g,
      array(select distinct t[1 + (hashint4(g * 41 + k) & 2147483647) % 9] from generate_series(0, ${h('g * 43')} % 3) k),
      case when ${h('g * 47')} % 10 < 3 then (array[5, 10, 20])[1 + ${h('g * 53')} % 3] end,
      case when ${h('g * 47')} % 10 between 2 and 4 then (array[49, 99, 249, 499])[1 + ${h('g * 59')} % 4] end,
      (array['{C}', '{25,28}', '{G}', '{}', '{}', '{}', '{}', '{}', '{}', '{}'])[1 + ${h('g * 61')} % 10]::text[],
      (array['{}', '{}', '{621,630,607}', '{101}', '{}', '{}', '{}', '{}', '{}', '{}'])[1 + ${h('g * 67')} % 10]::int[],
      (array['{1083}', '{1082}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}'])[1 + ${h('g * 67')} % 10]::int[],
      case when ${h('g * 71')} % 10 = 0 then 10000000 end,
      case ${h('g * 73')} % 5 when 1 then 'growth' when 2 then 'operations' end,
      case when ${h('g * 79')} % 20 = 1 then 10 end, case when ${h('g * 79')} % 20 = 0 then 5 end,
      f.financing, case when f.financing = 'co_financed' then (array[25, 50])[1 + ${h('g * 83')} % 2] end,
      case when ${h('g * 89')} % 2 = 0 then 5 + ${h('g * 97')} % 30 end,
      case when ${h('g * 101')} % 20 = 1 then current_date + 30 end, case when ${h('g * 101')} % 20 = 0 then current_date - 30 end,
      3 + ${h('g * 103')} % 8,
      case when ${h('g * 107')} % 100 < 90 then 'published' when ${h('g * 107')} % 100 < 97 then 'draft' else 'archived' end
    from generate_series(1, ${o.offers}) g
    join bench_provider prov on prov.k = g % ${o.providers}
    cross join (select ${textArray(themes)}::text[] as t) themes
    cross join lateral (select (array['free', 'free', 'co_financed', 'paid', 'grant', 'loan'])[1 + ${h('g * 109')} % 6] as financing) f`);
  await db.execute(sql`
    update offers o set municipalities = array(
      select distinct code from (select unnest(o.municipalities) as code union select m.code from municipalities m where m.region_code = any(o.regions)) x
      order by code)
    where o.partnership_id = ${p.id} and o.regions <> '{}'`);
  await db.execute(sql`create temporary table bench_offer as
    select id, provider_id, (row_number() over (order by id))::int as n from offers where partnership_id = ${p.id} and status <> 'draft'`);

  // Referrals over the last three years: status by age, timestamps in order and never in the future.
  await db.execute(sql`
    insert into referrals (partnership_id, company_id, offer_id, provider_id, from_organisation_id, from_user_id, message, consent_at, status,
      sent_at, response_due, received_at, started_at, closed_at, rejection_reason, outcome, satisfaction)
    select ${p.id}, c.id, o.id, o.provider_id, u.organisation_id, u.id, 'Benchmark-henvisning ' || s.g, s.sent, s.status, s.sent,
      (s.sent + interval '7 days')::date, s.received, s.started,
      case when s.status = 'afsluttet' then least(now(), s.started + (20 + ${h('s.g * 5')} % 150) * interval '1 day')
        when s.status = 'afvist' then least(now(), s.sent + (1 + ${h('s.g * 5')} % 10) * interval '1 day') end,
      case when s.status = 'afvist' then 'Uden for målgruppen' end,
      case when s.status = 'afsluttet' then 'Forløbet er gennemført' end,
      case when s.status = 'afsluttet' and ${h('s.g * 7')} % 100 < 85 then (array[2, 3, 3, 4, 4, 4, 4, 5, 5, 5])[1 + ${h('s.g * 11')} % 10] end
    from (
      select r.g, r.sent, r.status,
        case when r.status in ('modtaget', 'igangsat', 'afsluttet') then least(now(), r.sent + (1 + ${h('r.g * 13')} % 6) * interval '1 day') end as received,
        case when r.status in ('igangsat', 'afsluttet') then least(now(), r.sent + (3 + ${h('r.g * 13')} % 6 + ${h('r.g * 17')} % 20) * interval '1 day') end as started
      from (
        select g, a.sent,
          case when a.age > 120 then (case when a.r < 72 then 'afsluttet' when a.r < 90 then 'afvist' else 'igangsat' end)
            else (case when a.r < 25 then 'sendt' when a.r < 45 then 'modtaget' when a.r < 80 then 'igangsat'
              when a.r < 90 and a.age > 30 then 'afsluttet' when a.r < 90 then 'igangsat' else 'afvist' end) end as status
        from generate_series(1, ${o.referrals}) g
        cross join lateral (select ${h('g')} % 1095 as age, ${h('g * 3')} % 100 as r) x
        cross join lateral (select now() - x.age * interval '1 day' - (${h('g * 19')} % 86400) * interval '1 second' as sent, x.age, x.r) a
      ) r
    ) s
    join bench_company c on c.n = 1 + ${h('s.g * 23')} % ${o.companies}
    join bench_offer o on o.n = 1 + ${h('s.g * 29')} % (select count(*) from bench_offer)
    join bench_consultant u on u.k = s.g % ${o.offices}`);
  await db.execute(sql`drop table bench_provider, bench_company, bench_offer`);
  const consultants = (await db.execute<{ userId: string; organisationId: string }>(sql`
    select id as "userId", organisation_id as "organisationId" from bench_consultant order by k`)).rows;
  await db.execute(sql`drop table bench_consultant`);
  const [counts] = (await db.execute<{ offers: number; assessments: number; referrals: number }>(sql`
    select (select count(*)::int from offers) as offers, (select count(*)::int from needs_assessments) as assessments,
      (select count(*)::int from referrals) as referrals`)).rows;
  if (counts.offers !== o.offers || counts.assessments !== o.companies || counts.referrals !== o.referrals) {
    throw new Error(`the synthetic world is wrong: ${JSON.stringify(counts)}`);
  }
  await db.execute(sql`vacuum analyze`);
  return { partnershipId: p.id, consultants };
}
