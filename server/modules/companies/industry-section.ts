/**
 * Section letter of an industry code from its 2-digit division. DB07 follows NACE Rev. 2 and DB25
 * follows NACE Rev. 2.1, whose sections differ from J onwards (public classification structures).
 */
const db07: [number, number, string][] = [
  [1, 3, 'A'], [5, 9, 'B'], [10, 33, 'C'], [35, 35, 'D'], [36, 39, 'E'], [41, 43, 'F'], [45, 47, 'G'],
  [49, 53, 'H'], [55, 56, 'I'], [58, 63, 'J'], [64, 66, 'K'], [68, 68, 'L'], [69, 75, 'M'], [77, 82, 'N'],
  [84, 84, 'O'], [85, 85, 'P'], [86, 88, 'Q'], [90, 93, 'R'], [94, 96, 'S'], [97, 98, 'T'], [99, 99, 'U'],
];
const db25: [number, number, string][] = [
  [1, 3, 'A'], [5, 9, 'B'], [10, 33, 'C'], [35, 35, 'D'], [36, 39, 'E'], [41, 43, 'F'], [46, 47, 'G'],
  [49, 53, 'H'], [55, 56, 'I'], [58, 60, 'J'], [61, 63, 'K'], [64, 66, 'L'], [68, 68, 'M'], [69, 75, 'N'],
  [77, 82, 'O'], [84, 84, 'P'], [85, 85, 'Q'], [86, 88, 'R'], [90, 93, 'S'], [94, 96, 'T'], [97, 98, 'U'],
  [99, 99, 'V'],
];

export type IndustryClassification = 'DB07' | 'DB25';

export function industrySectionOf(code: string | null | undefined, classification: IndustryClassification = 'DB07'): string | null {
  if (!code || !/^\d{2}/.test(code)) return null;
  const division = Number(code.slice(0, 2));
  const table = classification === 'DB25' ? db25 : db07;
  return table.find(([from, to]) => division >= from && division <= to)?.[2] ?? null;
}
