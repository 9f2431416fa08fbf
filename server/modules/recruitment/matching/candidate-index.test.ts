import { describe, expect, it } from 'vitest';
import { CandidateIndex } from './candidate-index';
import { haversineKm } from './geo';
import { occ, profile, skill, testTaxonomy } from './test-taxonomy';
import type { CandidateMatch, MatchOrder, UpskillingSuggester } from './types';

const today = '2026-01-15';
const welderOrder: MatchOrder = { occupation: occ('svejser'), workplacePostalCode: '7000', hoursPerWeek: 37, startDate: '2026-02-01', languages: ['da'] };
const texts = (m: CandidateMatch | undefined) => (m ? m.reasons.map((r) => r.text) : []);
const ids = (list: { candidateId: string }[]) => list.map((m) => m.candidateId);

describe('CandidateIndex: occupation fit and reasons', () => {
  const index = new CandidateIndex(testTaxonomy(), [
    profile('a-welder', { occupations: [occ('svejser')], skills: [skill('mig-mag'), skill('tig'), skill('tegning')] }),
    profile('b-assistant', { occupations: [occ('svejser-assistent')], skills: [skill('mig-mag'), skill('tegning')] }),
    profile('c-smith', { occupations: [occ('smed')], skills: [skill('mig-mag'), skill('tegning'), skill('plade')] }),
    profile('d-warehouse', { occupations: [occ('lagermedarbejder')], skills: [skill('tegning')] }),
    profile('e-automation', { occupations: [occ('automatiktekniker')], skills: [skill('plc')] }),
  ]);
  const result = index.match(welderOrder, { today });

  it('ranks the same occupation over the same unit group over a related occupation over others', () => {
    expect(ids(result.matches)).toEqual(['a-welder', 'b-assistant', 'c-smith', 'd-warehouse']);
    expect(result.considered).toBe(4);
    const scores = result.matches.map((m) => m.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
    for (const s of scores) expect(s).toBeGreaterThanOrEqual(0);
    expect(scores[0]).toBeLessThanOrEqual(100);
    expect(scores[0]).toBeGreaterThan(90);
  });

  it('explains each match in Danish with labels from the taxonomy', () => {
    const [a, b, c, d] = result.matches;
    const km = Math.round(haversineKm(55.5650, 9.7526, 55.7113, 9.5357));
    expect(texts(a)).toEqual(['samme erhverv: svejser', '3 af 3 nødvendige kompetencer', `${km} km til arbejdspladsen (maks. 50)`,
      'kan starte straks', 'ønsker 37 timer om ugen']);
    expect(texts(b).slice(0, 3)).toEqual(['samme faggruppe (DISCO 7212): svejseassistent', '2 af 3 nødvendige kompetencer', 'mangler: TIG-svejsning']);
    expect(b.missingSkills).toEqual([{ ref: skill('tig'), label: 'TIG-svejsning' }]);
    expect(texts(c)[0]).toBe('beslægtet erhverv: smed (2 fælles nødvendige kompetencer)');
    expect(texts(d).slice(0, 3)).toEqual(['erhverv uden for faget', '1 af 3 nødvendige kompetencer', 'mangler: MIG/MAG-svejsning og TIG-svejsning']);
    expect(a.reasons[0]).toEqual({ code: 'occupation_exact', params: { occupation: 'svejser' }, text: 'samme erhverv: svejser' });
  });
});

describe('CandidateIndex: availability, hours, languages, distance', () => {
  const base = { occupations: [occ('svejser')], skills: [skill('mig-mag'), skill('tig'), skill('tegning')] };
  const index = new CandidateIndex(testTaxonomy(), [
    profile('soon', { ...base, availableFrom: '2026-02-01' }),
    profile('late', { ...base, availableFrom: '2026-05-01' }),
    profile('part-time', { ...base, hoursWanted: 25 }),
    profile('english-only', { ...base, languages: ['en'] }),
    profile('aarhus', { ...base, postalCode: '8000', maxCommuteKm: 50 }),
    profile('aarhus-no-limit', { ...base, postalCode: '8000', maxCommuteKm: null }),
    profile('no-postcode', { ...base, postalCode: null }),
  ]);
  const result = index.match({ ...welderOrder, startDate: '2026-03-01' }, { today });
  const byId = new Map(result.matches.map((m) => [m.candidateId, m]));

  it('says when a candidate can start, against the start date', () => {
    expect(texts(byId.get('soon'))).toContain('kan starte 1. februar');
    expect(texts(byId.get('late'))).toContain('kan først starte 1. maj (jobstart 1. marts)');
    expect(byId.get('late')?.score).toBeLessThan(byId.get('soon')?.score ?? 0);
  });

  it('penalises fewer hours and missing languages, and says so', () => {
    expect(texts(byId.get('part-time'))).toContain('ønsker 25 timer om ugen (jobbet er 37)');
    expect(texts(byId.get('english-only'))).toContain('mangler sprog: dansk');
    expect(byId.get('part-time')?.score).toBeLessThan(byId.get('soon')?.score ?? 0);
    expect(byId.get('english-only')?.score).toBeLessThan(byId.get('soon')?.score ?? 0);
  });

  it('excludes candidates beyond their own max commute and keeps those without a limit', () => {
    expect(byId.has('aarhus')).toBe(false);
    const far = byId.get('aarhus-no-limit');
    expect(texts(far).find((t) => t.includes('til arbejdspladsen'))).toMatch(/^\d+ km til arbejdspladsen$/);
    expect(texts(byId.get('no-postcode'))).toContain('afstanden er ukendt (postnummer mangler)');
    expect(result.nearMisses.map((n) => n.candidateId)).not.toContain('aarhus');
  });

  it('uses the municipality when the order has no postal code', () => {
    const r = index.match({ ...welderOrder, workplacePostalCode: null, workplaceMunicipalityCode: 630 }, { today });
    expect(texts(r.matches.find((m) => m.candidateId === 'soon'))).toContain('under 1 km til arbejdspladsen (maks. 50)');
  });
});

describe('CandidateIndex: certificates and near misses', () => {
  const full = [skill('mig-mag'), skill('tig'), skill('tegning')];
  const index = new CandidateIndex(testTaxonomy(), [
    profile('certified', { occupations: [occ('svejser')], skills: full, certificates: ['welding'] }),
    profile('certified-short', { occupations: [occ('svejser')], skills: [skill('mig-mag'), skill('tegning')], certificates: ['welding'] }),
    profile('uncertified', { occupations: [occ('svejser')], skills: full }),
    profile('uncertified-short', { occupations: [occ('svejser')], skills: [skill('mig-mag'), skill('tegning')] }),
    profile('uncertified-far-short', { occupations: [occ('svejser')], skills: [skill('tegning')] }),
  ]);
  const order: MatchOrder = { ...welderOrder, certificates: ['welding'] };

  it('treats certificates as hard requirements and names them', () => {
    const r = index.match(order, { today });
    expect(ids(r.matches)).toEqual(['certified', 'certified-short']);
    expect(texts(r.matches[0])).toContain('svejsecertifikat');
  });

  it('offers candidates one or two skills or certificates short as near misses, with the gaps and the upskilling seam', () => {
    const suggester: UpskillingSuggester = {
      suggest: ({ missingSkills, missingCertificates }) => [...missingSkills, ...missingCertificates]
        .map((m) => ({ closes: m.ref, title: `Kursus i ${m.label}`, ref: `kursus:${m.ref}` })),
    };
    const r = index.match(order, { today, limit: 1, upskilling: suggester });
    expect(ids(r.matches)).toEqual(['certified']);
    // Equal potential: the one closer today (all skills, only the certificate missing) comes first.
    expect(ids(r.nearMisses)).toEqual(['uncertified', 'certified-short', 'uncertified-short']);
    const [uncertified, short, both] = r.nearMisses;
    expect(short.missingSkills.map((m) => m.label)).toEqual(['TIG-svejsning']);
    expect(short.missingCertificates).toEqual([]);
    expect(short.potentialScore).toBeGreaterThan(short.score);
    expect(uncertified.missingCertificates).toEqual([{ ref: 'welding', label: 'svejsecertifikat' }]);
    expect(texts(uncertified)).toContain('mangler svejsecertifikat');
    expect(both.missingSkills).toHaveLength(1);
    expect(both.suggestions.map((s) => s.closes)).toEqual([skill('tig'), 'welding']);
    expect(index.match(order, { today, limit: 1 }).nearMisses[0].suggestions).toEqual([]);
  });

  it('turns near misses off with nearMisses: 0', () => {
    expect(index.match(order, { today, nearMisses: 0 }).nearMisses).toEqual([]);
  });
});

describe('CandidateIndex: one person at two centres', () => {
  const index = new CandidateIndex(testTaxonomy(), [
    profile('vejle-1', { personKey: 'p1', centreId: 'jc-vejle', occupations: [occ('svejser')], skills: [skill('mig-mag'), skill('tegning')] }),
    profile('kolding-1', { personKey: 'p1', centreId: 'jc-kolding', occupations: [occ('svejser')], skills: [skill('mig-mag'), skill('tig'), skill('tegning')] }),
    profile('fredericia-1', { personKey: 'p1', centreId: 'jc-fredericia', occupations: [occ('smed')], skills: [skill('plade')] }),
    profile('other', { personKey: 'p2', centreId: 'jc-vejle', occupations: [occ('svejser')], skills: [skill('mig-mag'), skill('tegning')] }),
  ]);

  it('shows the person once, with the best registration, and lists the other centres', () => {
    const r = index.match(welderOrder, { today });
    expect(ids(r.matches)).toEqual(['kolding-1', 'other']);
    expect(r.matches[0].alsoAt).toEqual(['jc-fredericia', 'jc-vejle']);
    expect(r.matches[1].alsoAt).toEqual([]);
    expect(ids(r.nearMisses)).toEqual([]);
  });

  it('drops the person from alsoAt when a registration is removed', () => {
    const copy = new CandidateIndex(testTaxonomy(), [profile('x1', { personKey: 'p', centreId: 'a', occupations: [occ('svejser')] }),
      profile('x2', { personKey: 'p', centreId: 'b', occupations: [occ('svejser')] })]);
    expect(copy.match(welderOrder, { today }).matches[0].alsoAt).toEqual(['b']);
    copy.remove('x2');
    expect(copy.match(welderOrder, { today }).matches[0].alsoAt).toEqual([]);
  });
});

describe('CandidateIndex: orders naming a DISCO-08 / ISCO-08 code', () => {
  const index = new CandidateIndex(testTaxonomy(), [
    profile('welder', { occupations: [occ('svejser')], skills: [skill('mig-mag'), skill('tig'), skill('tegning')] }),
    profile('assistant', { occupations: [occ('svejser-assistent')], skills: [skill('mig-mag')] }),
    profile('group-only', { occupations: ['7212'], skills: [skill('mig-mag'), skill('tegning')] }),
    profile('smith', { occupations: [occ('smed')], skills: [skill('mig-mag'), skill('plade')] }),
  ]);

  it('matches a unit-group order on the group, with the group\'s common essential skills as required', () => {
    const r = index.match({ occupation: '7212', workplacePostalCode: '7100' }, { today });
    expect(ids(r.matches).slice(0, 3)).toEqual(['welder', 'group-only', 'assistant']);
    expect(texts(r.matches[0]).slice(0, 2)).toEqual(['samme faggruppe (DISCO 7212): svejser', '3 af 3 nødvendige kompetencer']);
    expect(texts(r.matches[1])[0]).toBe('samme faggruppe (DISCO 7212)');
  });

  it('resolves a 6-digit DISCO code to the occupation carrying it', () => {
    const r = index.match({ occupation: '721210' }, { today });
    expect(texts(r.matches[0])[0]).toBe('samme erhverv: svejser');
    expect(texts(r.matches.find((m) => m.candidateId === 'assistant'))[0]).toBe('samme faggruppe (DISCO 7212): svejseassistent');
  });

  it('falls back to the unit group for an unknown 6-digit code', () => {
    const r = index.match({ occupation: '721299' }, { today });
    expect(ids(r.matches)).toContain('assistant');
    expect(texts(r.matches[0])[0]).toMatch(/^samme faggruppe \(DISCO 7212\)/);
  });
});

describe('CandidateIndex: named skills, target groups and order of ties', () => {
  it('uses the order\'s named required and wanted skills instead of the occupation\'s', () => {
    const index = new CandidateIndex(testTaxonomy(), [
      profile('a', { occupations: [occ('svejser')], skills: [skill('tig'), skill('skaere')] }),
      profile('b', { occupations: [occ('svejser')], skills: [skill('tig')] }),
    ]);
    const r = index.match({ occupation: occ('svejser'), requiredSkills: [skill('tig')], wantedSkills: [skill('skaere'), skill('tig')] }, { today });
    expect(ids(r.matches)).toEqual(['a', 'b']);
    expect(texts(r.matches[0]).slice(1, 3)).toEqual(['1 af 1 nødvendige kompetencer', '1 af 1 ønskede kompetencer']);
  });

  it('admits only the target groups the job type allows', () => {
    const index = new CandidateIndex(testTaxonomy(), [
      profile('flex', { occupations: [occ('svejser')], targetGroup: 'fleksjob' }),
      profile('ordinary', { occupations: [occ('svejser')], targetGroup: 'dagpenge' }),
      profile('none', { occupations: [occ('svejser')] }),
    ]);
    expect(ids(index.match({ ...welderOrder, targetGroups: ['fleksjob'] }, { today }).matches)).toEqual(['flex']);
    expect(ids(index.match({ ...welderOrder, targetGroups: ['igu'] }, { today }).matches)).toEqual([]);
    expect(index.match(welderOrder, { today }).matches).toHaveLength(3);
  });

  it('orders equal scores by id and honours the limit', () => {
    const same = { occupations: [occ('svejser')], skills: [skill('mig-mag')] };
    const index = new CandidateIndex(testTaxonomy(), ['k', 'c', 'x', 'a'].map((id) => profile(id, same)));
    expect(ids(index.match(welderOrder, { today }).matches)).toEqual(['a', 'c', 'k', 'x']);
    expect(ids(index.match(welderOrder, { today, limit: 2 }).matches)).toEqual(['a', 'c']);
  });

  it('rejects an invalid profile and leaves the index unchanged', () => {
    const index = new CandidateIndex(testTaxonomy(), [profile('a', { occupations: [occ('svejser')] })]);
    expect(() => index.upsert(profile('a', { availableFrom: 'snart' }))).toThrow(/Ugyldig dato/);
    expect(() => index.upsert(profile('b', { maxCommuteKm: -1 }))).toThrow();
    expect(index.size).toBe(1);
    expect(ids(index.match(welderOrder, { today }).matches)).toEqual(['a']);
  });
});
