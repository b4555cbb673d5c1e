import { describe, expect, it } from "vitest";
import type { Face } from "./fonts";
import { isRightToLeft, textRuns, visualRuns } from "./text-runs";

const latin: Face = { name: "latin", file: "", weight: 400, ranges: [[0, 0x5ff]], rtl: false };
const arabic: Face = { name: "arabic", file: "", weight: 400, ranges: [[0x600, 0x6ff]], rtl: true };
const faceOf = (codePoint: number) => (codePoint >= 0x600 && codePoint <= 0x6ff ? arabic : latin);
/** What each drawn run hands pdfkit, with its face. */
const drawn = (text: string) => visualRuns(textRuns(text, faceOf)).map((run) => `${run.face.name}:${run.text}`);

describe("text runs for the PDF", () => {
  it("leaves a left-to-right name as one run in one face", () => {
    expect(drawn("Ada Lovelace")).toEqual(["latin:Ada Lovelace"]);
  });

  it("hands an Arabic name over word by word, last word first, for fontkit to reverse each", () => {
    // Spaces are in the Latin face (the Arabic file does not cover them), between the words.
    expect(drawn("محمد علي")).toEqual(["arabic:علي", "latin: ", "arabic:محمد"]);
    expect(isRightToLeft(textRuns("محمد علي", faceOf))).toBe(true);
  });

  it("keeps a Latin word inside Arabic text in its own reading order, on the correct side", () => {
    expect(drawn("محمد Ali")).toEqual(["latin:Ali ", "arabic:محمد"]);
  });

  it("puts Arabic inside a Latin line right to left as a stretch of its own", () => {
    expect(drawn("Ali محمد علي")).toEqual(["latin:Ali ", "arabic:علي", "latin: ", "arabic:محمد"]);
  });

  it("keeps Arabic-Indic digits in reading order although fontkit reverses them", () => {
    // Handed over reversed, so fontkit's reversal of an Arabic-face run puts them back: ١٢٣.
    expect(drawn("علي ١٢٣")).toEqual(["arabic:٣٢١", "latin: ", "arabic:علي"]);
    expect(drawn("علي 2026")).toEqual(["latin:2026 ", "arabic:علي"]);
  });

  it("reverses and mirrors punctuation that reads right to left, as no font will", () => {
    expect(drawn("علي - محمد")).toEqual(["arabic:محمد", "latin: - ", "arabic:علي"]);
    expect(drawn("علي (x!)")).toEqual(["latin:(!x) ", "arabic:علي"]);
  });

  it("draws nothing of empty text", () => {
    expect(drawn("")).toEqual([]);
  });
});
