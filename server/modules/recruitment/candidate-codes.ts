import type { Db } from '../../db/client';
import { disco08Uri, iscoUri } from '../reference';
import { officialPostalCodes } from '../reference';
import { occupationLabels, postalNames, skillLabels } from './candidates.repo';

/*
 * Checking a candidate's codes against the reference tables: occupations (ESCO/DISCO-08/demo URIs, or a bare
 * DISCO-08/ISCO-08 code in a CSV file), skills (URIs) and postal codes. One lookup per table for a whole file.
 */

/** What the reference tables know of a batch of codes. */
export interface CodeBook {
  /** The occupation URI a token (URI or DISCO/ISCO code) stands for, or undefined when unknown. */
  occupation(token: string): string | undefined;
  skill(uri: string): boolean;
  /** Whether the postal code exists; true for any code while no postal codes have been imported. */
  postalCode(code: string): boolean;
  occupationLabel(uri: string): string;
  skillLabel(uri: string): string;
  postalName(code: string): string | null;
}

const isCode = (token: string) => /^\d{1,6}$/.test(token);
/** The URIs a bare code may stand for, in order of preference: DISCO-08 (Danish), then ISCO-08. */
const codeUris = (code: string) => [disco08Uri(code), iscoUri(code)];

/** Looks up every occupation token, skill URI and postal code of a batch at once. */
export async function loadCodeBook(db: Db, input: { occupations: string[]; skills: string[]; postalCodes: string[] }): Promise<CodeBook> {
  const occupationUris = [...new Set(input.occupations.flatMap((t) => (isCode(t) ? codeUris(t) : [t])))];
  const [occupations, skills, postal, postalKnown] = await Promise.all([
    occupationLabels(db, occupationUris),
    skillLabels(db, [...new Set(input.skills)]),
    postalNames(db, [...new Set(input.postalCodes)]),
    officialPostalCodes(db),
  ]);
  return {
    occupation: (token) => (isCode(token) ? codeUris(token).find((u) => occupations.has(u)) : occupations.has(token) ? token : undefined),
    skill: (uri) => skills.has(uri),
    // Before the official list is imported, codes outside the built-in set are accepted (reference.officialPostalCodes).
    postalCode: (code) => !postalKnown || postal.has(code),
    occupationLabel: (uri) => occupations.get(uri) ?? uri,
    skillLabel: (uri) => skills.get(uri) ?? uri,
    postalName: (code) => postal.get(code) ?? null,
  };
}

/** Danish messages for unknown codes, shared by the API and the import. */
export const codeMessages = {
  occupation: (tokens: string[]) => `Ukendt erhverv: ${tokens.join(', ')}. Brug en ESCO-URI eller en DISCO-08-kode fra referencedata.`,
  skill: (tokens: string[]) => `Ukendt kompetence: ${tokens.join(', ')}. Brug en URI fra referencedata.`,
  postalCode: (code: string) => `Postnummeret ${code} findes ikke.`,
};
