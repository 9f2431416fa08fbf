import type { CandidateIdentity, CandidateProfile, Certificate, EducationLevel } from '../../../common/recruitment';
import type { Actor } from '../../policy';
import type { CodeBook } from './candidate-codes';
import type { CandidateListItem } from '../../../common/recruitment-candidates';
import type { CandidateRow } from './candidates.repo';

type TargetGroup = CandidateProfile['targetGroup'];

/** The pseudonymous, match-relevant profile: what every job centre of the partnership sees. Never identity. */
export function presentProfile(actor: Actor, row: CandidateRow, codes: CodeBook): CandidateProfile {
  return {
    id: row.id,
    ref: row.ref,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    occupations: row.occupations.map((uri) => ({ uri, label: codes.occupationLabel(uri) })),
    skills: row.skills.map((uri) => ({ uri, label: codes.skillLabel(uri) })),
    certificates: row.certificates as Certificate[],
    educationLevel: row.educationLevel as EducationLevel | null,
    languages: row.languages,
    postalCode: row.postalCode,
    postalName: row.postalCode ? codes.postalName(row.postalCode) : null,
    maxCommuteKm: row.maxCommuteKm,
    availableFrom: row.availableFrom,
    hoursPerWeek: row.hoursPerWeek,
    targetGroup: row.targetGroup as TargetGroup,
    active: row.active,
    anonymised: row.anonymisedAt !== null,
    own: row.organisationId === actor.organisationId,
  };
}

/** A list row: the profile, with the name and the centre's own id only when `withIdentity` (own scope). */
export function presentListItem(actor: Actor, row: CandidateRow, codes: CodeBook, withIdentity: boolean): CandidateListItem {
  const own = withIdentity && row.organisationId === actor.organisationId;
  return {
    ...presentProfile(actor, row, codes),
    name: own ? row.name : null,
    externalRef: own ? row.externalRef : null,
    lastActivityAt: row.lastActivityAt.toISOString(),
  };
}

/** Identity for the owning centre; `cpr` is the masked or revealed number the service worked out. */
export function presentIdentity(row: CandidateRow, cpr: string | null): CandidateIdentity {
  return {
    id: row.id, ref: row.ref, name: row.name, email: row.email, phone: row.phone, cpr, cvText: row.cvText, externalRef: row.externalRef,
  };
}

/** What an audit entry may say about a candidate: the profile and which identity fields are set, never their values. */
export function auditShape(values: Partial<CandidateRow>): Record<string, unknown> {
  const identity = (['name', 'email', 'phone', 'cvText', 'externalRef'] as const).filter((k) => values[k] != null);
  return {
    ref: values.ref, occupations: values.occupations, skills: values.skills, certificates: values.certificates,
    educationLevel: values.educationLevel, languages: values.languages, postalCode: values.postalCode, maxCommuteKm: values.maxCommuteKm,
    availableFrom: values.availableFrom, hoursPerWeek: values.hoursPerWeek, targetGroup: values.targetGroup, active: values.active,
    identityFields: values.cprHash ? [...identity, 'cpr'] : identity,
  };
}
