import type { CountryCount } from "@/lib/domain/ports/charts";

export type CountryRanking = {
  top: CountryCount[];
  /** The countries after the top ones, summed. */
  others: { countries: number; count: number };
  total: number;
};

/** The countries most signed from, most first (as the store orders them), and the rest as one line. */
export function rankCountries(counts: readonly CountryCount[], top = 20): CountryRanking {
  const rest = counts.slice(top);
  return {
    top: counts.slice(0, top),
    others: { countries: rest.length, count: rest.reduce((sum, row) => sum + row.count, 0) },
    total: counts.reduce((sum, row) => sum + row.count, 0),
  };
}
