import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/i18n';
import { addressLine, employeeBandLabel } from './labels';

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('da', key, params);
const n = (x: number) => new Intl.NumberFormat('da-DK').format(x);

describe('employeeBandLabel', () => {
  it('reads CVR band codes', () => {
    expect(employeeBandLabel(t, 'ANTAL_10_19', n)).toBe('10–19 ansatte');
    expect(employeeBandLabel(t, 'ANTAL_1_1', n)).toBe('1 ansat');
    expect(employeeBandLabel(t, 'ANTAL_0_0', n)).toBe('Ingen ansatte');
    expect(employeeBandLabel(t, 'ANTAL_1000_999999', n)).toBe('Mindst 1.000 ansatte');
    expect(employeeBandLabel(t, null, n)).toBe('–');
  });
});

describe('addressLine', () => {
  it('joins the parts that exist', () => {
    expect(addressLine({ street: 'Vejlevej 1', postalCode: '6000', city: 'Kolding' })).toBe('Vejlevej 1, 6000 Kolding');
    expect(addressLine({ street: null, postalCode: '6000', city: 'Kolding' })).toBe('6000 Kolding');
  });
});
