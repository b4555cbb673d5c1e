import { recordAudit } from "../audit";
import { deliveryFigures } from "./figures";
import { deliveryReportPdf } from "./report-pdf";

/**
 * A campaign's delivery report as a PDF to download, named for the day it was made; undefined
 * when there is no such campaign. With `includeNames`, every confirmed signer's name and country
 * follow the figures. When the download ends, however it ends, the audit log records who took
 * the report and how many names it held, as it does for the CSV export.
 */
export async function deliveryReport(slug: string, options: { actor: string; includeNames: boolean; includeReasons?: boolean; now?: Date }) {
  const now = options.now ?? new Date();
  const figures = await deliveryFigures(slug, now);
  if (!figures) return undefined;
  async function* audited(): AsyncGenerator<Uint8Array> {
    const progress = { names: 0, finished: false };
    try {
      yield* deliveryReportPdf(figures!, { includeNames: options.includeNames, includeReasons: options.includeReasons, progress });
    } finally {
      await recordAudit({
        actor: options.actor,
        action: "export",
        campaignSlug: slug,
        detail: `Delivery report (PDF) ${options.includeNames ? "with signers' names and countries" : "without names"}${options.includeReasons ? ", with the reasons shown on the page" : ""}${progress.finished ? "" : ", stopped before the end"}`,
        rowCount: progress.names,
      });
    }
  }
  const suffix = options.includeNames ? "-with-names" : "";
  return { filename: `${figures.slug}-delivery-report${suffix}-${now.toISOString().slice(0, 10)}.pdf`, chunks: audited() };
}
