import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { inflateSync } from "node:zlib";
import type { Font } from "satori";
import { processWide } from "./process-wide";

// The share card's fonts, as satori takes them: TrueType, unpacked from the @fontsource WOFF files.

/** The TrueType font a WOFF 1.0 file wraps: its tables, inflated, behind a plain table directory. */
export function sfntFromWoff(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== 0x774f4646) throw new Error("Not a WOFF 1.0 font file.");
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    const [offset, packed, length] = [woff.readUInt32BE(at + 4), woff.readUInt32BE(at + 8), woff.readUInt32BE(at + 12)];
    const data = woff.subarray(offset, offset + packed);
    return { tag: woff.readUInt32BE(at), checksum: woff.readUInt32BE(at + 16), data: packed < length ? inflateSync(data) : data };
  });
  const padded = (n: number) => (n + 3) & ~3;
  const sfnt = Buffer.alloc(12 + 16 * count + tables.reduce((sum, t) => sum + padded(t.data.length), 0));
  const power = 2 ** Math.floor(Math.log2(count));
  sfnt.writeUInt32BE(woff.readUInt32BE(4), 0);
  [count, power * 16, Math.log2(power), (count - power) * 16].forEach((value, i) => sfnt.writeUInt16BE(value, 4 + i * 2));
  let offset = 12 + 16 * count;
  tables.forEach((table, i) => {
    [table.tag, table.checksum, offset, table.data.length].forEach((value, j) => sfnt.writeUInt32BE(value, 12 + i * 16 + j * 4));
    table.data.copy(sfnt, offset);
    offset += padded(table.data.length);
  });
  return sfnt;
}

/**
 * A copy of the font with the height of every GPOS anchor negated. satori 0.63 adds HarfBuzz's
 * vertical glyph offsets (upward) in SVG's downward space, so every mark moves the wrong way and
 * Arabic dots float off their letters. Anchors alone set those offsets (no y placements in these
 * fonts), so negating them cancels the error. The test that checks it fails once satori is fixed.
 */
export function flipAnchorHeights(sfnt: Buffer): Buffer {
  const font = Buffer.from(sfnt);
  const u16 = (at: number) => font.readUInt16BE(at);
  const record = Array.from({ length: u16(4) }, (_, i) => 12 + i * 16).find((at) => font.toString("latin1", at, at + 4) === "GPOS");
  if (record === undefined) return font;
  const gpos = font.readUInt32BE(record + 8);
  const flipped = new Set<number>();
  const flip = (anchor: number) => {
    if (flipped.has(anchor)) return;
    flipped.add(anchor);
    font.writeInt16BE(-font.readInt16BE(anchor + 4), anchor + 4);
  };
  // A table of anchor offsets from `table`, after its count; an empty cell is 0.
  const anchors = (table: number, cells: number, first = table + 2, stride = 2) => {
    for (let i = 0; i < cells; i++) if (u16(first + i * stride)) flip(table + u16(first + i * stride));
  };
  const subtable = (type: number, at: number): void => {
    if (type === 9) return subtable(u16(at + 2), at + font.readUInt32BE(at + 4));
    if (type === 3) return anchors(at, 2 * u16(at + 4), at + 6);
    if (type < 4 || type > 6) return;
    const classes = u16(at + 6);
    const marks = at + u16(at + 8);
    anchors(marks, u16(marks), marks + 4, 4);
    const bases = at + u16(at + 10);
    if (type !== 5) return anchors(bases, u16(bases) * classes);
    for (let i = 0; i < u16(bases); i++) {
      const ligature = bases + u16(bases + 2 + i * 2);
      anchors(ligature, u16(ligature) * classes);
    }
  };
  const lookups = gpos + u16(gpos + 8);
  for (let i = 0; i < u16(lookups); i++) {
    const lookup = lookups + u16(lookups + 2 + i * 2);
    for (let j = 0; j < u16(lookup + 4); j++) subtable(u16(lookup), lookup + u16(lookup + 6 + j * 2));
  }
  return font;
}

/** The card's fonts, read from their packages (relative to the project root, where the server runs). */
export const cardFonts = processWide("share-card-fonts", (): Font[] => {
  const fromRoot = createRequire(path.join(process.cwd(), "package.json"));
  const face = (name: string, weight: 400 | 700, file: string): Font => ({
    name,
    weight,
    style: "normal",
    data: flipAnchorHeights(sfntFromWoff(readFileSync(fromRoot.resolve(file)))),
  });
  return [
    face("Noto Sans", 400, "@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff"),
    face("Noto Sans", 700, "@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff"),
    face("Noto Naskh Arabic", 400, "@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff"),
    face("Noto Naskh Arabic", 700, "@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff"),
  ];
});
