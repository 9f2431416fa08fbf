import { describe, expect, it } from 'vitest';
import {
  parseBoolean, parseChannel, parseCvr, parseDate, parseEmail, parsePNumber, parsePurpose, parseText, parseThemes,
} from './import-values';

const value = <T>(parsed: { ok: true; value: T } | { ok: false }) => (parsed.ok ? parsed.value : 'FEJL');

describe('import cell parsers', () => {
  it('reads ISO, Danish day-first and spelled-out dates, and refuses impossible or two-digit-year ones', () => {
    expect(['2024-03-05', '2024-3-5 14:30', '05-03-2024', '5.3.2024', '05/03/2024', '5. marts 2024', '5 mar 2024'].map((d) => value(parseDate(d))))
      .toEqual(Array(7).fill('2024-03-05'));
    expect(parseDate('30-02-2024')).toMatchObject({ ok: false, code: 'invalid_date', message: 'Ugyldig dato «30-02-2024». Skriv datoen som ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ.' });
    expect(parseDate('05-03-24').ok).toBe(false);
    expect(parseDate('i går').ok).toBe(false);
  });

  it('knows the common spellings of channels and purposes', () => {
    expect(['Besøg', 'virksomhedsbesøg', 'Tlf.', 'Telefonopkald', 'Teams-møde', 'E-mail', 'mail', 'Netværksmøde', 'visit', 'PHONE'].map((c) => value(parseChannel(c))))
      .toEqual(['visit', 'visit', 'phone', 'phone', 'meeting', 'email', 'email', 'event', 'visit', 'phone']);
    expect(parseChannel('Brevdue')).toMatchObject({ ok: false, code: 'invalid_channel', params: { value: 'Brevdue' } });
    expect(['Rekruttering', 'fastholdelse', 'Kompetenceudvikling', 'Forretningsudvikling', 'business_development'].map((p) => value(parsePurpose(p))))
      .toEqual(['recruitment', 'retention', 'upskilling', 'business_development', 'business_development']);
    expect(parsePurpose('Hygge').ok).toBe(false);
  });

  it('reads themes in the partnership\'s order without repeats, and refuses unknown ones', () => {
    expect(value(parseThemes('Eksport, Grøn omstilling | eksport; Automatisering'))).toEqual(['automation_digitalisation', 'green_transition', 'export']);
    expect(value(parseThemes(''))).toEqual([]);
    expect(parseThemes('Eksport, Golf')).toMatchObject({ ok: false, code: 'invalid_theme', params: { value: 'Golf' } });
  });

  it('reads yes and no as spreadsheets write them', () => {
    expect(['ja', 'Ja', 'X', 'true', '1', 'Fortrolig'].map((b) => value(parseBoolean(b)))).toEqual(Array(6).fill(true));
    expect(['nej', '', 'N', 'false', '0'].map((b) => value(parseBoolean(b)))).toEqual(Array(5).fill(false));
    expect(parseBoolean('måske')).toMatchObject({ ok: false, message: '«måske» er hverken ja eller nej.' });
  });

  it('checks e-mails, CVR numbers (modulus 11) and P-numbers (10 digits, no modulus check)', () => {
    expect(value(parseEmail(' Karin@Kolding.DK '))).toBe('karin@kolding.dk');
    expect(parseEmail('karin@').ok).toBe(false);
    expect(value(parseCvr('DK 13 74 81 36'))).toBe('13748136');
    expect(parseCvr('13748137')).toMatchObject({ ok: false, code: 'invalid_cvr' });
    expect(value(parsePNumber('1 000 000 001'))).toBe('1000000001');
    expect(parsePNumber('12345').ok).toBe(false);
  });

  it('limits free text', () => {
    expect(value(parseText('  kort  ', 10))).toBe('kort');
    expect(parseText('x'.repeat(11), 10)).toMatchObject({ ok: false, code: 'too_long', message: 'Teksten er for lang (11 tegn; højst 10).' });
  });
});
