/**
 * Danish sort key, the same rule as the SQL function da_sort_key (see the foundation migration):
 * compare keys by code unit (like COLLATE "C"). Æ/Ä, Ø/Ö, Å and "aa" sort after Z, in that order.
 */
export function daSortKey(text: string): string {
  const upperFold: Record<string, string> = {
    Æ: 'æ', Ø: 'ø', Å: 'å', Ä: 'ä', Ö: 'ö', Ü: 'ü', É: 'é', È: 'è', Ê: 'ê', Ë: 'ë', Á: 'á', À: 'à',
    Â: 'â', Í: 'í', Ì: 'ì', Î: 'î', Ó: 'ó', Ò: 'ò', Ô: 'ô', Ú: 'ú', Ù: 'ù', Û: 'û', Ý: 'ý', Ç: 'ç',
  };
  const final: Record<string, string> = {
    æ: '{', ø: '|', å: '}', ä: '{', ö: '|', ü: 'y', é: 'e', è: 'e', ê: 'e', ë: 'e', á: 'a', à: 'a',
    â: 'a', í: 'i', ì: 'i', î: 'i', ó: 'o', ò: 'o', ô: 'o', ú: 'u', ù: 'u', û: 'u', ý: 'y', ç: 'c',
  };
  const folded = Array.from(text, (ch) => upperFold[ch] ?? ch).join('');
  const lowered = folded.replace(/[A-Z]/g, (ch) => ch.toLowerCase()).replaceAll('aa', 'å');
  return Array.from(lowered, (ch) => final[ch] ?? ch).join('');
}

/** Compares two strings in Danish order (for lists sorted in the browser). */
export function compareDa(a: string, b: string): number {
  const ka = daSortKey(a);
  const kb = daSortKey(b);
  if (ka < kb) return -1;
  if (ka > kb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
