import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { processWide } from "../process-wide";
import { sfntFromWoff } from "../share-card-fonts";

// The report's fonts: Noto Sans for most scripts and Noto Naskh Arabic for Arabic, from the same
// @fontsource packages the site uses. Each package splits a family into files by script, and its
// CSS says which characters each file covers (unicode-range); a PDF font has no fallback, so the
// report picks, for every character, the first file that covers it.

export type Weight = 400 | 700;
/** One font file, registered in the PDF under `name`, with the code points it covers. */
export type Face = { name: string; file: string; weight: Weight; ranges: [number, number][]; rtl: boolean };

const families = [
  { pkg: "@fontsource/noto-sans", prefix: "noto-sans", rtl: false },
  { pkg: "@fontsource/noto-naskh-arabic", prefix: "noto-naskh-arabic", rtl: true },
] as const;

/** The @font-face rules of a @fontsource CSS file: each WOFF file with its unicode-range. */
export function parseFontFaces(css: string): { file: string; ranges: [number, number][] }[] {
  const rules = css.match(/@font-face\s*{[^}]*}/g) ?? [];
  return rules.flatMap((rule) => {
    const file = /url\(\.\/files\/([^)]+\.woff)\)/.exec(rule)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(rule)?.[1];
    if (!file || !range) return [];
    const ranges = range.split(",").map((part): [number, number] => {
      const [from, to] = part.trim().replace(/^U\+/i, "").split("-");
      const start = Number.parseInt(from ?? "", 16);
      return [start, to === undefined ? start : Number.parseInt(to, 16)];
    });
    return [{ file, ranges }];
  });
}

/** Every face of both families in both weights, Noto Sans's first, resolved from the project root. */
export const reportFaces = processWide("report-fonts", (): Face[] => {
  const fromRoot = createRequire(path.join(process.cwd(), "package.json"));
  return ([400, 700] as const).flatMap((weight) =>
    families.flatMap(({ pkg, prefix, rtl }) => {
      const css = readFileSync(fromRoot.resolve(`${pkg}/${weight}.css`), "utf8");
      return parseFontFaces(css)
        // Naskh's own Latin, symbols and maths files are never reached: Noto Sans covers those.
        .filter(({ file }) => !rtl || file.includes("-arabic-arabic-"))
        .map(({ file, ranges }) => ({
          name: file.replace(/\.woff$/, ""),
          file: fromRoot.resolve(`${pkg}/files/${file}`),
          weight,
          ranges,
          rtl,
        }))
        .filter((face) => face.name.startsWith(prefix));
    }),
  );
});

/**
 * For a character and weight, the first face that covers it, or the first face of that weight
 * when none does (the PDF then shows a blank box, as a browser would without a font).
 */
export function faceFinder(faces: readonly Face[]): (codePoint: number, weight: Weight) => Face {
  const found = new Map<number, Face>();
  return (codePoint, weight) => {
    const key = codePoint * 2 + (weight === 700 ? 1 : 0);
    let face = found.get(key);
    if (!face) {
      const ofWeight = faces.filter((f) => f.weight === weight);
      face = ofWeight.find((f) => f.ranges.some(([from, to]) => codePoint >= from && codePoint <= to)) ?? ofWeight[0];
      if (!face) throw new Error(`no report font of weight ${weight} for U+${codePoint.toString(16)}`);
      found.set(key, face);
    }
    return face;
  };
}

/**
 * A face's TrueType bytes, unpacked once a process. fontkit reads WOFF itself, but inflates it in
 * JavaScript each time a table is read: measured, 1.3 s of a 30,000-name report, and a 2-second
 * pause of the event loop while the fonts were embedded at the end. Node's zlib does it at once.
 */
const bytes = new Map<string, Buffer>();
export function faceData(face: Face): Buffer {
  let data = bytes.get(face.file);
  if (!data) bytes.set(face.file, (data = sfntFromWoff(readFileSync(face.file))));
  return data;
}
