import { describe, expect, it } from "vitest";
import { blockedWordIn, parseWordList } from "./reason-words";

describe("an organiser's blocked words", () => {
  it("finds a listed word whatever its case or compatibility form, but not inside another word", () => {
    expect(blockedWordIn("This is a SCAM, plainly", ["scam"])).toBe("scam");
    expect(blockedWordIn("ｓｃａｍ artists", ["scam"])).toBe("scam");
    expect(blockedWordIn("Scampi for everyone", ["scam"])).toBeUndefined();
  });

  it("matches Arabic words with or without their diacritics, and whole phrases", () => {
    expect(blockedWordIn("هذا كَذِب واضح", ["كذب"])).toBe("كذب");
    expect(blockedWordIn("الكذبة", ["كذب"])).toBeUndefined();
    expect(blockedWordIn("they are paid actors really", ["paid actors"])).toBe("paid actors");
  });

  it("reads a typed list one a line or comma-separated, in either language, without repeats", () => {
    expect(parseWordList("scam\n  fraud , scam،كذب\n\n")).toEqual(["scam", "fraud", "كذب"]);
  });
});
