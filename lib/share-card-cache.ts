import { renderShareCard, roundedTotal, type ShareCardInput } from "./share-card";

/** About 50 cards of ~40 KB: every campaign's cards in both languages, for a site of a few dozen. */
const maxCards = 50;

/**
 * Share cards by campaign, locale and the total the card shows. A card costs ~50 ms of CPU and
 * the count moves many times a second, so a card is drawn again only when its rounded total
 * changes; requests that arrive while one is drawn wait for that one. The least recently asked
 * for goes first when the cache is full.
 */
export function shareCardCache(render: (input: ShareCardInput) => Promise<Buffer> = renderShareCard, size = maxCards) {
  const kept = new Map<string, Promise<Buffer>>();
  return {
    get(slug: string, input: ShareCardInput): Promise<Buffer> {
      // Redrawn when the rounded total moves a step, or an organiser changes the title or goal.
      const key = `${slug} ${input.locale} ${roundedTotal(input.total)} ${input.goal} ${input.title}`;
      const hit = kept.get(key);
      // Taken out and put back, so the Map's order runs from least to most recently used.
      kept.delete(key);
      const card = hit ?? render(input);
      kept.set(key, card);
      if (!hit) card.catch(() => kept.get(key) === card && kept.delete(key));
      for (const oldest of kept.keys()) {
        if (kept.size <= size) break;
        kept.delete(oldest);
      }
      return card;
    },
  };
}

/** This process's cards: a cache, which may be a step behind another process's. */
export const shareCards = shareCardCache();
