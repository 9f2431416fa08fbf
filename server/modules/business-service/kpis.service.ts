import { badRequest } from '../../http/errors';
import { danishDate } from './referral-clock';
import type { KpiRange } from './kpis.repo';

const DAY = 86_400_000;
/** A period longer than this is refused: the working-day calendar and the KPI query stay small. */
export const maxKpiDays = 3660;

/**
 * The period of a KPI or export request: both ends optional (default the last 12 months up to today),
 * `from` not after `to`, at most ten years.
 */
export function kpiRange(query: { from?: string; to?: string }, now = new Date()): KpiRange {
  const today = danishDate(now);
  const to = query.to ?? today;
  const from = query.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 364 * DAY).toISOString().slice(0, 10);
  if (from > to) throw badRequest('invalid_period', 'Startdatoen skal ligge før eller på slutdatoen.', [{ path: 'from', message: 'Vælg en dato før slutdatoen.' }]);
  if ((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY > maxKpiDays) {
    throw badRequest('invalid_period', 'Perioden må højst være 10 år.', [{ path: 'from', message: 'Vælg en kortere periode.' }]);
  }
  return { from, to, today };
}
