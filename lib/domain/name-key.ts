/**
 * The form of a signer's name that the organisers' search compares, stored beside the name so a
 * prefix search is a range of an index: compatibility-decomposed (so "ﬁ" is "fi" and full-width
 * letters are plain), accents and other combining marks dropped (so "Zoë" is found by "zoe" and
 * Arabic with or without its short vowels alike), the Arabic tatweel dropped, lower case in every
 * script, white space collapsed. The name itself is stored and shown as typed.
 */
export function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\p{M}\u0640]/gu, "")
    .toLowerCase()
    .replace(/\s+/gu, " ")
    .trim();
}
