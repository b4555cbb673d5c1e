import { stores } from "@/lib/stores";
import { setImmediate as nextTurn } from "node:timers/promises";
import type PDFDocument from "pdfkit";
import { countryName } from "../domain/countries";
import type { DeliveryFigures } from "./figures";
import type { TextWriter } from "./pdf-text";

type Doc = InstanceType<typeof PDFDocument>;
const number = new Intl.NumberFormat("en");

/**
 * Names read from the database and drawn at a time: two pages' worth. Drawing them holds the
 * event loop for about 50 ms on a shared 2-core machine, so signing goes on between batches.
 */
export const namesPerBatch = 240;

/**
 * Empties pdfkit's cache of laid-out words, which keeps every word a document has drawn: with real
 * names, a cache that would grow with the list. Without it, drawing is six times slower (measured:
 * each word is measured, then drawn); emptied every batch, memory stays flat. pdfkit 0.20 keeps
 * the cache on each font as `layoutCache`, under `_fontFamilies`; should that change, this throws.
 */
function forgetLayouts(doc: Doc): void {
  const fonts = (doc as unknown as { _fontFamilies?: Record<string, { layoutCache?: object }> })._fontFamilies;
  if (!fonts) throw new Error("pdfkit no longer keeps its fonts in _fontFamilies: see forgetLayouts");
  for (const font of Object.values(fonts)) if (font.layoutCache) font.layoutCache = Object.create(null);
}

/**
 * Two columns of name and country a page, read from the database a batch at a time; after each
 * batch, the bytes the document has written so far (`written`) are handed on.
 */
export async function* drawNames(
  doc: Doc,
  text: TextWriter,
  figures: DeliveryFigures,
  progress: { names: number },
  written: () => Buffer[],
): AsyncGenerator<Uint8Array> {
  doc.addPage();
  text.heading(`The signers (${number.format(figures.signaturesHere)} confirmed here)`);
  text.paragraph("Each person's name and country as they gave them when signing; email addresses are never included.", {
    size: 9,
    colour: "#444444",
  });
  const gap = 18;
  const column = (text.width - gap) / 2;
  const row = 12;
  // A few hundred countries, each named once rather than once a signer.
  const countries = new Map<string, string>();
  const country = (code: string) => countries.get(code) ?? countries.set(code, countryName(code, "en")).get(code)!;
  let columnTop = doc.y;
  let side = 0;
  let y = columnTop;
  for (let after = 0; ; ) {
    const batch = await stores().charts.listSignerNames(figures.campaignId, after, namesPerBatch);
    for (const signer of batch) {
      if (y + row > text.bottom) {
        if (side === 0) side = 1;
        else {
          doc.addPage();
          side = 0;
          columnTop = doc.page.margins.top;
        }
        y = columnTop;
      }
      const x = text.left + side * (column + gap);
      text.line(signer.fullName, x, y, column * 0.68, { size: 9 }, "left");
      text.line(country(signer.country), x + column * 0.7, y, column * 0.3, { size: 8, colour: "#444444" }, "left");
      y += row;
      progress.names++;
    }
    forgetLayouts(doc);
    yield* written();
    if (batch.length < namesPerBatch) break;
    after = batch.at(-1)!.id;
    // The next batch waits its turn behind anything else the process has to do.
    await nextTurn();
  }
}

