/**
 * How exported values become cells: one normalisation shared by the CSV and XLSX writers, so both
 * files say the same thing. Dates are shown in Danish time (Europe/Copenhagen) whatever the server's zone.
 */

export type CellKind = 'text' | 'number' | 'date' | 'datetime';

/** A value reduced to what a cell can hold. Dates carry Copenhagen wall-clock parts. */
export type Cell =
  | { t: 'empty' }
  | { t: 'text'; v: string }
  | { t: 'number'; v: number }
  | { t: 'bool'; v: boolean }
  | { t: 'date'; y: number; m: number; d: number }
  | { t: 'datetime'; y: number; m: number; d: number; h: number; min: number; s: number };

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;
const hourMs = 3_600_000;
const offsetCache = new Map<number, number>();
const copenhagen = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Copenhagen', hourCycle: 'h23',
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/**
 * Copenhagen's UTC offset (ms) at an instant. Offsets change only on whole hours, so one Intl call per
 * hour of time is enough even for a 100,000-row export.
 */
function copenhagenOffset(ms: number): number {
  const hour = Math.floor(ms / hourMs);
  let offset = offsetCache.get(hour);
  if (offset === undefined) {
    const p = Object.fromEntries(copenhagen.formatToParts(new Date(hour * hourMs)).map((x) => [x.type, x.value]));
    offset = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - hour * hourMs;
    if (offsetCache.size > 50_000) offsetCache.clear();
    offsetCache.set(hour, offset);
  }
  return offset;
}

function dateParts(date: Date): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const local = new Date(date.getTime() + copenhagenOffset(date.getTime()));
  return {
    y: local.getUTCFullYear(), m: local.getUTCMonth() + 1, d: local.getUTCDate(),
    h: local.getUTCHours(), min: local.getUTCMinutes(), s: local.getUTCSeconds(),
  };
}

function toDate(value: string | Date): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const day = isoDay.exec(value);
  // A bare day is a calendar day, not an instant: noon UTC lands on the same day in Copenhagen.
  const date = day ? new Date(Date.UTC(+day[1], +day[2] - 1, +day[3], 12)) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Reduces a value to a cell by the column's kind (or, without one, by the value's type). */
export function toCell(value: unknown, kind?: CellKind): Cell {
  if (value === null || value === undefined || value === '') return { t: 'empty' };
  if (kind === 'text') return { t: 'text', v: value instanceof Date ? value.toISOString() : String(value) };
  if (kind === 'date' || kind === 'datetime' || value instanceof Date) {
    const date = typeof value === 'string' || value instanceof Date ? toDate(value) : null;
    if (!date) return { t: 'text', v: String(value) };
    const p = dateParts(date);
    const asDay = kind === 'date' || (kind === undefined && typeof value === 'string' && isoDay.test(value));
    return asDay ? { t: 'date', y: p.y, m: p.m, d: p.d } : { t: 'datetime', ...p };
  }
  if (typeof value === 'boolean') return { t: 'bool', v: value };
  if (typeof value === 'number' || (kind === 'number' && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))) {
    const n = Number(value);
    return Number.isFinite(n) ? { t: 'number', v: n } : { t: 'text', v: String(value) };
  }
  if (typeof value === 'bigint') return { t: 'number', v: Number(value) };
  return { t: 'text', v: String(value) };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 21-11-2026 (Danish Excel reads dd-mm-åååå as a date). */
export const danishDay = (c: { y: number; m: number; d: number }) => `${pad(c.d)}-${pad(c.m)}-${pad(c.y, 4)}`;

/** 21-11-2026 14:05:09 */
export const danishDateTime = (c: { y: number; m: number; d: number; h: number; min: number; s: number }) =>
  `${danishDay(c)} ${pad(c.h)}:${pad(c.min)}:${pad(c.s)}`;

/** Excel's serial date (1900 system: days since 1899-12-30, the fraction is the time of day). */
export function excelSerial(c: { y: number; m: number; d: number; h?: number; min?: number; s?: number }): number {
  const days = (Date.UTC(c.y, c.m - 1, c.d) - Date.UTC(1899, 11, 30)) / 86_400_000;
  return days + ((c.h ?? 0) * 3600 + (c.min ?? 0) * 60 + (c.s ?? 0)) / 86_400;
}

/** A number as Danish Excel reads it: decimal comma, no thousands separator, no exponent. */
export function danishNumber(n: number): string {
  if (Number.isInteger(n)) return BigInt(n).toString();
  const text = Math.abs(n) < 1e-6 ? n.toFixed(12).replace(/0+$/, '').replace(/\.$/, '') : String(n);
  return text.replace('.', ',');
}
