import { employeeBands } from '../../../common/companies';
import { isValidCvr } from '../../../common/cvr';
import { industrySectionOf, type IndustryClassification } from './industry-section';

/**
 * Pure mapping of Erhvervsstyrelsen's CVR system-to-system documents (Vrvirksomhed,
 * VrproduktionsEnhed) to Samspil records. No I/O: the importer feeds it parsed JSON.
 */

type Obj = Record<string, unknown>;

export interface CvrProductionUnitLink {
  pNumber: string;
  status: 'active' | 'ceased';
  startDate: string | null;
  endDate: string | null;
}

export interface CvrCompanyRecord {
  cvr: string;
  name: string;
  secondaryNames: string[];
  legalForm: string | null;
  status: 'active' | 'ceased';
  startDate: string | null;
  endDate: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  municipalityCode: number | null;
  industryClassification: IndustryClassification;
  industryCode: string | null;
  industrySection: string | null;
  industryText: string | null;
  secondaryIndustries: { code: string; text: string | null }[];
  employeeBand: string | null;
  employees: number | null;
  phone: string | null;
  email: string | null;
  advertisingProtected: boolean;
  cvrUpdatedAt: string | null;
  productionUnits: CvrProductionUnitLink[];
}

export interface CvrUnitRecord {
  pNumber: string;
  cvr: string | null;
  name: string;
  status: 'active' | 'ceased';
  startDate: string | null;
  endDate: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  municipalityCode: number | null;
  industryCode: string | null;
  industryText: string | null;
  employees: number | null;
  employeeBand: string | null;
  advertisingProtected: boolean;
}

export type CvrParseResult =
  | { ok: true; kind: 'company'; record: CvrCompanyRecord }
  | { ok: true; kind: 'unit'; record: CvrUnitRecord }
  | { ok: false; reason: string; key?: string };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown): Obj | null => (isObj(v) ? v : null);
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
const str = (v: unknown): string | null => {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' ? null : t;
};
const int = (v: unknown): number | null => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) ? n : null;
};
const date = (v: unknown): string | null => {
  const s = str(v);
  return s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : null;
};

function period(entry: Obj): { from: string | null; to: string | null } {
  const p = obj(entry.periode);
  return { from: date(p?.gyldigFra), to: date(p?.gyldigTil) };
}

/**
 * The current entry of a CVR history array: the open one (gyldigTil null, latest start wins);
 * when every entry has ended, the one that ended last (a ceased company keeps its last values).
 */
export function currentOf(history: unknown, usable: (e: Obj) => boolean = () => true): Obj | null {
  const entries = arr(history).filter(usable);
  if (entries.length === 0) return null;
  const key = (e: Obj) => {
    const { from, to } = period(e);
    return `${to === null ? '9' : `1${to}`}|${from ?? ''}`;
  };
  return entries.reduce((best, e) => (key(e) >= key(best) ? e : best));
}

/** Prefer the metadata's nyeste* value; fall back to the history array. */
function newest(meta: Obj | null, metaKey: string, history: unknown, usable?: (e: Obj) => boolean): Obj | null {
  const m = obj(meta?.[metaKey]);
  if (m && (!usable || usable(m))) return m;
  return currentOf(history, usable);
}

function formatStreet(a: Obj): string | null {
  const road = str(a.vejnavn);
  if (!road) return str(a.fritekst);
  const from = str(a.husnummerFra);
  const to = str(a.husnummerTil);
  let number = from ? `${from}${str(a.bogstavFra) ?? ''}` : '';
  if (to) number += `-${to}${str(a.bogstavTil) ?? ''}`;
  let street = number ? `${road} ${number}` : road;
  const floor = str(a.etage);
  const door = str(a.sidedoer);
  if (floor || door) street += `, ${[floor ? `${floor}.` : null, door].filter(Boolean).join(' ')}`;
  return street;
}

function address(a: Obj | null) {
  if (!a) return { street: null, postalCode: null, city: null, municipalityCode: null };
  const postal = int(a.postnummer);
  return {
    street: formatStreet(a),
    postalCode: postal === null ? null : String(postal).padStart(4, '0'),
    city: str(a.postdistrikt) ?? str(a.bynavn),
    municipalityCode: int(obj(a.kommune)?.kommuneKode),
  };
}

const bandPattern = new Set<string>(employeeBands);

function bandFor(count: number): string {
  const found = employeeBands.find((b) => {
    const [, lo, hi] = b.split('_');
    return count >= Number(lo) && count <= Number(hi);
  });
  return found ?? 'ANTAL_1000_999999';
}

