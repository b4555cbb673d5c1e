import { setImmediate as nextTurn } from "node:timers/promises";
import { listSignerNames } from "@/db/store";
import PDFDocument from "pdfkit";
import { countryName } from "../countries";
import { parseStory, type Inline } from "../story";
import type { DeliveryFigures } from "./figures";
import { drawCountryTable, drawPerDay, drawWorldMap } from "./pdf-charts";
import { TextWriter } from "./pdf-text";

type Doc = InstanceType<typeof PDFDocument>;

/**
 * Names read from the database and drawn at a time: two pages' worth. Drawing them holds the
 * event loop for about 50 ms on a shared 2-core machine, so signing goes on between batches.
 */
export const namesPerBatch = 240;

const number = new Intl.NumberFormat("en");
const when = new Intl.DateTimeFormat("en", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });
const plain = (inlines: Inline[]): string =>
  inlines.map((inline) => (inline.kind === "text" ? inline.text : plain(inline.children))).join("");

function heading(doc: Doc, text: TextWriter, words: string): void {
  text.ensureRoom(60);
  doc.y += 10;
  text.paragraph(words, { size: 14, weight: 700 }, 4);
}

function verification(doc: Doc, text: TextWriter, figures: DeliveryFigures): void {
  const { verification: v } = figures;
  const rows: [string, number][] = [
    ["Signed here, confirmed by email (the signer followed the link we sent)", v.byEmail],
    ["Signed here, counted without email confirmation", v.withoutEmail],
    ["Gathered elsewhere before this page opened", figures.signaturesElsewhere],
  ];
  const labelWidth = text.width * 0.8;
  for (const [label, count] of rows) {
    text.ensureRoom(16);
    text.line(label, text.left, doc.y, labelWidth, { size: 10 }, "left");
    text.line(number.format(count), text.left + labelWidth, doc.y, text.width - labelWidth, { size: 10 }, "right");
    doc.y += 16;
  }
  doc.moveTo(text.left, doc.y - 2).lineTo(text.left + text.width, doc.y - 2).lineWidth(0.8).stroke("#1b1b1b");
  text.line("Total", text.left, doc.y + 2, labelWidth, { size: 10, weight: 700 }, "left");
  text.line(number.format(figures.total), text.left + labelWidth, doc.y + 2, text.width - labelWidth, { size: 10, weight: 700 }, "right");
  doc.y += 22;
  const note =
    `Each email address can sign once. ${number.format(figures.pending)} more ` +
    `${figures.pending === 1 ? "person had" : "people had"} signed but not yet confirmed by email when this report was made; ` +
    "they are not in the total. Signatures an organiser ruled out, or a bot trap caught, are not counted.";
  text.paragraph(note, { size: 9, colour: "#444444" });
}

/** Each block of the story as a step of its own: headings, paragraphs, and photographs' captions. */
function storySteps(text: TextWriter, figures: DeliveryFigures): Step[] {
  return parseStory(figures.text.storyMarkdown).map((block) => () => {
    if (block.kind === "heading") text.paragraph(plain(block.inlines), { size: 12, weight: 700 }, 4);
    else if (block.kind === "photo") text.paragraph(`[Photograph: ${block.caption}]`, { size: 9, colour: "#444444" });
    else text.paragraph(plain(block.inlines), { size: 10.5 });
  });
}

/** A piece of drawing short enough to do without giving the event loop a turn. */
type Step = () => void;

/** Everything before the names: the petition, its total and how it was verified, the charts and the story. */
function summarySteps(doc: Doc, text: TextWriter, figures: DeliveryFigures): Step[] {
  const note = { size: 9, colour: "#444444" };
  return [
    () => {
      text.paragraph("Petition delivery report", { size: 10, colour: "#444444" }, 2);
      text.paragraph(figures.text.title, { size: 22, weight: 700 }, 8);
      text.paragraph(figures.text.ask, { size: 13 }, 12);
      text.paragraph(`${number.format(figures.total)} ${figures.total === 1 ? "signature" : "signatures"}`, { size: 28, weight: 700 }, 2);
      text.paragraph(`As of ${when.format(figures.generatedAt)} UTC.`, { size: 10, colour: "#444444" }, 10);
    },
    () => {
      heading(doc, text, "How the signatures were verified");
      verification(doc, text, figures);
    },
    () => {
      heading(doc, text, "Signatures by country");
      text.paragraph("Signatures that count or await confirmation, by the country each signer chose.", note);
      drawCountryTable(doc, text, figures.ranking);
    },
    () => drawWorldMap(doc, text, figures.countries),
    () => {
      heading(doc, text, "Signatures over time");
      text.paragraph("Signatures per day (UTC), by what became of them.", note);
      drawPerDay(doc, text, figures.perDay);
    },
    () => {
      doc.addPage();
      heading(doc, text, "The petition");
      text.paragraph(figures.text.storyHeadline, { size: 14, weight: 700 });
    },
    ...storySteps(text, figures),
  ];
}

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
async function* drawNames(
  doc: Doc,
  text: TextWriter,
  figures: DeliveryFigures,
  progress: { names: number },
  written: () => Buffer[],
): AsyncGenerator<Uint8Array> {
  doc.addPage();
  heading(doc, text, `The signers (${number.format(figures.signaturesHere)} confirmed here)`);
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
    const batch = await listSignerNames(figures.petitionId, after, namesPerBatch);
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

/**
 * The report as PDF bytes, drawn as they are read: the summary first, then the names a batch at
 * a time, so however long the list, memory holds about one batch of pages. `progress.names`
 * counts the names written, for the audit log.
 */
export async function* deliveryReportPdf(
  figures: DeliveryFigures,
  options: { includeNames: boolean; progress: { names: number; finished: boolean } },
): AsyncGenerator<Uint8Array> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    info: { Title: `${figures.text.title}: delivery report`, Creator: "Countersign", CreationDate: figures.generatedAt },
    // Pages go out as they are finished; nothing is kept to number them at the end.
    bufferPages: false,
    lang: figures.text.language,
  });
  const written: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => written.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  const take = () => written.splice(0, written.length);
  const text = new TextWriter(doc);
  for (const step of summarySteps(doc, text, figures)) {
    step();
    yield* take();
    await nextTurn();
  }
  if (options.includeNames) {
    yield* drawNames(doc, text, figures, options.progress, take);
  }
  doc.end();
  await ended;
  yield* take();
  options.progress.finished = true;
}
