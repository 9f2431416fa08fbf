/** The offer matcher: pure functions, no I/O. See rank.ts for the score. */
export { checkEligibility, formatIndustryCode, yearsBetween } from './eligibility';
export { prepareOffers, rankOffers, titleOrder, topOffers, weights } from './rank';
export type { PreparedOffers, RankOptions } from './rank';
export { formatDateDa, formatNumber, reasons, themeWords } from './reasons';
export type * from './types';
