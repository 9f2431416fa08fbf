import { isValidCvr } from '../../../common/cvr';
import type { CvrCompanyRecord, CvrUnitRecord } from './cvr.parse';
import {
  demoBands, demoIndustries, demoMunicipalities, familyNames, legalForms, placeNames, streetNames,
  type DemoIndustry, type DemoMunicipality,
} from './demo-data';
import { industrySectionOf } from './industry-section';
import { seededRandom } from '../../../common/random';

/** A synthetic company with the full details of its production units. */
export interface DemoCompany extends CvrCompanyRecord {
  units: CvrUnitRecord[];
}

export interface DemoOptions {
  seed?: number;
  /**
   * First 7-digit CVR prefix. Demo CVRs start at 9 (real CVR numbers are issued in sequence and are
   * still below 50,000,000), so they cannot collide with a real company imported later.
   */
  cvrPrefixStart?: number;
  /** Real P-numbers start with 10; demo P-numbers start with 98. */
  pNumberStart?: number;
  /** Leave out the fixed anchor companies (the benchmark does). */
  withoutAnchors?: boolean;
}

/** The valid CVR with this 7-digit prefix (weight 1 on the last digit makes it unique), or null. */
export function cvrFromPrefix(prefix: number): string | null {
  const head = String(prefix);
  const weights = [2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(head[i]), 0);
  const check = (11 - (sum % 11)) % 11;
  if (check === 10) return null;
  const cvr = `${head}${check}`;
  return isValidCvr(cvr) ? cvr : null;
}