/** Newest employment figure of year, quarter, month (and ERST month) series; the most recent period wins. */
function employment(meta: Obj | null, doc: Obj): { band: string | null; count: number | null } {
  const series: [string, string, (e: Obj) => number][] = [
    ['nyesteErstMaanedsbeskaeftigelse', 'erstMaanedsbeskaeftigelse', (e) => (int(e.maaned) ?? 12) * 10 + 3],
    ['nyesteMaanedsbeskaeftigelse', 'maanedsbeskaeftigelse', (e) => (int(e.maaned) ?? 12) * 10 + 2],
    ['nyesteKvartalsbeskaeftigelse', 'kvartalsbeskaeftigelse', (e) => (int(e.kvartal) ?? 4) * 30 + 1],
    ['nyesteAarsbeskaeftigelse', 'aarsbeskaeftigelse', () => 120],
  ];
  let best: { rank: number; band: string | null; count: number | null } | null = null;
  for (const [metaKey, historyKey, monthRank] of series) {
    const candidates = [obj(meta?.[metaKey]), ...arr(doc[historyKey])].filter((e): e is Obj => e !== null);
    for (const e of candidates) {
      const band = str(e.intervalKodeAntalAnsatte);
      const count = int(e.antalAnsatte);
      if (!band && count === null) continue;
      const rank = (int(e.aar) ?? 0) * 1000 + monthRank(e);
      if (!best || rank > best.rank) best = { rank, band: band && bandPattern.has(band) ? band : null, count };
    }
  }
  if (!best) return { band: null, count: null };
  return { band: best.band ?? (best.count !== null ? bandFor(best.count) : null), count: best.count };
}

const ceasedPattern = /oph[øo]rt|opl[øo]st|slettet|tvangsopl/i;

function lifecycle(meta: Obj | null, doc: Obj, statusHistory: unknown): { status: 'active' | 'ceased'; start: string | null; end: string | null } {
  const life = currentOf(doc.livsforloeb);
  const lifePeriod = life ? period(life) : { from: null, to: null };
  const start = date(meta?.stiftelsesDato) ?? lifePeriod.from;
  const composite = str(meta?.sammensatStatus) ?? str(currentOf(statusHistory)?.status) ?? '';
  const ceased = lifePeriod.to !== null || ceasedPattern.test(composite);
  return { status: ceased ? 'ceased' : 'active', start, end: ceased ? lifePeriod.to : null };
}

function contact(history: unknown, fallback: unknown, pattern: RegExp): string | null {
  const usable = (e: Obj) => str(e.kontaktoplysning) !== null && e.hemmelig !== true;
  const entry = currentOf(history, usable);
  if (entry) return str(entry.kontaktoplysning);
  const list = Array.isArray(fallback) ? fallback.map(str) : [];
  return list.find((v): v is string => v !== null && pattern.test(v)) ?? null;
}

function industry(e: Obj | null) {
  const code = str(e?.branchekode);
  return code ? { code, text: str(e?.branchetekst) } : null;
}

/** DB25 codes arrive with an explicit classification field; without one the code is DB07. */
function classificationOf(e: Obj | null): IndustryClassification {
  const c = str(e?.klassifikation) ?? str(e?.brancheklassifikation) ?? str(e?.branchekodeType);
  return c && /25/.test(c) ? 'DB25' : 'DB07';
}

