/**
 * Types of the candidate matcher. Plain data in, plain data out: the engine does no I/O, so the
 * service loads the taxonomy and candidate profiles from the database and hands them over.
 */

/** An occupation row (table `occupations`): ESCO, DISCO-08 or the demo taxonomy. */
export interface TaxonomyOccupationInput {
  uri: string;
  /** ISCO-08 / DISCO-08 unit group, 4 digits; null when unknown. */
  iscoGroup: string | null;
  /** The label shown in reasons (the preferred label in the language the service chose). */
  label: string;
  /** The scheme's own code (e.g. a 6-digit DISCO-08 code), so orders may name it. */
  code?: string | null;
}

/** An occupation–skill relation (table `occupation_skills`). */
export interface TaxonomyRelationInput {
  occupationUri: string;
  skillUri: string;
  relationType: 'essential' | 'optional';
}

/** A skill row (table `skills`). */
export interface TaxonomySkillInput {
  uri: string;
  label: string;
}

/** A point, e.g. a postal code's centroid (table `postal_codes`) or a municipality's. */
export interface CentroidInput {
  code: string;
  lat: number;
  lon: number;
}

/** A certificate or licence code with the Danish name used in reasons ("truckcertifikat"). */
export interface CertificateInput {
  code: string;
  label: string;
}

/** Everything `buildMatchTaxonomy` needs, as plain arrays. */
export interface MatchTaxonomyInput {
  occupations: readonly TaxonomyOccupationInput[];
  relations: readonly TaxonomyRelationInput[];
  skills: readonly TaxonomySkillInput[];
  postalCodes: readonly CentroidInput[];
  /** Municipality centroids by municipality code, used when an order has no workplace postal code. */
  municipalities?: readonly CentroidInput[];
  /** Labels for certificate codes; unknown codes fall back to `defaultCertificateLabels`, a skill label or the code. */
  certificates?: readonly CertificateInput[];
}

/**
 * A jobseeker as the matcher sees it: the match-relevant profile only (no name, no CPR).
 * `personKey` is the keyed hash of the CPR number: the same person registered at two job centres has
 * the same key in both, and a shortlist shows that person once.
 */
export interface CandidateProfile {
  /** Unique per registration (e.g. the pseudonymous candidate ref); ties in score are ordered by it. */
  id: string;
  /** The owning job centre (data controller). */
  centreId: string;
  personKey: string | null;
  /** Occupation URIs (ESCO or DISCO-08), or ISCO/DISCO codes. */
  occupations: readonly string[];
  /** Skill URIs. */
  skills: readonly string[];
  /** Certificate and licence codes (e.g. "forklift", "driving_licence_C"). */
  certificates: readonly string[];
  /** ISO 639-1 codes the candidate works in ("da", "en"). */
  languages: readonly string[];
  postalCode: string | null;
  /** The candidate's own limit; null = no limit stated. */
  maxCommuteKm: number | null;
  /** ISO date; null = available now. */
  availableFrom: string | null;
  /** Hours per week wanted; null = any. */
  hoursWanted: number | null;
  targetGroup: string | null;
}

/**
 * A recruitment order as the matcher sees it. Fields the engine does not score (shifts, deadline,
 * service wanted) stay in the service; the job type reaches the engine as `targetGroups`.
 */
export interface MatchOrder {
  /**
   * An occupation URI from the taxonomy, a 6-digit DISCO-08 code (an occupation's `code`, else its
   * unit group), or a 4-digit ISCO-08/DISCO-08 unit group.
   */
  occupation: string;
  /** Required skill URIs; when empty or absent, the occupation's essential skills. */
  requiredSkills?: readonly string[];
  /** Wanted (nice-to-have) skill URIs. */
  wantedSkills?: readonly string[];
  /** Certificate codes the candidate must hold (hard requirement). */
  certificates?: readonly string[];
  /** ISO 639-1 codes the job needs. */
  languages?: readonly string[];
  hoursPerWeek?: number | null;
  /** ISO date the job starts. */
  startDate?: string | null;
  workplacePostalCode?: string | null;
  workplaceMunicipalityCode?: string | number | null;
  /** Target groups the job type admits (e.g. fleksjob); null or absent = everyone. */
  targetGroups?: readonly string[] | null;
}

/** One plain-language reason: a stable code, its parameters, and the Danish sentence shown to users. */
export interface Reason {
  code: string;
  params: Record<string, string | number>;
  text: string;
}

/** A skill or certificate named in a result: its URI or code and its label. */
export interface LabelledRef {
  ref: string;
  label: string;
}

/** One ranked candidate. */
export interface CandidateMatch {
  candidateId: string;
  centreId: string;
  /** 0–100, one decimal; higher is better. */
  score: number;
  reasons: Reason[];
  /** Required skills the candidate lacks (all of them; the reasons name the first few). */
  missingSkills: LabelledRef[];
  /** Other job centres that hold the same person (same personKey), sorted. */
  alsoAt: string[];
}

/** A course (or other step) that would close a gap; the course catalogue supplies these later. */
export interface UpskillingSuggestion {
  /** The missing skill URI or certificate code it addresses. */
  closes: string;
  title: string;
  /** Where to read more or book; the catalogue's own reference. */
  ref: string;
}

/** A candidate one or two skills or certificates short: shown as an upskilling candidate. */
export interface NearMiss extends CandidateMatch {
  /** The score the candidate would have with the gaps closed. */
  potentialScore: number;
  missingCertificates: LabelledRef[];
  suggestions: UpskillingSuggestion[];
}

export interface MatchOptions {
  /** Matches to return (default 50). */
  limit?: number;
  /** Near misses to return (default 20; 0 turns them off). */
  nearMisses?: number;
  /** ISO date of today: availability is judged against it (the engine never reads the clock). */
  today: string;
  /** Suggests courses for near misses' gaps; default suggests none. */
  upskilling?: UpskillingSuggester;
}

export interface MatchResult {
  matches: CandidateMatch[];
  nearMisses: NearMiss[];
  /** Candidates the order reached (sharing its occupation, unit group, a related occupation or a skill); each was scored or ruled out by a score bound. */
  considered: number;
}

/**
 * The seam for the course catalogue: given a near miss's gaps, suggest courses. Must be pure and fast
 * (it runs inside `match` for at most `nearMisses` candidates).
 */
export interface UpskillingSuggester {
  suggest(gap: { candidateId: string; missingSkills: readonly LabelledRef[]; missingCertificates: readonly LabelledRef[] }): UpskillingSuggestion[];
}
