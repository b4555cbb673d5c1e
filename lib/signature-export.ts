import path from "node:path";
import { Worker } from "node:worker_threads";
import { databaseFile, readPetitionCount, signatureIdRange, type SignatureStatus } from "@/db/store";
import { recordAudit } from "./audit";
import { csvRow, utf8Bom } from "./csv";
import type { ExportJob, ExportPage } from "./export-worker";

export const exportPageSize = 2500;

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

type Progress = { rows: number; finished: boolean };

const workerCount = 2;
// Ranges a worker may have read ahead of the socket: enough to keep it busy, little enough to keep
// memory flat (a range of 2,500 signatures is about 300 KB of CSV). Measured: smaller ranges or
// less read-ahead left the workers waiting on the socket; larger ones grew memory.
const readAhead = 4;

/**
 * A campaign's signatures as CSV (UTF-8 bytes), a range of ids at a time, in id order. Worker threads read
 * and format the ranges in parallel; this thread hands them on in order, never holding more than a
 * few, so memory stays flat at any size.
 */
export async function* signatureCsv(
  petitionId: number,
  statuses: readonly SignatureStatus[],
  progress: Progress = { rows: 0, finished: false },
): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(utf8Bom + csvRow(exportHeader));
  const span = await signatureIdRange(petitionId);
  if (!span) {
    progress.finished = true;
    return;
  }
  const ranges = Math.ceil((span.last + 1 - span.first) / exportPageSize);
  const workers = Array.from(
    { length: Math.min(workerCount, ranges) },
    () => new Worker(path.join(__dirname, "export-worker.ts"), {
        workerData: { file: databaseFile(), petitionId, statuses },
        execArgv: ["--require", "tsx/cjs"],
        // A worker holds a few pages at a time; a small heap keeps the export's memory flat.
        resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 },
      }),
  );
  const done = new Map<number, ExportPage>();
  let wake: (() => void) | undefined;
  let failure: unknown;
  let sent = 0;
  const send = () => {
    const index = sent++;
    const from = span.first + index * exportPageSize;
    workers[index % workers.length]!.postMessage({ index, from, to: from + exportPageSize } satisfies ExportJob);
  };
  for (const worker of workers) {
    worker.on("message", (page: ExportPage) => {
      done.set(page.index, page);
      wake?.();
    });
    worker.on("error", (error) => {
      failure = error;
      wake?.();
    });
  }
  try {
    while (sent < Math.min(ranges, workers.length * readAhead)) send();
    for (let next = 0; next < ranges; next++) {
      while (!done.has(next)) {
        if (failure) throw new Error(`the export of petition ${petitionId} failed in a worker`, { cause: failure });
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const page = done.get(next)!;
      done.delete(next);
      if (sent < ranges) send();
      progress.rows += page.rows;
      if (page.csv.length) yield page.csv;
    }
    progress.finished = true;
  } finally {
    // Queued behind any ranges still being read: each worker closes its connection and ends.
    for (const worker of workers) worker.postMessage("close");
  }
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
  const petition = await readPetitionCount(slug);
  if (!petition) return undefined;
  const now = options.now ?? new Date();
  const statuses = options.statuses ?? ["confirmed"];
  async function* audited(): AsyncGenerator<Uint8Array> {
    const progress = { rows: 0, finished: false };
    try {
      yield* signatureCsv(petition!.id, statuses, progress);
    } finally {
      await recordAudit({
        actor: options.actor,
        action: "export",
        petitionSlug: slug,
        detail: `CSV of ${statuses.join(", ")} signatures${progress.finished ? "" : ", stopped before the end"}`,
        rowCount: progress.rows,
      });
    }
  }
  return { filename: `${petition.slug}-signatures-${now.toISOString().slice(0, 10)}.csv`, chunks: audited() };
}
