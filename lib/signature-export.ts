import { stores } from "./stores";
import { recordAudit } from "./audit";
import { csvRow, utf8Bom } from "./domain/csv";
import type { SignatureStatus } from "./domain/model";

export const exportHeader = [
  "Signed at (UTC)",
  "Name",
  "Email",
  "Country",
  "Country code",
  "Comment",
  "Shows name",
  "Wants updates",
  "Status",
] as const;

/** The whole CSV: a byte order mark and header, then the store's pages of records. */
export async function* signatureCsv(
  campaignId: number,
  statuses: readonly SignatureStatus[],
  progress: { rows: number; finished: boolean } = { rows: 0, finished: false },
): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(utf8Bom + csvRow(exportHeader));
  for await (const page of stores().signatures.exportSignatureCsv(campaignId, statuses)) {
    progress.rows += page.rows;
    yield page.csv;
  }
  progress.finished = true;
}

/**
 * The export of one campaign, named for the day it was taken; undefined when there is no such
 * campaign. Confirmed signatures only, unless pending or invalidated ones are asked for. When the
 * download ends, however it ends, the audit log records who took how many rows.
 */
export async function signatureExport(
  slug: string,
  options: { actor: string; statuses?: readonly SignatureStatus[]; now?: Date },
) {
  const campaign = await stores().campaigns.readCampaignStanding(slug);
  if (!campaign) return undefined;
  const now = options.now ?? new Date();
  const statuses = options.statuses ?? ["confirmed"];
  async function* audited(): AsyncGenerator<Uint8Array> {
    const progress = { rows: 0, finished: false };
    try {
      yield* signatureCsv(campaign!.id, statuses, progress);
    } finally {
      await recordAudit({
        actor: options.actor,
        action: "export",
        campaignSlug: slug,
        detail: `CSV of ${statuses.join(", ")} signatures${progress.finished ? "" : ", stopped before the end"}`,
        rowCount: progress.rows,
      });
    }
  }
  return { filename: `${campaign.slug}-signatures-${now.toISOString().slice(0, 10)}.csv`, chunks: audited() };
}
