import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/**
 * Each page's runs of text as pdfjs reads them, left to right down the page, each run in reading
 * order (pdfjs reorders right-to-left text within a run); empty runs left out.
 */
export async function pdfRuns(bytes: Uint8Array): Promise<string[][]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[][] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(content.items.flatMap((item) => ("str" in item && item.str.trim() ? [item.str] : [])));
      page.cleanup();
    }
  } finally {
    await pdf.destroy();
  }
  return pages;
}

/** Each page's runs of text with where they stand: `x` from the page's left edge, `width`, in points. */
export async function pdfPlacedRuns(bytes: Uint8Array): Promise<{ str: string; x: number; width: number }[][]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: { str: string; x: number; width: number }[][] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(content.items.flatMap((item) => ("str" in item && item.str.trim() ? [{ str: item.str, x: item.transform[4] as number, width: item.width }] : [])));
      page.cleanup();
    }
  } finally {
    await pdf.destroy();
  }
  return pages;
}

/** Each page's text as a reader copying it would get it: runs joined by single spaces. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  return (await pdfRuns(bytes)).map((runs) => runs.join(" ").replace(/\s+/g, " ").trim());
}
