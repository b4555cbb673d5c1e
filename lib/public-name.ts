const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * How a signer who chose to be listed appears to the public: first name and the initial of the
 * last, so "Amina Khalil" shows as "Amina K." A single name shows as it is.
 */
export function publicName(fullName: string): string {
  const words = fullName.trim().split(/\s+/u).filter(Boolean);
  const first = words[0] ?? "";
  if (words.length < 2) return first;
  const last = words[words.length - 1]!;
  const initial = graphemes.segment(last)[Symbol.iterator]().next().value?.segment ?? "";
  return `${first} ${initial.toLocaleUpperCase()}.`;
}
