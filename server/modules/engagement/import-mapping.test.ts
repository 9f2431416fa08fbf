import { describe, expect, it } from 'vitest';
import { checkMapping, joinDanish, normaliseHeader, suggestMapping } from './import-mapping';

describe('suggestMapping', () => {
  it('maps Danish header names of an interaction export', () => {
    expect(suggestMapping('interactions', ['CVR-nr.', 'P-nr', 'Dato', 'Kontaktform', 'Formål', 'Temaer', 'Notat', 'Deltagere', 'Fortrolig', 'Opfølgning', 'Konsulent e-mail', 'ID']))
      .toEqual({
        cvr: 'CVR-nr.', pNumber: 'P-nr', date: 'Dato', channel: 'Kontaktform', purpose: 'Formål', themes: 'Temaer', notes: 'Notat',
        participants: 'Deltagere', confidential: 'Fortrolig', followUpDate: 'Opfølgning', consultantEmail: 'Konsulent e-mail', externalRef: 'ID',
      });
  });

  it('maps English names and names that contain a telling word, each column once', () => {
    expect(suggestMapping('interactions', ['Company CVR number', 'Activity date', 'Channel', 'Purpose', 'Notes', 'Follow-up date', 'External ID']))
      .toEqual({ cvr: 'Company CVR number', date: 'Activity date', channel: 'Channel', purpose: 'Purpose', notes: 'Notes', followUpDate: 'Follow-up date', externalRef: 'External ID' });
  });

  it('maps a contact export and leaves unknown columns alone', () => {
    expect(suggestMapping('contacts', ['Kontaktnavn', 'Stillingsbetegnelse', 'Mobil', 'E-mailadresse', 'Rolle', 'CVR', 'Skostørrelse']))
      .toEqual({ name: 'Kontaktnavn', title: 'Stillingsbetegnelse', phone: 'Mobil', email: 'E-mailadresse', role: 'Rolle', cvr: 'CVR' });
  });

  it('normalises header names', () => {
    expect(normaliseHeader(' Opfølgnings-dato ')).toBe('opfoelgningsdato');
    expect(normaliseHeader('Formål')).toBe('formaal');
  });
});

describe('checkMapping', () => {
  const header = ['CVR', 'Dato', 'Type', 'Formål', 'Note'];

  it('accepts a complete mapping', () => {
    expect(checkMapping('interactions', header, { cvr: 'CVR', date: 'Dato', channel: 'Type', purpose: 'Formål' }))
      .toEqual({ ok: true, mapping: { cvr: 'CVR', date: 'Dato', channel: 'Type', purpose: 'Formål' } });
  });

  it('names every missing required column in one Danish sentence', () => {
    const result = checkMapping('interactions', header, { notes: 'Note' });
    expect(result).toMatchObject({ ok: false, detail: 'Filen mangler kolonner, der skal bruges: Dato, Kontaktform, Formål og CVR-nummer eller P-nummer. Vælg dem, eller kontrollér, at det er den rigtige fil.' });
  });

  it('refuses unknown fields, columns the file lacks, and one column for two fields', () => {
    const result = checkMapping('contacts', header, { name: 'Note', cvr: 'CVR', email: 'Mail', role: 'Note', date: 'Dato' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.detail).toBe('Tilknytningen af kolonner er ikke gyldig. Ret de markerede felter.');
      expect(result.errors).toEqual([
        { path: 'email', message: 'Kolonnen «Mail» findes ikke i filen.' },
        { path: 'role', message: 'Kolonnen «Note» er allerede valgt til Navn.' },
        { path: 'date', message: 'Feltet «date» kan ikke importeres som kontaktperson.' },
      ]);
    }
  });

  it('joins Danish lists', () => {
    expect(joinDanish(['a'])).toBe('a');
    expect(joinDanish(['a', 'b', 'c'])).toBe('a, b og c');
  });
});
