// Reads the id ranges it is sent on its own connection and answers with finished CSV text, so the export uses a second
// core and the server's own thread only writes to the socket.
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import type { SignatureStatus } from "@/lib/domain/model";
import { signatureRow } from "@/lib/domain/signature-row";
import { openSignatureReader } from "./signature-reader";

export type ExportJob = { index: number; from: number; to: number };
/** A range's CSV as UTF-8 bytes, moved (not copied) to the server's thread, ready for the socket. */
export type ExportPage = { index: number; csv: Uint8Array; rows: number };

const { file, campaignId, statuses } = workerData as { file: string; campaignId: number; statuses: SignatureStatus[] };
// Signers wait on their answers: at the lowest priority an export takes only the CPU signing leaves idle. On Linux the nice
// value is the thread's, so this lowers this worker alone.
setPriority(19);
const reader = openSignatureReader(file, statuses);

parentPort!.on("message", (job: ExportJob | "close") => {
  if (job === "close") {
    reader.close();
    parentPort!.close();
    return;
  }
  let text = "";
  const rows = reader.read(campaignId, job.from, job.to);
  for (const row of rows) text += signatureRow(row);
  const csv = new TextEncoder().encode(text);
  parentPort!.postMessage({ index: job.index, csv, rows: rows.length } satisfies ExportPage, [csv.buffer]);
});
