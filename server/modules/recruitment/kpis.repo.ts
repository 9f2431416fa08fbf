import { sql } from 'drizzle-orm';
import type { RecruitmentKpiRow, RecruitmentKpis } from '../../../common/recruitment';
import type { Db } from '../../db/client';

export interface RecruitmentKpiRange {
  /** First and last day (YYYY-MM-DD, Danish time) of order creation, inclusive. */
  from: string;
  to: string;
  /** Today in Denmark: besættelsesgrad looks at orders opened ≥ 3 months before the earlier of `to` and today. */
  today: string;
  /** One holding centre only. */
  organisationId?: string;
}

/** One opened order of the period with its placement milestones (days in Danish calendar days from opening). */
interface OrderRow {
  holder_id: string;
  holder_name: string;
  job_type: string;
  openings: number;
  opened_day: string;
  days_to_first_candidate: number | null;
  days_to_fill: number | null;
  hires: number;
}

/** `iso` moved by whole calendar months, clamped to the month's last day (31 May − 3 months = 28/29 February). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

/** percentile_cont(0.5): the middle value, or the mean of the two middle values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  return (sorted[Math.floor(mid)] + sorted[Math.ceil(mid)]) / 2;
}

const round = (value: number | null, digits: number) => (value == null ? null : Number(value.toFixed(digits)));
const share = (part: number, whole: number) => (whole === 0 ? null : round(part / whole, 4));

function kpiRow(key: string, label: string, orders: readonly OrderRow[], fillCutoff: string): RecruitmentKpiRow {
  const ordinary = orders.filter((o) => o.job_type === 'ordinary');
  const proposed = (o: OrderRow) => o.days_to_first_candidate !== null;
  const matured = orders.filter((o) => proposed(o) && o.opened_day <= fillCutoff);
  return {
    key, label,
    orders: orders.length,
    openings: orders.reduce((sum, o) => sum + Number(o.openings), 0),
    ordinaryOrders: ordinary.length,
    formidlingsgrad: share(ordinary.filter(proposed).length, ordinary.length),
    besaettelsesgrad: share(matured.filter((o) => Number(o.hires) > 0).length, matured.length),
    medianDaysToFirstCandidate: round(median(orders.filter(proposed).map((o) => Number(o.days_to_first_candidate))), 1),
    medianDaysToFill: round(median(orders.filter((o) => o.days_to_fill !== null).map((o) => Number(o.days_to_fill))), 1),
    hires: orders.reduce((sum, o) => sum + Number(o.hires), 0),
  };
}

/**
 * Recruitment KPIs of a partnership for orders created in a period, in total and per holding job centre (every centre
 * of the partnership has a row). Counted: orders that left kladde (openedAt set; a draft, or a draft cancelled before it
 * was published, is not an order). Formidlingsgrad: share of ordinary orders with ≥ 1 proposed candidate (a placement
 * that reached præsenteret, i.e. presented_at set). Besættelsesgrad: of the orders with a proposed candidate opened at
 * least 3 months before the earlier of `to` and today, the share with a hire (placement status ansat). Medians in
 * Danish calendar days from opening to the first presentation and to the first hire.
 */
export async function recruitmentKpis(db: Db, partnershipId: string, range: RecruitmentKpiRange): Promise<RecruitmentKpis> {
  const tz = sql.raw(`'Europe/Copenhagen'`);
  const holder = range.organisationId ? sql`and o.holding_organisation_id = ${range.organisationId}` : sql``;
  const orders = ((await db.execute(sql`
    select o.holding_organisation_id as holder_id, h.name as holder_name, o.job_type, o.openings,
      (o.opened_at at time zone ${tz})::date::text as opened_day,
      (p.first_presented at time zone ${tz})::date - (o.opened_at at time zone ${tz})::date as days_to_first_candidate,
      (p.first_hired at time zone ${tz})::date - (o.opened_at at time zone ${tz})::date as days_to_fill,
      coalesce(p.hires, 0)::int as hires
    from job_orders o
      join organisations h on h.id = o.holding_organisation_id
      left join lateral (
        select min(pl.presented_at) as first_presented,
          min(coalesce(pl.hired_at, pl.status_changed_at)) filter (where pl.status = 'ansat') as first_hired,
          count(*) filter (where pl.status = 'ansat') as hires
        from placements pl where pl.order_id = o.id
      ) p on true
    where o.partnership_id = ${partnershipId} and o.opened_at is not null
      and (o.created_at at time zone ${tz})::date between ${range.from}::date and ${range.to}::date ${holder}`)) as unknown as { rows: OrderRow[] }).rows;

  const centres = ((await db.execute(sql`select id, name from organisations
    where partnership_id = ${partnershipId} and kind = 'jobcentre' and deactivated_at is null
      ${range.organisationId ? sql`and id = ${range.organisationId}` : sql``}`)) as unknown as { rows: { id: string; name: string }[] }).rows;
  const names = new Map(centres.map((c) => [c.id, c.name]));
  for (const o of orders) names.set(o.holder_id, o.holder_name);

  const reference = range.to < range.today ? range.to : range.today;
  const cutoff = addMonths(reference, -3);
  const byCentre = [...names.entries()]
    .map(([id, name]) => kpiRow(id, name, orders.filter((o) => o.holder_id === id), cutoff))
    .sort((a, b) => a.label.localeCompare(b.label, 'da'));
  return { from: range.from, to: range.to, total: kpiRow('total', 'I alt', orders, cutoff), byCentre };
}
