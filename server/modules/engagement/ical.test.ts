import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine } from './ical';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');
/** Undoes RFC 5545 folding: a CRLF followed by one space joins the lines. */
const unfold = (s: string) => s.replace(/\r\n /g, '');

describe('iCal TEXT escaping', () => {
  it('escapes backslash, semicolon, comma and every kind of newline', () => {
    expect(escapeText('a\\b;c,d')).toBe('a\\\\b\\;c\\,d');
    expect(escapeText('linje 1\nlinje 2\r\nlinje 3\rslut')).toBe('linje 1\\nlinje 2\\nlinje 3\\nslut');
    // The backslash is escaped first, so an escaped comma is not escaped twice.
    expect(escapeText('\\,')).toBe('\\\\\\,');
    expect(escapeText('Blåbærgrød ApS')).toBe('Blåbærgrød ApS');
  });
});

describe('iCal line folding', () => {
  it('leaves lines of at most 75 octets alone', () => {
    const line = `SUMMARY:${'x'.repeat(67)}`;
    expect(octets(line)).toBe(75);
    expect(foldLine(line)).toBe(line);
  });

  it('folds at 75 octets with CRLF + space, never splitting a multi-byte character', () => {
    const line = `SUMMARY:${'æøå'.repeat(40)}`; // 8 + 240 octets
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(3);
    for (const [i, part] of physical.entries()) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
      // Each part decodes on its own: no replacement character from a cut sequence.
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
      expect(part).not.toContain('\uFFFD');
    }
    expect(unfold(folded)).toBe(line);
    // 8 ASCII octets + 33 two-octet characters = 74: the 34th would make 76, so the first line stops at 74.
    expect(octets(physical[0])).toBe(74);
  });

  it('handles four-octet characters', () => {
    const line = `DESCRIPTION:${'📅'.repeat(30)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(octets(part)).toBeLessThanOrEqual(75);
    expect(unfold(folded)).toBe(line);
  });
});

describe('buildCalendar', () => {
  const now = new Date('2026-11-21T08:09:10.123Z');
  const ics = buildCalendar({
    name: 'Samspil – Søren Ærø', prodId: '-//Samspil//Kalender//DA', now,
    events: [{
      uid: 'task-1@samspil', date: '2026-12-31', summary: 'Ring tilbage, tilbud; Bager Ålund',
      description: `Virksomhed: Bager Ålund\nhttps://samspil.example/virksomheder/${'a'.repeat(36)}`,
    }],
  });

  it('uses CRLF for every line and ends with one', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes the calendar and an all-day event', () => {
    const lines = unfold(ics).split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Samspil//Kalender//DA']);
    expect(lines).toContain('X-WR-CALNAME:Samspil – Søren Ærø');
    expect(lines).toContain('UID:task-1@samspil');
    expect(lines).toContain('DTSTAMP:20261121T080910Z');
    expect(lines).toContain('DTSTART;VALUE=DATE:20261231');
    expect(lines).toContain('DTEND;VALUE=DATE:20270101');
    expect(lines).toContain('SUMMARY:Ring tilbage\\, tilbud\\; Bager Ålund');
    expect(lines.find((l) => l.startsWith('DESCRIPTION:'))).toBe(
      `DESCRIPTION:Virksomhed: Bager Ålund\\nhttps://samspil.example/virksomheder/${'a'.repeat(36)}`);
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it('writes an empty calendar without events', () => {
    const empty = buildCalendar({ name: 'X', prodId: 'P', now, events: [] });
    expect(empty).not.toContain('BEGIN:VEVENT');
    expect(empty).toContain('BEGIN:VCALENDAR\r\n');
  });
});