function weighted<T>(random: () => number, items: T[], weight: (t: T) => number): T {
  const total = items.reduce((s, t) => s + weight(t), 0);
  let r = random() * total;
  for (const t of items) {
    r -= weight(t);
    if (r < 0) return t;
  }
  return items[items.length - 1];
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

function slug(name: string): string {
  return name.toLowerCase().replace(/[æ]/g, 'ae').replace(/[ø]/g, 'oe').replace(/[å]/g, 'aa')
    .replace(/&/g, 'og').replace(/[^a-z0-9]+/g, '').slice(0, 30) || 'firma';
}

interface Anchor {
  name: string; legal: string; municipality: number; postal: string; industry: string; employees: number; units: number;
}

/** Fixed companies that browser tests and the README rely on. */
const anchors: Anchor[] = [
  { name: 'Trekant Stålindustri A/S', legal: 'Aktieselskab', municipality: 621, postal: '6000', industry: '251100', employees: 45, units: 2 },
  { name: 'Vejle Plast ApS', legal: 'Anpartsselskab', municipality: 630, postal: '7100', industry: '222200', employees: 18, units: 0 },
  { name: 'Fredericia Maskinfabrik A/S', legal: 'Aktieselskab', municipality: 607, postal: '7000', industry: '289900', employees: 120, units: 1 },
  { name: 'Ærø Automation ApS', legal: 'Anpartsselskab', municipality: 410, postal: '5500', industry: '289900', employees: 12, units: 0 },
  { name: 'Aabenraa Smede ApS', legal: 'Anpartsselskab', municipality: 510, postal: '6100', industry: '255000', employees: 7, units: 0 },
  { name: 'Østergaard Metal A/S', legal: 'Aktieselskab', municipality: 575, postal: '6600', industry: '251100', employees: 64, units: 1 },
];

class DemoGenerator {
  private cvrPrefix: number;
  private pNumber: number;

  constructor(private readonly random: () => number, options: DemoOptions) {
    this.cvrPrefix = options.cvrPrefixStart ?? 9_100_000;
    this.pNumber = options.pNumberStart ?? 9_800_000_000;
  }

  nextCvr(): string {
    for (;;) {
      const cvr = cvrFromPrefix(this.cvrPrefix);
      this.cvrPrefix += 1;
      if (cvr) return cvr;
    }
  }

  address(m: DemoMunicipality, postal?: string) {
    const [code, city] = postal ? m.postal.find((p) => p[0] === postal) ?? m.postal[0] : weighted(this.random, m.postal, (p) => p[2]);
    const street = `${pick(this.random, streetNames)} ${1 + Math.floor(this.random() * 120)}`;
    return { street, postalCode: code, city, municipalityCode: m.code };
  }

  unit(company: CvrCompanyRecord, m: DemoMunicipality, index: number, employees: number): CvrUnitRecord {
    const pNumber = String(this.pNumber);
    this.pNumber += 1;
    return {
      pNumber, cvr: company.cvr, name: index === 0 ? company.name : `${company.name} afd. ${index + 1}`,
      status: company.status, startDate: company.startDate, endDate: company.endDate,
      ...(index === 0 ? { street: company.street, postalCode: company.postalCode, city: company.city, municipalityCode: company.municipalityCode } : this.address(m)),
      industryCode: company.industryCode, industryText: company.industryText, employees,
      employeeBand: demoBands.find(([, lo, hi]) => employees >= lo && employees <= hi)?.[0] ?? null,
      advertisingProtected: company.advertisingProtected,
    };
  }

  company(spec: { name: string; legal: string; m: DemoMunicipality; postal?: string; industry: DemoIndustry; employees: number; units: number }): DemoCompany {
    const r = this.random;
    const cvr = this.nextCvr();
    const ceased = r() < 0.02;
    const year = 1950 + Math.floor(r() * 74);
    const start = `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-01`;
    const band = demoBands.find(([, lo, hi]) => spec.employees >= lo && spec.employees <= hi)?.[0] ?? 'ANTAL_1000_999999';
    const company: CvrCompanyRecord = {
      cvr, name: spec.name, secondaryNames: [], legalForm: spec.legal,
      status: ceased ? 'ceased' : 'active', startDate: start, endDate: ceased ? `${Math.max(year + 1, 2018)}-06-30` : null,
      ...this.address(spec.m, spec.postal),
      industryClassification: 'DB07', industryCode: spec.industry.code, industrySection: industrySectionOf(spec.industry.code),
      industryText: spec.industry.text, secondaryIndustries: [], employeeBand: band, employees: spec.employees,
      phone: `${pick(r, ['7', '7', '2', '4', '5'])}${String(Math.floor(r() * 10_000_000)).padStart(7, '0')}`,
      email: `info@${slug(spec.name)}.dk`, advertisingProtected: r() < 0.05, cvrUpdatedAt: null, productionUnits: [],
    };
    const units = Array.from({ length: spec.units }, (_, i) =>
      this.unit(company, spec.m, i, Math.max(1, Math.round(spec.employees / spec.units))));
    company.productionUnits = units.map((u) => ({ pNumber: u.pNumber, status: u.status, startDate: u.startDate, endDate: u.endDate }));
    return { ...company, units };
  }

  randomCompany(): DemoCompany {
    const r = this.random;
    const m = weighted(r, demoMunicipalities, (x) => x.weight);
    const industry = weighted(r, demoIndustries, (x) => x.weight);
    const [suffix, legal] = weighted(r, legalForms, (x) => x[2]);
    const word = pick(r, industry.words);
    const style = r();
    let name: string;
    if (!suffix) name = `${pick(r, familyNames)}s ${word}`;
    else if (style < 0.45) name = `${pick(r, familyNames)} ${word} ${suffix}`;
    else if (style < 0.9) name = `${pick(r, placeNames)} ${word} ${suffix}`;
    else name = `${pick(r, familyNames)} & ${pick(r, familyNames)} ${suffix}`;
    const [, lo, hi] = weighted(r, demoBands, (b) => b[3]);
    const employees = suffix ? lo + Math.floor(r() * (hi - lo + 1)) : 1 + Math.floor(r() * 4);
    const units = employees >= 50 ? 1 + Math.floor(r() * 3) : 0;
    return this.company({ name, legal, m, industry, employees, units });
  }
}

/**
 * Deterministic synthetic Danish companies for demos and benchmarks: the anchors first, then
 * generated ones until `count` is reached. The same seed always gives the same sequence. A generator,
 * so a benchmark can stream hundreds of thousands without holding them in memory.
 */
export function* demoCompanyStream(count: number, options: DemoOptions = {}): Generator<DemoCompany> {
  const gen = new DemoGenerator(seededRandom(options.seed ?? 20_261_121), options);
  let produced = 0;
  if (!options.withoutAnchors) {
    for (const a of anchors.slice(0, count)) {
      const m = demoMunicipalities.find((x) => x.code === a.municipality) as DemoMunicipality;
      const industry = demoIndustries.find((x) => x.code === a.industry) as DemoIndustry;
      const company = gen.company({ name: a.name, legal: a.legal, m, postal: a.postal, industry, employees: a.employees, units: a.units });
      // Anchors are what tests look for: always active and open to contact.
      produced += 1;
      yield { ...company, status: 'active', endDate: null, advertisingProtected: false,
        productionUnits: company.productionUnits.map((l) => ({ ...l, status: 'active', endDate: null })),
        units: company.units.map((u) => ({ ...u, status: 'active', endDate: null, advertisingProtected: false })) };
    }
  }
  for (; produced < count; produced += 1) yield gen.randomCompany();
}

/** The whole list of `demoCompanyStream` (for the demo seed, a few thousand). */
export function generateDemoCompanies(count: number, options: DemoOptions = {}): DemoCompany[] {
  return [...demoCompanyStream(count, options)];
}
