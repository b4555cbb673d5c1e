import { setImmediate as nextTurn } from "node:timers/promises";
import PDFDocument from "pdfkit";
import { config } from "../config";
import { parseStory, type Inline } from "../story";
import type { DeliveryFigures } from "./figures";
import { drawNames } from "./names-pdf";
import { drawReasons } from "./reasons-pdf";
import { drawCountryTable, drawPerDay, drawWorldMap } from "./pdf-charts";
import { TextWriter } from "./pdf-text";

type Doc = InstanceType<typeof PDFDocument>;

// The log's origin names a host, not a scheme: the site's own, as PUBLIC_URL says it.
const siteScheme = () => {
  const publicUrl = config().PUBLIC_URL;
  return publicUrl ? new URL(publicUrl).protocol : "http:";
};


const number = new Intl.NumberFormat("en");
const when = new Intl.DateTimeFormat("en", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });
const plain = (inlines: Inline[]): string =>
  inlines.map((inline) => (inline.kind === "text" ? inline.text : plain(inline.children))).join("");

function verification(doc: Doc, text: TextWriter, figures: DeliveryFigures): void {
  const { verification: v } = figures;
  const rows: [string, number][] = [
    ["Signed here, confirmed by email (the signer followed the link we sent)", v.byEmail],
    ["Signed here, counted without email confirmation", v.withoutEmail],
    ["Imported from another platform's list, not confirmed by email here", v.imported],
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

/** The count log's checkpoint as signed, and how a reader of the report checks the count against it. */
function proofOfCount(text: TextWriter, figures: DeliveryFigures): void {
  const note = { size: 9, colour: "#444444" };
  const log = figures.log;
  if (!log) {
    text.paragraph("The campaign is not published, so it has no public count log to check this count against.", note);
    return;
  }
  text.paragraph(
    `Every signature counted here is an entry in a public, append-only log (C2SP tlog-tiles), signed with the campaign's key. ` +
      `When this report was made the log held ${number.format(log.size)} ${log.size === 1 ? "entry" : "entries"} ` +
      `and its count stood at ${number.format(log.count)}. No entry holds an email address.`,
    { size: 10 },
  );
  text.paragraph("The signed checkpoint (origin, tree size, root hash, then the signature):", note, 2);
  for (const line of log.checkpoint.split("\n").filter((l) => l !== "")) text.paragraph(line, { size: 8 }, 1);
  const site = `${siteScheme()}//${log.origin.slice(0, log.origin.indexOf("/log/"))}`;
  text.paragraph(
    `To check it, anyone can run Countersign's verifier: npm run log:verify -- ${site} ${figures.slug} ` +
      "(save the checkpoint's lines above to a file and add its name to the command to check that the log still holds them). " +
      `The log's files are at ${site}/log/${figures.slug}/.`,
    note,
  );
}

/** Each block of the story as a step of its own: headings, paragraphs, lists, and photographs' captions. */
function storySteps(text: TextWriter, figures: DeliveryFigures): Step[] {
  return parseStory(figures.text.storyMarkdown).map((block) => () => {
    if (block.kind === "heading") text.paragraph(plain(block.inlines), { size: 12, weight: 700 }, 4);
    else if (block.kind === "photo") text.paragraph(`[Photograph: ${block.caption}]`, { size: 9, colour: "#444444" });
    else if (block.kind === "list")
      block.items.forEach((item, i) => text.paragraph(`${block.ordered ? `${block.start + i}.` : "•"} ${plain(item)}`, { size: 10.5 }));
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
      text.heading("How the signatures were verified");
      verification(doc, text, figures);
    },
    () => {
      text.heading("Proof of the count");
      proofOfCount(text, figures);
    },
    () => {
      text.heading("Signatures by country");
      text.paragraph("Signatures that count or await confirmation, by the country each signer chose.", note);
      drawCountryTable(doc, text, figures.ranking);
    },
    () => drawWorldMap(doc, text, figures.countries),
    () => {
      text.heading("Signatures over time");
      text.paragraph("Signatures per day (UTC), by what became of them.", note);
      drawPerDay(doc, text, figures.perDay);
    },
    () => {
      doc.addPage();
      text.heading("The petition");
      text.paragraph(figures.text.storyHeadline, { size: 14, weight: 700 });
    },
    ...storySteps(text, figures),
  ];
}

/**
 * The report as PDF bytes, drawn as they are read: the summary first, then the names a batch at
 * a time, so however long the list, memory holds about one batch of pages. `progress.names`
 * counts the names written, for the audit log.
 */
export async function* deliveryReportPdf(
  figures: DeliveryFigures,
  options: { includeNames: boolean; includeReasons?: boolean; progress: { names: number; finished: boolean } },
): AsyncGenerator<Uint8Array> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    info: { Title: `${figures.text.title}: delivery report`, Creator: "Countersign", CreationDate: figures.generatedAt },
    // Pages go out as they are finished; nothing is kept to number them at the end.
    bufferPages: false,
    lang: figures.text.language,
    // No default font: pdfkit would load Helvetica's metrics by a package import that a bundle
    // cannot resolve, and every word here is set in an embedded Noto face anyway.
    font: "",
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
  if (options.includeReasons) yield* drawReasons(doc, text, figures, take);
  if (options.includeNames) {
    yield* drawNames(doc, text, figures, options.progress, take);
  }
  doc.end();
  await ended;
  yield* take();
  options.progress.finished = true;
}
