import { describe, expect, it } from 'vitest';
import { engagementThemes } from '../../../../common/engagement';
import { seededRandom } from '../../../../common/random';
import { prepareOffers, rankOffers, topOffers } from './rank';
import type { MatchAssessment, MatchCompany, MatchOffer, OfferOutcomes } from './types';

const company: MatchCompany = {
  employees: 45, industryCode: '251100', industrySection: 'C', municipalityCode: 621, municipalityName: 'Kolding Kommune',
  regionCode: 1083, startDate: '2004-03-01',
};
const assessment: MatchAssessment = {
  date: '2026-11-20', segment: 'growth', turnoverDkk: 40_000_000,
  priorities: { automation_digitalisation: 5, green_transition: 3, leadership: 1 },
};

function offer(id: string, over: Partial<MatchOffer> = {}): MatchOffer {
  return {
    id, title: `Ydelse ${id}`, providerName: 'Teknologisk Institut', themes: ['automation_digitalisation'],
    minEmployees: null, maxEmployees: null, industries: [], municipalities: [], regions: [], minTurnoverDkk: null,
    segment: null, minCompanyAgeYears: null, maxCompanyAgeYears: null, capacityPerQuarter: null, usedThisQuarter: 0,
    activeFrom: null, activeTo: null, status: 'published', ...over,
  };
}

describe('rankOffers', () => {
  it('explains an eligible offer in plain Danish', () => {
    const result = rankOffers([offer('a', {
      minEmployees: 10, maxEmployees: 249, industries: ['C'], municipalities: [621], capacityPerQuarter: 8, usedThisQuarter: 3,
    })], company, assessment, new Map([['a', { completed: 3, meanSatisfaction: 4.6, rejected: 0 }]]));
    expect(result.ineligible).toEqual([]);
    const texts = result.eligible[0].reasons.map((r) => r.text);
    expect(texts).toEqual([
      'tema automatisering og digitalisering, prioritet 5',
      '45 ansatte, inden for 10–249',
      'branche 25.11.00 (C) er omfattet',
      'Kolding Kommune er omfattet',
      'ledig kapacitet i kvartalet (5 af 8)',
      '3 lignende virksomheder afsluttede forløbet med tilfredshed 4,6',
    ]);
  });

  it('lists ineligible offers apart with the rules that exclude them', () => {
    const result = rankOffers([
      offer('small', { maxEmployees: 9 }),
      offer('trade', { industries: ['G', '46'] }),
      offer('aarhus', { municipalities: [751] }),
      offer('rich', { minTurnoverDkk: 100_000_000 }),
      offer('ops', { segment: 'operations' }),
      offer('young', { maxCompanyAgeYears: 5 }),
      offer('later', { activeFrom: '2027-01-01' }),
      offer('draft', { status: 'draft' }),
    ], company, assessment);
    expect(result.eligible).toEqual([]);
    const rules = Object.fromEntries(result.ineligible.map((x) => [x.offerId, x.rules.map((r) => r.text)]));
    expect(rules).toEqual({
      small: ['45 ansatte, uden for højst 9'],
      trade: ['branche 25.11.00 er ikke omfattet (kun G, 46)'],
      aarhus: ['Kolding Kommune er ikke omfattet af ydelsens geografi'],
      rich: ['omsætning 40.000.000 kr., under kravet på 100.000.000 kr.'],
      ops: ['ydelsen er kun for driftsvirksomheder'],
      young: ['virksomheden er 22 år, ydelsen kræver højst 5 år'],
      later: ['ydelsen gælder først fra 1. januar 2027'],
      draft: ['ydelsen er ikke offentliggjort'],
    });
  });

  it('ranks by theme fit × priority, capacity and earlier outcomes', () => {
    const offers = [
      offer('green', { title: 'Grøn omstilling', themes: ['green_transition'] }),
      offer('auto', { title: 'Automatisering', themes: ['automation_digitalisation'] }),
      offer('full', { title: 'Automatisering, fuldt', themes: ['automation_digitalisation'], capacityPerQuarter: 4, usedThisQuarter: 4 }),
      offer('loved', { title: 'Automatisering, rost', themes: ['automation_digitalisation'] }),
      offer('export', { title: 'Eksport', themes: ['export'] }),
    ];
    const outcomes = new Map<string, OfferOutcomes>([['loved', { completed: 6, meanSatisfaction: 4.8, rejected: 0 }]]);
    const result = rankOffers(offers, company, assessment, outcomes);
    expect(result.eligible.map((r) => r.offerId)).toEqual(['loved', 'auto', 'green', 'full', 'export']);
    expect(result.eligible.find((r) => r.offerId === 'export')!.score).toBe(0);
    expect(result.eligible.find((r) => r.offerId === 'export')!.reasons[0].code).toBe('theme_none');
    expect(result.eligible.find((r) => r.offerId === 'full')!.reasons.map((r) => r.code)).toContain('capacity_full');
    const rejected = rankOffers([offer('r')], company, assessment, new Map([['r', { completed: 0, meanSatisfaction: null, rejected: 1 }]]));
    expect(rejected.eligible[0].reasons.map((r) => r.text)).toContain('1 lignende henvisning blev afvist af udbyderen');
  });

  it('never excludes on a fact the company record lacks, but says so and scores it lower', () => {
    const unknown: MatchCompany = { ...company, employees: null, startDate: null };
    const result = rankOffers([offer('a', { minEmployees: 10, maxCompanyAgeYears: 10 }), offer('b')], unknown, assessment);
    expect(result.eligible.map((r) => r.offerId)).toEqual(['b', 'a']);
    expect(result.eligible[1].reasons.map((r) => r.code)).toEqual(['theme', 'employees_unknown', 'age_unknown']);
  });

  it('orders equal scores by title in Danish order (Å after Z)', () => {
    const result = rankOffers([offer('1', { title: 'Åben værksted' }), offer('2', { title: 'Zone-forløb' }), offer('3', { title: 'Aalborg-model' })], company, assessment);
    // "Aa" is Å, so Åben (Å-b) precedes Aalborg (Å-l), both after Z.
    expect(result.eligible.map((r) => r.offerId)).toEqual(['2', '1', '3']);
  });
});

