import { describe, expect, it } from 'vitest';
import { compareDa, daSortKey } from './text';

describe('Danish sort order', () => {
  it('puts Æ, Ø, Å after Z, in that order, and reads "Aa" as Å', () => {
    const names = ['Åbenrå Smed', 'Zebra ApS', 'Aalborg Stål', 'Øster Plast', 'Ærø Maskiner', 'Abe', 'Vejle Plast', 'ærlig Bager'];
    expect([...names].sort(compareDa)).toEqual([
      'Abe', 'Vejle Plast', 'Zebra ApS', 'ærlig Bager', 'Ærø Maskiner', 'Øster Plast', 'Åbenrå Smed', 'Aalborg Stål',
    ]);
  });

  it('folds case and foreign accents but keeps Danish letters apart', () => {
    expect(daSortKey('ÉCLAIR')).toBe(daSortKey('eclair'));
    expect(daSortKey('Müller')).toBe(daSortKey('myller'));
    expect(daSortKey('Ø')).not.toBe(daSortKey('O'));
    expect(compareDa('Ä', 'Ø')).toBeLessThan(0);
    expect(compareDa('Ö', 'Å')).toBeLessThan(0);
  });
});
