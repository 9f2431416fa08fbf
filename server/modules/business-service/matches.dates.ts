/** Calendar days as the business service judges them: Danish time, ISO `YYYY-MM-DD`. */

// Swedish writes dates as ISO (YYYY-MM-DD); made once, as creating a formatter is slow.
const danishDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Denmark, whatever the server's time zone. */
export function todayInDenmark(now: Date = new Date()): string {
  return danishDay.format(now);
}

/** The calendar quarter a day falls in: its first day and the first day of the next quarter (exclusive end). */
export function quarterOf(isoDate: string): { from: string; to: string } {
  const year = Number(isoDate.slice(0, 4));
  const firstMonth = Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) * 3 + 1;
  const nextMonth = firstMonth + 3;
  const pad = (m: number) => String(m).padStart(2, '0');
  return {
    from: `${year}-${pad(firstMonth)}-01`,
    to: nextMonth > 12 ? `${year + 1}-01-01` : `${year}-${pad(nextMonth)}-01`,
  };
}

/** A timestamp as ISO 8601, whichever form a driver returns it in. */
export const isoTimestamp = (value: string | Date): string => new Date(value).toISOString();