describe('topOffers (batch ranking without reasons)', () => {
  it('makes the same decisions and scores as rankOffers on random data', () => {
    const random = seededRandom(42);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    const maybe = <T>(value: T) => (random() < 0.3 ? value : null);
    const offers: MatchOffer[] = Array.from({ length: 300 }, (_, i) => offer(`o${i}`, {
      title: `Tilbud ${String(i).padStart(3, '0')}`,
      themes: Array.from(new Set([pick(engagementThemes), pick(engagementThemes)])),
      minEmployees: maybe(Math.floor(random() * 50)), maxEmployees: maybe(50 + Math.floor(random() * 300)),
      industries: random() < 0.3 ? [pick(['C', 'G', '25', '2511', 'F'])] : [],
      municipalities: random() < 0.2 ? [pick([621, 630, 751])] : [], regions: random() < 0.1 ? [pick([1083, 1082])] : [],
      minTurnoverDkk: maybe(Math.floor(random() * 60) * 1_000_000), segment: maybe(pick(['growth', 'operations'] as const)),
      minCompanyAgeYears: maybe(Math.floor(random() * 10)), maxCompanyAgeYears: maybe(10 + Math.floor(random() * 30)),
      capacityPerQuarter: maybe(Math.floor(random() * 10)), usedThisQuarter: Math.floor(random() * 10),
      activeTo: random() < 0.05 ? '2026-01-01' : null,
    }));
    const outcomes = new Map<string, OfferOutcomes>(offers.filter(() => random() < 0.3).map((o) => [o.id, {
      completed: Math.floor(random() * 8), meanSatisfaction: random() < 0.8 ? 1 + Math.round(random() * 40) / 10 : null, rejected: Math.floor(random() * 3),
    }]));
    const prepared = prepareOffers(offers);
    for (let i = 0; i < 50; i += 1) {
      const c: MatchCompany = {
        ...company, employees: random() < 0.1 ? null : Math.floor(random() * 400), municipalityCode: pick([621, 630, 751]),
        industryCode: pick(['251100', '471100', '412000']), industrySection: null, startDate: random() < 0.1 ? null : `${1980 + Math.floor(random() * 45)}-06-01`,
      };
      c.industrySection = c.industryCode!.startsWith('25') ? 'C' : c.industryCode!.startsWith('47') ? 'G' : 'F';
      const a: MatchAssessment = {
        ...assessment, segment: maybe(pick(['growth', 'operations'] as const)), turnoverDkk: maybe(Math.floor(random() * 80) * 1_000_000),
        priorities: Object.fromEntries(engagementThemes.map((t) => [t, Math.floor(random() * 6)])),
      };
      const full = rankOffers(offers, c, a, outcomes);
      // Prepared offers (sort keys computed once) rank exactly as the plain list does.
      expect(rankOffers(prepared, c, a, outcomes)).toEqual(full);
      // Explaining only what a page shows (the fast path for the rest) gives the full ranking cut at the limit.
      expect(rankOffers(prepared, c, a, outcomes, { limit: 7 })).toEqual({
        ...full, eligible: full.eligible.slice(0, 7), ineligible: full.ineligible.slice(0, 7),
      });
      const top = topOffers(prepared, c, a, outcomes, 10);
      expect(top).toEqual(full.eligible.slice(0, 10).map((r) => ({ offerId: r.offerId, score: r.score })));
    }
  });
});