function parseCompany(doc: Obj): CvrParseResult {
  const cvr = str(doc.cvrNummer);
  if (!cvr) return { ok: false, reason: 'CVR-nummer mangler.' };
  if (!isValidCvr(cvr)) return { ok: false, reason: `CVR-nummeret ${cvr} er ugyldigt (modulus 11).`, key: cvr };
  const meta = obj(doc.virksomhedMetadata);
  const name = str(obj(meta?.nyesteNavn)?.navn) ?? str(currentOf(doc.navne)?.navn);
  if (!name) return { ok: false, reason: 'Navn mangler.', key: cvr };
  const main = industry(newest(meta, 'nyesteHovedbranche', doc.hovedbranche));
  const classification = classificationOf(newest(meta, 'nyesteHovedbranche', doc.hovedbranche));
  const secondary = [1, 2, 3]
    .map((n) => industry(newest(meta, `nyesteBibranche${n}`, doc[`bibranche${n}`], (e) => period(e).to === null)))
    .filter((x): x is { code: string; text: string | null } => x !== null);
  const form = newest(meta, 'nyesteVirksomhedsform', doc.virksomhedsform);
  const life = lifecycle(meta, doc, doc.virksomhedsstatus);
  const emp = employment(meta, doc);
  const links = [...arr(doc.penheder), ...arr(doc.produktionsenheder)]
    .map((e): CvrProductionUnitLink | null => {
      const p = str(e.pNummer);
      if (!p || !/^\d{10}$/.test(p)) return null;
      const { from, to } = period(e);
      return { pNumber: p, status: to === null ? 'active' : 'ceased', startDate: from, endDate: to };
    })
    .filter((x): x is CvrProductionUnitLink => x !== null);
  const secondaryNames = [...new Set(arr(doc.binavne).filter((e) => period(e).to === null).map((e) => str(e.navn))
    .filter((n): n is string => n !== null))];
  return {
    ok: true,
    kind: 'company',
    record: {
      cvr,
      name,
      secondaryNames,
      legalForm: str(form?.langBeskrivelse) ?? str(form?.kortBeskrivelse),
      status: life.status,
      startDate: life.start,
      endDate: life.end,
      ...address(newest(meta, 'nyesteBeliggenhedsadresse', doc.beliggenhedsadresse)),
      industryClassification: classification,
      industryCode: main?.code ?? null,
      industrySection: industrySectionOf(main?.code, classification),
      industryText: main?.text ?? null,
      secondaryIndustries: secondary,
      employeeBand: emp.band,
      employees: emp.count,
      phone: contact(doc.telefonNummer, meta?.nyesteKontaktoplysninger, /^\+?[\d ]{8,}$/),
      email: contact(doc.elektroniskPost, meta?.nyesteKontaktoplysninger, /@/),
      advertisingProtected: doc.reklamebeskyttet === true,
      cvrUpdatedAt: str(doc.sidstOpdateret),
      // The same P-unit can be listed twice (left and re-joined): keep its latest link.
      productionUnits: [...new Map(links.map((l) => [l.pNumber, l])).values()],
    },
  };
}

function parseUnit(doc: Obj): CvrParseResult {
  const pNumber = str(doc.pNummer);
  if (!pNumber || !/^\d{10}$/.test(pNumber)) return { ok: false, reason: 'P-nummer mangler eller er ikke 10 cifre.', key: pNumber ?? undefined };
  const meta = obj(doc.produktionsEnhedMetadata);
  const name = str(obj(meta?.nyesteNavn)?.navn) ?? str(currentOf(doc.navne)?.navn);
  if (!name) return { ok: false, reason: 'Navn mangler.', key: pNumber };
  const cvrRaw = str(meta?.nyesteCvrNummerRelation) ?? str(currentOf(doc.virksomhedsrelation)?.cvrNummer);
  const main = industry(newest(meta, 'nyesteHovedbranche', doc.hovedbranche));
  const life = lifecycle(meta, doc, null);
  const emp = employment(meta, doc);
  return {
    ok: true,
    kind: 'unit',
    record: {
      pNumber,
      cvr: cvrRaw && isValidCvr(cvrRaw) ? cvrRaw : null,
      name,
      status: life.status,
      startDate: life.start,
      endDate: life.end,
      ...address(newest(meta, 'nyesteBeliggenhedsadresse', doc.beliggenhedsadresse)),
      industryCode: main?.code ?? null,
      industryText: main?.text ?? null,
      employees: emp.count,
      employeeBand: emp.band,
      advertisingProtected: doc.reklamebeskyttet === true,
    },
  };
}

/**
 * Maps one CVR document to a record. Accepts a search hit (`{_source: …}`), the `_source` object
 * (`{Vrvirksomhed: …}` / `{VrproduktionsEnhed: …}`) or the bare document.
 */
export function parseCvrDocument(value: unknown): CvrParseResult {
  let v = obj(value);
  if (!v) return { ok: false, reason: 'Posten er ikke et JSON-objekt.' };
  if (isObj(v._source)) v = v._source;
  if (isObj(v.Vrvirksomhed)) return parseCompany(v.Vrvirksomhed);
  if (isObj(v.VrproduktionsEnhed)) return parseUnit(v.VrproduktionsEnhed);
  if ('cvrNummer' in v && !('pNummer' in v)) return parseCompany(v);
  if ('pNummer' in v) return parseUnit(v);
  return { ok: false, reason: 'Posten er hverken Vrvirksomhed eller VrproduktionsEnhed.' };
}
