import { describe, expect, it } from "vitest";
import { emptyFill, mapPalette, worldMap } from "./world-map";

const darkest = mapPalette.at(-1);
const lightest = mapPalette[0];

describe("the world map", () => {
  const map = worldMap([
    { country: "SY", count: 120 },
    { country: "DE", count: 60 },
    { country: "TR", count: 1 },
    // Kosovo has no numeric code in world-atlas; Singapore is too small to draw at this scale.
    { country: "XK", count: 3 },
    { country: "SG", count: 500 },
    { country: "ZZ", count: 9_999 },
  ]);
  const fillOf = (alpha2: string) => map.countries.find((c) => c.alpha2 === alpha2)?.fill;

  it("draws about 177 countries, each a path inside the frame", () => {
    expect(map.countries.length).toBeGreaterThanOrEqual(170);
    expect(map.countries.length).toBeLessThanOrEqual(180);
    expect(new Set(map.countries.map((c) => c.key)).size).toBe(map.countries.length);
    for (const country of map.countries) {
      expect(country.d).toMatch(/^M[-\d.]+,[-\d.]+/);
      const numbers = country.d.match(/-?\d+(?:\.\d+)?/g)!.map(Number);
      expect(Math.min(...numbers)).toBeGreaterThanOrEqual(-1);
      expect(Math.max(...numbers)).toBeLessThanOrEqual(map.width + 1);
    }
    expect(map.width).toBe(720);
    // Equal Earth is about twice as wide as it is tall.
    expect(map.height).toBeGreaterThan(330);
    expect(map.height).toBeLessThan(380);
    expect(map.outline).toMatch(/^M/);
  });

  it("knows countries by their alpha-2 codes", () => {
    const named = (alpha2: string) => map.countries.find((c) => c.alpha2 === alpha2)?.name;
    expect(named("SY")).toBe("Syria");
    expect(named("FR")).toBe("France");
    expect(named("XK")).toBe("Kosovo");
  });

  it("shades the country most signed from on the map darkest, and those with few lightest", () => {
    expect(fillOf("SY")).toBe(darkest);
    expect(fillOf("TR")).toBe(lightest);
    expect(fillOf("XK")).toBe(lightest);
    expect(mapPalette.indexOf(fillOf("DE") as (typeof mapPalette)[number])).toBe(2);
    expect(map.countries.find((c) => c.alpha2 === "SY")?.count).toBe(120);
  });

  it("leaves every country no one signed from in the empty shade", () => {
    expect(fillOf("FR")).toBe(emptyFill);
    expect(map.countries.filter((c) => c.fill !== emptyFill).map((c) => c.alpha2).sort()).toEqual(["DE", "SY", "TR", "XK"]);
  });

  it("ignores codes it cannot draw: the scale tops out at the most on the map", () => {
    expect(map.max).toBe(120);
    expect(map.countries.some((c) => c.alpha2 === "ZZ" || c.alpha2 === "SG")).toBe(false);
  });

  it("keys each shade to the whole numbers it stands for, from 1 to the most", () => {
    expect(map.key[0]).toEqual({ fill: lightest, from: 1, to: 24 });
    expect(map.key.at(-1)).toEqual({ fill: darkest, from: 97, to: 120 });
    for (const [i, shade] of map.key.entries()) {
      if (i > 0) expect(shade.from).toBe(map.key[i - 1]!.to + 1);
    }
  });

  it("keys only the shades whole numbers fall in when few have signed", () => {
    expect(worldMap([{ country: "SY", count: 1 }]).key).toEqual([{ fill: darkest, from: 1, to: 1 }]);
    expect(worldMap([{ country: "SY", count: 2 }, { country: "LB", count: 1 }]).key).toEqual([
      { fill: lightest, from: 1, to: 1 },
      { fill: darkest, from: 2, to: 2 },
    ]);
  });

  it("draws every country empty, with no key, before anyone signs", () => {
    const empty = worldMap([]);
    expect(empty.countries.every((c) => c.fill === emptyFill && c.count === 0)).toBe(true);
    expect(empty.key).toEqual([]);
    expect(empty.max).toBe(0);
  });
});
