import { renderShareCard, roundedTotal, type ShareCardInput } from "./share-card";

type Kept = { shows: string; card: Promise<Buffer> };

/**
 * Share cards, one place per campaign and language. A card costs ~50 ms of the main thread and the
 * count moves many times a second, so a card is drawn again only when what it shows changes (the
 * rounded total, title, goal or words), and requests that arrive while one is drawn wait for that
 * one. There is no least-recently-used limit for a client cycling through cards to defeat: the
 * endpoint asks only for published campaigns in known languages (server/share-card-endpoint.ts),
 * so the places are as many as those, and a campaign gone from the public gives up its places.
 */
export function shareCardCache(render: (input: ShareCardInput) => Promise<Buffer> = renderShareCard) {
  const kept = new Map<string, Map<string, Kept>>();
  return {
    get(slug: string, input: ShareCardInput): Promise<Buffer> {
      const { locale } = input;
      const shows = JSON.stringify([roundedTotal(input.total), input.goal, input.title, input.labels, input.direction, input.siteName]);
      const hit = kept.get(slug)?.get(locale);
      if (hit?.shows === shows) return hit.card;
      const places = kept.get(slug) ?? new Map<string, Kept>();
      kept.set(slug, places);
      const fresh: Kept = { shows, card: render(input) };
      places.set(locale, fresh);
      // A card that failed is drawn again at the next request, not kept failing.
      fresh.card.catch(() => places.get(locale) === fresh && places.delete(locale));
      return fresh.card;
    },
    /** The campaign is no longer shown (unpublished, or gone): its cards go too. */
    forget(slug: string): void {
      kept.delete(slug);
    },
    /** How many cards are kept, of how many campaigns. */
    size(): { campaigns: number; cards: number } {
      let cards = 0;
      for (const places of kept.values()) cards += places.size;
      return { campaigns: kept.size, cards };
    },
  };
}

/** This process's cards: a cache, which may be a step behind another process's. */
export const shareCards = shareCardCache();
