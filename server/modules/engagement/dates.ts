/** Today's date in Denmark as YYYY-MM-DD: "today" for a Danish user, whatever the server's time zone. */
export function todayInDenmark(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(now);
}

/** A YYYY-MM-DD date moved by `days` (calendar arithmetic in UTC, so no daylight-saving surprises). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A timestamp as ISO 8601, whichever form a driver returns it in. */
export const isoTimestamp = (value: string | Date): string => new Date(value).toISOString();
