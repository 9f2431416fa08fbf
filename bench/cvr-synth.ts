import fs from 'node:fs';
import { once } from 'node:events';
import { demoCompanyStream, type DemoCompany } from '../server/modules/companies';

/**
 * Synthetic companies written as CVR system-to-system documents (`{"Vrvirksomhed": …}` per line),
 * the shape Erhvervsstyrelsen delivers, so the benchmark exercises the real importer end to end.
 */

const open = (from: string | null, to: string | null = null) => ({ gyldigFra: from, gyldigTil: to });

function address(c: DemoCompany, from: string | null) {
  const match = /^(.*) (\d+)$/.exec(c.street ?? '');
  return {
    landekode: 'DK', fritekst: null, vejkode: 1000, kommune: { kommuneKode: c.municipalityCode, kommuneNavn: null, periode: open('2007-01-01') },
    husnummerFra: match ? Number(match[2]) : null, husnummerTil: null, bogstavFra: null, bogstavTil: null, etage: null,
    sidedoer: null, conavn: null, postboks: null, vejnavn: match ? match[1] : c.street, bynavn: null,
    postnummer: Number(c.postalCode), postdistrikt: c.city, periode: open(from),
  };
}

const formCodes: Record<string, [number, string]> = {
  Anpartsselskab: [80, 'APS'], Aktieselskab: [60, 'A/S'], Interessentskab: [30, 'I/S'], Enkeltmandsvirksomhed: [10, 'ENK'],
};

/** One Vrvirksomhed document with history arrays and the nyeste* metadata, like the real register. */
export function toVrvirksomhed(c: DemoCompany): { Vrvirksomhed: Record<string, unknown> } {
  const from = c.startDate;
  const [formCode, formShort] = formCodes[c.legalForm ?? ''] ?? [80, 'APS'];
  const name = { navn: c.name, periode: open(from) };
  const branch = { branchekode: c.industryCode, branchetekst: c.industryText, periode: open(from) };
  const form = { virksomhedsformkode: formCode, kortBeskrivelse: formShort, langBeskrivelse: c.legalForm, periode: open(from) };
  const addr = address(c, from);
  const employment = { aar: 2024, maaned: 9, antalAnsatte: c.employees, antalAarsvaerk: c.employees, intervalKodeAntalAnsatte: c.employeeBand };
  return {
    Vrvirksomhed: {
      cvrNummer: Number(c.cvr),
      reklamebeskyttet: c.advertisingProtected,
      navne: [name],
      binavne: [],
      beliggenhedsadresse: [addr],
      telefonNummer: c.phone ? [{ kontaktoplysning: c.phone, hemmelig: false, periode: open(from) }] : [],
      elektroniskPost: c.email ? [{ kontaktoplysning: c.email, hemmelig: false, periode: open(from) }] : [],
      livsforloeb: [{ periode: open(from, c.endDate) }],
      hovedbranche: [branch],
      bibranche1: [], bibranche2: [], bibranche3: [],
      virksomhedsform: [form],
      maanedsbeskaeftigelse: [employment],
      penheder: c.productionUnits.map((p) => ({ pNummer: Number(p.pNumber), periode: open(p.startDate, p.endDate) })),
      sidstOpdateret: '2025-01-15T10:00:00.000+01:00',
      virksomhedMetadata: {
        nyesteNavn: name, nyesteVirksomhedsform: form, nyesteBeliggenhedsadresse: addr, nyesteHovedbranche: branch,
        nyesteBibranche1: null, nyesteBibranche2: null, nyesteBibranche3: null, nyesteStatus: null,
        nyesteMaanedsbeskaeftigelse: employment, antalPenheder: c.productionUnits.length,
        sammensatStatus: c.status === 'ceased' ? 'OPLØST EFTER FRIVILLIG LIKVIDATION' : 'NORMAL',
        stiftelsesDato: from,
      },
    },
  };
}

/** Writes `count` companies as JSON lines; returns the file size in bytes. */
export async function writeSyntheticCvrFile(file: string, count: number, seed = 300_000): Promise<number> {
  const out = fs.createWriteStream(file, { encoding: 'utf8' });
  let chunk: string[] = [];
  for (const company of demoCompanyStream(count, { seed, cvrPrefixStart: 9_200_000, pNumberStart: 9_900_000_000 })) {
    chunk.push(JSON.stringify(toVrvirksomhed(company)));
    if (chunk.length === 2000) {
      if (!out.write(`${chunk.join('\n')}\n`)) await once(out, 'drain');
      chunk = [];
    }
  }
  if (chunk.length > 0) out.write(`${chunk.join('\n')}\n`);
  out.end();
  await once(out, 'finish');
  return fs.statSync(file).size;
}
