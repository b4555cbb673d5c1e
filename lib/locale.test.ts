import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, regionOf } from "./locale";

describe("localeFromAcceptLanguage", () => {
  it("takes the highest-ranked locale the runtime supports", () => {
    expect(localeFromAcceptLanguage("fr-CH, fr;q=0.9, en;q=0.8")).toBe("fr-CH");
    expect(localeFromAcceptLanguage("en;q=0.5, ar-SY;q=0.9")).toBe("ar-SY");
  });

  it("falls back to English for an empty or hostile header", () => {
    expect(localeFromAcceptLanguage(undefined)).toBe("en");
    expect(localeFromAcceptLanguage("*, ;;;, 💥")).toBe("en");
  });

  it("formats numbers the reader's way", () => {
    const de = localeFromAcceptLanguage("de-DE");
    expect(new Intl.NumberFormat(de).format(325412)).toBe("325.412");
  });
});

describe("regionOf", () => {
  it("names only a region the locale states, never a guessed one", () => {
    expect(regionOf("en-GB")).toBe("GB");
    expect(regionOf("ar")).toBeUndefined();
  });
});
