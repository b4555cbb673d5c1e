import { describe, expect, it } from "vitest";
import { rankCountries } from "./country-ranking";

describe("the ranked list of countries", () => {
  const counts = Array.from({ length: 25 }, (_, i) => ({ country: `C${String.fromCharCode(65 + i)}`, count: 100 - i }));

  it("keeps the top twenty in order and sums the rest as others", () => {
    const ranking = rankCountries(counts);
    expect(ranking.top.map((c) => c.count)).toEqual(counts.slice(0, 20).map((c) => c.count));
    expect(ranking.others).toEqual({ countries: 5, count: 80 + 79 + 78 + 77 + 76 });
    expect(ranking.total).toBe(counts.reduce((sum, c) => sum + c.count, 0));
  });

  it("has no others when few countries have signed, and nothing at all before anyone has", () => {
    expect(rankCountries(counts.slice(0, 3)).others).toEqual({ countries: 0, count: 0 });
    expect(rankCountries([])).toEqual({ top: [], others: { countries: 0, count: 0 }, total: 0 });
  });
});
