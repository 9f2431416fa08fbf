import { describe, expect, it } from 'vitest';
import { allocateSchools } from './solve';
import { hostOffer, schoolClass } from './test-fixtures';
import type { AllocationResult, Shortage } from './types';

function shortageOf(result: AllocationResult): { shortage: Shortage; codes: string[]; texts: string[] } {
  if (result.status !== 'infeasible') throw new Error(`expected infeasible, got ${result.status}`);
  return { shortage: result.shortage, codes: result.problems.map((p) => p.code), texts: result.problems.map((p) => p.text) };
}

describe('allocateSchools: infeasible input is reported, never a partial plan', () => {
  it('reports capacity short by exactly 12 classes, and where', async () => {
    // 40 classes in Aarhus (751), 14 offers × 2 weeks = 28 places: 12 short. Plus an unrelated, fine corner in 101.
    const classes = [
      ...Array.from({ length: 40 }, (_, i) => schoolClass(`a${i}`)),
      schoolClass('k0', { municipalityCode: '101', lat: 55.68, lon: 12.57 }),
    ];
    const hosts = [
      ...Array.from({ length: 14 }, (_, i) => hostOffer(`h${i}`, { weeks: [12, 13] })),
      hostOffer('kh', { municipalityCode: '101', lat: 55.68, lon: 12.57, weeks: [12] }),
    ];
    const { shortage, codes, texts } = shortageOf(await allocateSchools({ classes, hosts }));
    expect(shortage.shortClasses).toBe(12);
    expect(shortage.totalClasses).toBe(41);
    expect(shortage.totalCapacity).toBe(29);
    expect(shortage.noEligibleHost).toEqual([]);
    // The Copenhagen class reaches every host too (distance is a cost, not a rule), so it joins the bottleneck.
    expect(shortage.bottlenecks).toHaveLength(1);
    const [b] = shortage.bottlenecks;
    expect(b).toMatchObject({ short: 12, classes: 41, capacity: 29, allWeeks: true });
    expect(b.municipalities[0]).toEqual({ municipalityCode: '751', classes: 40, capacity: 28 });
    expect(codes).toEqual(['capacity.short_total', 'capacity.short']);
    expect(texts[0]).toBe('Der kan ikke laves en plan for alle klasser: 12 klasser af 41 kan ikke få en plads. Værterne har 29 ledige pladser i alt.');
    expect(texts[1]).toContain('Der mangler plads til 12 klasser: 41 klasser kan kun bruge værter med 29 ledige pladser');
    expect(texts[1]).toContain('kommune 751: 40 klasser, 28 pladser');
  });

  it('points at the week when the classes\' suitable weeks force the shortage', async () => {
    const classes = [
      ...Array.from({ length: 20 }, (_, i) => schoolClass(`w${i}`, { suitableWeeks: [12] })),
      ...Array.from({ length: 5 }, (_, i) => schoolClass(`any${i}`)),
    ];
    const hosts = [
      ...Array.from({ length: 4 }, (_, i) => hostOffer(`h${i}`, { weeks: [12, 13, 14], classesPerWeek: 2 })),
    ];
    const { shortage, codes, texts } = shortageOf(await allocateSchools({ classes, hosts }));
    expect(shortage.shortClasses).toBe(12);
    const [b] = shortage.bottlenecks;
    expect(b).toMatchObject({ short: 12, classes: 20, capacity: 8, weeks: [12], allWeeks: false });
    expect(codes).toContain('capacity.short_in_weeks');
    expect(texts.find((t) => t.startsWith('Der mangler'))).toContain('i uge 12');
  });

  it('lists classes that have no eligible host at all, with the cause', async () => {
    const classes = [
      schoolClass('big', { pupils: 40 }),
      schoolClass('late', { suitableWeeks: [40] }),
      schoolClass('banned'),
      schoolClass('ok'),
    ];
    const hosts = [hostOffer('h1', { maxPupils: 30, weeks: [12, 13], classesPerWeek: 3 })];
    const { shortage, codes, texts } = shortageOf(await allocateSchools({ classes, hosts, forbidden: [{ classId: 'banned', companyId: 'co-h1' }] }));
    expect(shortage.shortClasses).toBe(3);
    expect(shortage.noEligibleHost).toEqual([
      { classId: 'big', label: '8.big', causes: ['too_many_pupils'] },
      { classId: 'late', label: '8.late', causes: ['no_week_overlap'] },
      { classId: 'banned', label: '8.banned', causes: ['all_forbidden'] },
    ]);
    expect(shortage.bottlenecks).toEqual([]);
    expect(codes.filter((c) => c === 'class.no_eligible_host')).toHaveLength(3);
    expect(texts).toContain('Klasse 8.big kan ikke placeres: den har 40 elever, men ingen vært tager mere end 30.');
    expect(texts).toContain('Klasse 8.late kan ikke placeres: ingen vært tilbyder de uger, der passer klassen (40).');
    expect(texts).toContain('Klasse 8.banned kan ikke placeres: alle værter er udelukket for klassen.');
  });

  it('counts places taken by locks', async () => {
    const classes = [schoolClass('a'), schoolClass('b'), schoolClass('c')];
    const hosts = [hostOffer('h', { weeks: [12, 13] })];
    const { shortage } = shortageOf(await allocateSchools({ classes, hosts, locks: [{ classId: 'a', hostOfferId: 'h', week: 12 }] }));
    expect(shortage.shortClasses).toBe(1);
    expect(shortage.totalCapacity).toBe(1);
    expect(shortage.bottlenecks[0]).toMatchObject({ short: 1, classes: 2, capacity: 1 });
  });
});
