const danish: Record<string, string> = {
  æ: '{', Æ: '{', ä: '{', Ä: '{', ø: '|', Ø: '|', ö: '|', Ö: '|', å: '}', Å: '}', ü: 'y', Ü: 'y',
};
const asciiLower = (text: string) => text.replace(/[A-Z]/g, (ch) => ch.toLowerCase());

/**
 * Danish sort key, the same rule as the SQL function da_sort_key (see the foundation migration):
 * compare keys by code unit (like COLLATE "C"). Æ/Ä, Ø/Ö, Å and "aa" sort after Z, in that order;
 * other accents are folded (unaccent in SQL, Unicode decomposition here: equal for Latin letters).
 */
export function daSortKey(text: string): string {
  const marked = Array.from(asciiLower(text).replaceAll('aa', '}'), (ch) => danish[ch] ?? ch).join('');
  return asciiLower(marked.replaceAll('ß', 'ss').normalize('NFD').replace(/\p{M}/gu, ''));
}

/** Compares two strings in Danish order (for lists sorted in the browser). */
export function compareDa(a: string, b: string): number {
  const ka = daSortKey(a);
  const kb = daSortKey(b);
  if (ka < kb) return -1;
  if (ka > kb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
