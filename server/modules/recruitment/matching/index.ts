/**
 * The candidate matcher of the recruitment module: a pure engine (no I/O). Build a `MatchTaxonomy` from
 * the reference tables, keep a `CandidateIndex` current as candidates change, and call `match` per order.
 * See score.ts for the score and its hard filters, reasons.ts for the Danish wording.
 */
export { CandidateIndex, noUpskilling } from './candidate-index';
export { dayNumber, haversineKm } from './geo';
export { defaultCertificateLabels, formatDayDa, languageNames, reasons } from './reasons';
export { weights } from './score';
export { buildMatchTaxonomy, MatchTaxonomy } from './taxonomy';
export type { RelatedOccupation, ResolvedOccupation } from './taxonomy';
export type * from './types';
