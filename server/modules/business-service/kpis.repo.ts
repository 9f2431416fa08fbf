import { sql } from 'drizzle-orm';
import type { ReferralKpiRow, ReferralKpis } from '../../../common/referrals';
import type { Db } from '../../db/client';
import { danishDate } from './referral-clock';

export interface KpiRange {
  /** First day of sending (YYYY-MM-DD, Danish time), inclusive. */
  from: string;
  /** Last day of sending, inclusive. */
  to: string;
  /** Today in Denmark, for "overdue" (defaults to the real today). */
  today?: string;
}

/** One offer's row of the KPI query: its counts and its response-time distribution (working days → referrals). */
interface Row {
  offer_id: string;
  offer_title: string;
  themes: string[];
  provider_id: string;
  provider_name: string;
  sent: number;
  received: number;
  started: number;
  closed: number;
  rejected: number;
  overdue: number;
  sat_sum: number;
  sat_n: number;
  /** Distinct response times (working days) of the answered referrals, with how many referrals had each. */
  days: number[] | null;
  day_counts: number[] | null;
}

/** Counts and the response-time distribution (working days → referrals) of one KPI row. */
class Tally {
  sent = 0; received = 0; started = 0; closed = 0; rejected = 0; overdue = 0; satSum = 0; satN = 0;
  readonly histogram = new Map<number, number>();
  constructor(readonly key: string, readonly label: string) {}

  add(r: Row): void {
    this.sent += Number(r.sent); this.received += Number(r.received); this.started += Number(r.started);
    this.closed += Number(r.closed); this.rejected += Number(r.rejected); this.overdue += Number(r.overdue);
    this.satSum += Number(r.sat_sum); this.satN += Number(r.sat_n);
    const counts = r.day_counts ?? [];
    for (const [i, days] of (r.days ?? []).entries()) this.histogram.set(Number(days), (this.histogram.get(Number(days)) ?? 0) + Number(counts[i]));
  }

  /** percentile_cont(p) over the distribution: linear interpolation between the two nearest ranks, as PostgreSQL does it. */
  percentile(p: number): number | null {
    const values = [...this.histogram.entries()].sort((a, b) => a[0] - b[0]);
    const n = values.reduce((sum, [, count]) => sum + count, 0);
    if (n === 0) return null;
    const position = p * (n - 1);
    const at = (rank: number) => {
      let seen = 0;
      for (const [value, count] of values) {
        seen += count;
        if (rank < seen) return value;
      }
      return values[values.length - 1][0];
    };
    const lower = at(Math.floor(position));
    return lower + (position - Math.floor(position)) * (at(Math.ceil(position)) - lower);
  }

  row(): ReferralKpiRow {
    return {
      key: this.key, label: this.label, sent: this.sent, received: this.received, started: this.started, closed: this.closed,
      rejected: this.rejected, overdue: this.overdue, conversion: this.sent ? round(this.started / this.sent, 4) : null,
      medianResponseDays: round(this.percentile(0.5), 1), p90ResponseDays: round(this.percentile(0.9), 1),
      meanSatisfaction: this.satN ? round(this.satSum / this.satN, 2) : null,
    };
  }
}

const round = (value: number | null, digits: number) => (value == null ? null : Number(value.toFixed(digits)));
const byVolumeThenName = (a: ReferralKpiRow, b: ReferralKpiRow) => b.sent - a.sent || a.label.localeCompare(b.label, 'da');

/**
 * Referral KPIs of a partnership for referrals sent in a period (Danish days), in one set-based query: the
 * referrals grouped by offer and response time, then one row per offer with its response-time distribution as two
 * arrays, rolled up here into the total and the rows by provider, offer and theme (a referral counts under each theme of its offer). Grouping on the response time
 * keeps its whole distribution, so the median and 90th percentile are exact (percentile_cont's interpolation)
 * without sorting the referrals once per grouping. Response time is working days from sending to the provider's
 * first answer (received, or rejected straight away); the Danish sending day and the response time are columns a
 * trigger keeps current from the timestamps and the working-day calendar (migration referral_kpi_calendar), so
 * the query only groups. Conversion is started ÷ sent; overdue is "still sendt after the deadline" today.
 */
export async function referralKpis(db: Db, partnershipId: string, range: KpiRange): Promise<ReferralKpis> {
  const today = range.today ?? danishDate();
  const result = (await db.execute(sql`
    with grouped as (
      select r.offer_id, r.response_days as days,
        count(*)::int as sent, count(r.received_at)::int as received, count(r.started_at)::int as started,
        count(*) filter (where r.status = 'afsluttet')::int as closed,
        count(*) filter (where r.status = 'afvist')::int as rejected,
        count(*) filter (where r.status = 'sendt' and r.response_due < ${today}::date)::int as overdue,
        coalesce(sum(r.satisfaction), 0)::int as sat_sum, count(r.satisfaction)::int as sat_n
      from referrals r
      where r.partnership_id = ${partnershipId} and r.sent_day between ${range.from}::date and ${range.to}::date
      group by 1, 2
    ), by_offer as (
      select offer_id, sum(sent)::int as sent, sum(received)::int as received, sum(started)::int as started,
        sum(closed)::int as closed, sum(rejected)::int as rejected, sum(overdue)::int as overdue,
        sum(sat_sum)::int as sat_sum, sum(sat_n)::int as sat_n,
        array_agg(days order by days) filter (where days is not null) as days,
        array_agg(sent order by days) filter (where days is not null) as day_counts
      from grouped group by offer_id
    )
    select g.*, o.title as offer_title, o.themes, o.provider_id, p.name as provider_name
    from by_offer g join offers o on o.id = g.offer_id join organisations p on p.id = o.provider_id`)) as unknown as { rows: Row[] };

  const total = new Tally('total', 'I alt');
  const groups = { provider: new Map<string, Tally>(), offer: new Map<string, Tally>(), theme: new Map<string, Tally>() };
  const tally = (map: Map<string, Tally>, key: string, label: string) => {
    let found = map.get(key);
    if (!found) map.set(key, found = new Tally(key, label));
    return found;
  };
  for (const r of result.rows) {
    total.add(r);
    tally(groups.provider, r.provider_id, r.provider_name).add(r);
    tally(groups.offer, r.offer_id, `${r.offer_title} (${r.provider_name})`).add(r);
    for (const theme of r.themes ?? []) tally(groups.theme, theme, theme).add(r);
  }
  const rows = (map: Map<string, Tally>) => [...map.values()].map((x) => x.row()).sort(byVolumeThenName);
  return {
    from: range.from, to: range.to, total: total.row(),
    byProvider: rows(groups.provider), byOffer: rows(groups.offer), byTheme: rows(groups.theme),
  };
}
