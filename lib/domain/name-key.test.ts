import { describe, expect, it } from "vitest";
import { nameKey } from "./name-key";

describe("the name key the signature search compares", () => {
  it("folds case in every script", () => {
    expect(nameKey("Amina KHALIL")).toBe("amina khalil");
    // й loses its breve as é loses its accent: the typed search is folded the same way, so it still finds it.
    expect(nameKey("Дмитрий Коваль")).toBe("дмитрии коваль");
    expect(nameKey("ДМИТРИЙ")).toBe(nameKey("дмитрий"));
    expect(nameKey("Ελένη")).toBe("ελενη");
  });

  it("drops accents, so a name is found whether or not they were typed", () => {
    expect(nameKey("Zoë Lefèvre")).toBe("zoe lefevre");
    expect(nameKey("Nguyễn")).toBe("nguyen");
    expect(nameKey("Søren")).toBe("søren");
  });

  it("drops Arabic short vowels and the tatweel, and keeps the letters", () => {
    expect(nameKey("نُور الهُدى")).toBe("نور الهدى");
    expect(nameKey("نــور")).toBe("نور");
  });

  it("reads compatibility forms and collapses white space", () => {
    expect(nameKey("  ﬁona\t Ｓmith ")).toBe("fiona smith");
    expect(nameKey("王 小明")).toBe("王 小明");
  });
});
