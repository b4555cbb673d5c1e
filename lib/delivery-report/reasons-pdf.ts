import { setImmediate as nextTurn } from "node:timers/promises";
import type PDFDocument from "pdfkit";
import { shownAs, shownReasons } from "../reason-export";
import type { DeliveryFigures } from "./figures";
import type { TextWriter } from "./pdf-text";

type Doc = InstanceType<typeof PDFDocument>;

/**
 * Why people signed, in their words: the reasons shown on the page (approved, their signature counting), each with the
 * name or country it is shown with there, a read at a time with the bytes handed on after each.
 */
export async function* drawReasons(doc: Doc, text: TextWriter, figures: DeliveryFigures, written: () => Buffer[]): AsyncGenerator<Uint8Array> {
  doc.addPage();
  text.heading("Why people signed");
  text.paragraph("The reasons signers gave that are shown on the petition's page, newest first, as the page shows them.", { size: 9, colour: "#444444" });
  for await (const page of shownReasons(figures.campaignId)) {
    for (const reason of page) {
      text.paragraph(reason.text, { size: 10.5 }, 2);
      text.paragraph(`— ${shownAs(reason)}`, { size: 9, colour: "#444444" }, 8);
    }
    yield* written();
    await nextTurn();
  }
}
