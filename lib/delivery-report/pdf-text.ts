import type PDFDocument from "pdfkit";
import { faceData, faceFinder, reportFaces, type Face, type Weight } from "./fonts";
import { isRightToLeft, textRuns, visualRuns } from "./text-runs";

type Doc = InstanceType<typeof PDFDocument>;
export type TextStyle = { size: number; weight?: Weight; colour?: string };
export type Align = "left" | "right" | "start";

/**
 * Writes text into a pdfkit document a line at a time, each character in a face that has it and
 * each line in reading order (lib/delivery-report/text-runs.ts), starting new pages as it goes.
 */
export class TextWriter {
  readonly left: number;
  readonly width: number;
  private readonly faceOf: (codePoint: number, weight: Weight) => Face;
  private readonly registered = new Set<string>();

  constructor(private readonly doc: Doc) {
    this.left = doc.page.margins.left;
    this.width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    this.faceOf = faceFinder(reportFaces());
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Moves to a new page unless `height` more fits on this one; true when it did. */
  ensureRoom(height: number): boolean {
    if (this.doc.y + height <= this.bottom) return false;
    this.doc.addPage();
    return true;
  }

  private use(face: Face, style: TextStyle): void {
    if (!this.registered.has(face.name)) {
      this.doc.registerFont(face.name, faceData(face));
      this.registered.add(face.name);
    }
    this.doc.font(face.name).fontSize(style.size).fillColor(style.colour ?? "#1b1b1b");
  }

  private drawn(text: string, style: TextStyle) {
    const weight = style.weight ?? 400;
    const runs = textRuns(text, (codePoint) => this.faceOf(codePoint, weight));
    const widths = visualRuns(runs).map((run) => {
      this.use(run.face, style);
      return { ...run, width: this.doc.widthOfString(run.text) };
    });
    return { runs: widths, rtl: isRightToLeft(runs), width: widths.reduce((sum, run) => sum + run.width, 0) };
  }

  /** How wide the text is drawn. */
  measure(text: string, style: TextStyle): number {
    return this.drawn(text, style).width;
  }

  /**
   * One line at (x, y) within `width`: from the left, the right, or the side its text starts
   * on. Shrunk to fit when it would overflow, never wrapped or cut. Leaves the cursor as it was.
   */
  line(text: string, x: number, y: number, width: number, style: TextStyle, align: Align = "start"): void {
    let { runs, rtl, width: natural } = this.drawn(text, style);
    let size = style.size;
    if (natural > width && natural > 0) {
      size = Math.max(4, (style.size * width) / natural);
      ({ runs, rtl, width: natural } = this.drawn(text, { ...style, size }));
    }
    const right = align === "right" || (align === "start" && rtl);
    let at = right ? x + width - natural : x;
    const cursor = { x: this.doc.x, y: this.doc.y };
    for (const run of runs) {
      this.use(run.face, { ...style, size });
      this.doc.text(run.text, at, y, { lineBreak: false });
      at += run.width;
    }
    this.doc.x = cursor.x;
    this.doc.y = cursor.y;
  }

  /** A section's heading, with room below it for a few lines so it never ends a page alone. */
  heading(words: string): void {
    this.ensureRoom(60);
    this.doc.y += 10;
    this.paragraph(words, { size: 14, weight: 700 }, 4);
  }

  /** A paragraph wrapped to the page's width at the cursor, lines on their reading side; the cursor moves below it. */
  paragraph(text: string, style: TextStyle, after = style.size * 0.6): void {
    const lineHeight = style.size * 1.4;
    const rtl = isRightToLeft(textRuns(text, (codePoint) => this.faceOf(codePoint, style.weight ?? 400)));
    for (const line of this.wrap(text, style)) {
      this.ensureRoom(lineHeight);
      this.line(line, this.left, this.doc.y, this.width, style, rtl ? "right" : "left");
      this.doc.y += lineHeight;
    }
    this.doc.y += after;
  }

  /**
   * The text's lines at the page's width, broken at spaces; a word longer than a line gets one of
   * its own. Each word is measured once, and a line is its words and the spaces between them.
   */
  private wrap(text: string, style: TextStyle): string[] {
    const space = this.measure(" ", style);
    const lines: string[] = [];
    for (const hard of text.split("\n")) {
      let line: string[] = [];
      let width = 0;
      for (const word of hard.split(/\s+/).filter(Boolean)) {
        const wordWidth = this.measure(word, style);
        if (line.length > 0 && width + space + wordWidth > this.width) {
          lines.push(line.join(" "));
          line = [];
          width = 0;
        }
        width += (line.length > 0 ? space : 0) + wordWidth;
        line.push(word);
      }
      if (line.length > 0) lines.push(line.join(" "));
    }
    return lines;
  }
}
