/** One part of a whole, drawn from `x` for `width` along a bar; `share` is its fraction of the whole. */
export type SplitPart<K extends string> = { key: K; value: number; share: number; x: number; width: number };

/**
 * A whole as one horizontal bar divided in proportion to its parts, in their order. The widths
 * add up to the bar's width; an empty whole has no parts drawn.
 */
export function splitBar<K extends string>(parts: readonly { key: K; value: number }[], width: number): SplitPart<K>[] {
  const total = parts.reduce((sum, part) => sum + part.value, 0);
  if (total === 0) return [];
  let x = 0;
  return parts.map(({ key, value }) => {
    const share = value / total;
    // Rounded at the edges rather than per part, so rounding never leaves a gap or an overlap.
    const start = Math.round(x * 100) / 100;
    x += share * width;
    return { key, value, share, x: start, width: Math.round(x * 100) / 100 - start };
  });
}
