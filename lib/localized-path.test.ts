import { describe, expect, it } from "vitest";
import { localizedPath, unlocalizedPath } from "./localized-path";

describe("localizedPath", () => {
  it("swaps or adds the locale segment", () => {
    expect(localizedPath("/en/p/white-helmets", "ar")).toBe("/ar/p/white-helmets");
    expect(localizedPath("/p/white-helmets", "ar")).toBe("/ar/p/white-helmets");
    expect(localizedPath("/", "ar")).toBe("/ar");
    expect(localizedPath("/ar", "en")).toBe("/en");
    expect(localizedPath("/en/privacy", "ar")).toBe("/ar/privacy");
  });

  it("leaves a segment that only looks like a locale alone", () => {
    expect(unlocalizedPath("/english/p")).toBe("/english/p");
    expect(unlocalizedPath("/ar")).toBe("/");
  });
});
