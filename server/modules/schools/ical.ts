/*
 * A small RFC 5545 writer for the allocation's calendar files: all-day events spanning a visit week.
 */

export interface WeekEvent {
  uid: string;
  /** First and last day (YYYY-MM-DD), both included. */
  start: string;
  end: string;
  summary: string;
  location: string;
  description: string;
}

const escapeText = (v: string) => v.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
const encoder = new TextEncoder();

/** Lines of at most 75 octets, continued with a space; never splits a UTF-8 character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) { parts.push(current); current = ''; octets = 0; limit = 74; }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compact = (d: string) => d.replace(/-/g, '');
function dayAfter(d: string): string {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + 1);
  return x.toISOString().slice(0, 10);
}

export function buildIcs(name: string, events: readonly WeekEvent[], now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Samspil//Skoler//DA', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`];
  for (const e of events) {
    lines.push('BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${stamp}`, `DTSTART;VALUE=DATE:${compact(e.start)}`,
      `DTEND;VALUE=DATE:${compact(dayAfter(e.end))}`, `SUMMARY:${escapeText(e.summary)}`, `LOCATION:${escapeText(e.location)}`,
      `DESCRIPTION:${escapeText(e.description)}`, 'TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
