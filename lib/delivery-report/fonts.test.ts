import { describe, expect, it } from "vitest";
import { faceFinder, parseFontFaces, reportFaces } from "./fonts";

describe("the report's fonts", () => {
  it("reads each WOFF file's unicode-range from @fontsource CSS", () => {
    const css = `/* noto-sans-greek-400-normal */
@font-face {
  font-family: 'Noto Sans';
  src: url(./files/noto-sans-greek-400-normal.woff2) format('woff2'), url(./files/noto-sans-greek-400-normal.woff) format('woff');
  unicode-range: U+0370-0377,U+037A-037F,U+0384;
}`;
    expect(parseFontFaces(css)).toEqual([
      { file: "noto-sans-greek-400-normal.woff", ranges: [[0x370, 0x377], [0x37a, 0x37f], [0x384, 0x384]] },
    ]);
  });

  it("finds a face for Latin, accented, Greek, Vietnamese, Cyrillic and Arabic letters, in both weights", () => {
    const faceOf = faceFinder(reportFaces());
    const name = (char: string, weight: 400 | 700 = 400) => faceOf(char.codePointAt(0)!, weight).name;
    expect(name("A")).toBe("noto-sans-latin-400-normal");
    expect(name("ő")).toBe("noto-sans-latin-ext-400-normal");
    expect(name("Ε")).toBe("noto-sans-greek-400-normal");
    expect(name("ự")).toBe("noto-sans-vietnamese-400-normal");
    expect(name("Д", 700)).toBe("noto-sans-cyrillic-700-normal");
    expect(name("ر")).toBe("noto-naskh-arabic-arabic-400-normal");
    expect(faceOf("ر".codePointAt(0)!, 400).rtl).toBe(true);
    // No face here has Chinese: the first of the weight stands in, and the PDF shows a blank box.
    expect(name("王")).toBe(reportFaces().find((face) => face.weight === 400)!.name);
  });
});
