/** How words compare: compatibility forms folded (full-width letters, ligatures), case ignored, Arabic diacritics and tatweel dropped. */
export function foldForMatching(text: string): string {
  return text
    .normalize("NFKC")
    .toLocaleLowerCase("und")
    .replace(/[\u064B-\u065F\u0670\u0640]/gu, "");
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The first of an organiser's words (or phrases) the text holds as a whole word, or undefined. Letters on either side make
 * another word ("class" does not hold "ass"), in any script, which \b would not see.
 */
export function blockedWordIn(text: string, words: readonly string[]): string | undefined {
  const folded = foldForMatching(text);
  return words.find((word) => {
    const needle = foldForMatching(word.trim());
    return needle.length > 0 && new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])${escape(needle)}(?![\\p{L}\\p{N}\\p{M}])`, "u").test(folded);
  });
}

/** An organiser's list as typed, one word or phrase a line (commas too), without repeats or blanks. */
export function parseWordList(typed: string): string[] {
  const words = typed
    .split(/[\n,،]/u)
    .map((word) => word.trim())
    .filter(Boolean);
  return [...new Set(words)];
}
