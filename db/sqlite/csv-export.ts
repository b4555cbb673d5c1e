import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { SignatureStatus } from "@/lib/domain/model";
import type { CsvPage } from "@/lib/domain/ports/signatures";
import type { ExportJob, ExportPage } from "./export-worker";
import type { IdSpan } from "./id-ranges";

export const exportPageSize = 2500;
const workerCount = 2;
// Ranges read ahead of the socket (one is about 300 KB of CSV). Measured: smaller ranges or less read-ahead left the
// workers waiting on the socket; larger ones grew memory.
const readAhead = 4;

/** The compiled export-worker.js beside this file when the server runs built JavaScript, else the TypeScript source through
 * tsx (the tests, `npm start` today). */
export function exportWorkerFile(): { file: string; execArgv: string[] } {
  const built = path.join(__dirname, "export-worker.js");
  if (existsSync(built)) return { file: built, execArgv: [] };
  return { file: path.join(__dirname, "export-worker.ts"), execArgv: ["--require", "tsx/cjs"] };
}

/** Worker threads read and format ranges of ids in parallel on read-only connections of their own; this thread hands them on
 * in id order, never holding more than a few, so memory stays flat at any size. */
export function csvExport(file: string, span: (campaignId: number) => IdSpan | undefined) {
  return async function* exportSignatureCsv(campaignId: number, statuses: readonly SignatureStatus[]): AsyncGenerator<CsvPage> {
    const ids = span(campaignId);
    if (!ids) return;
    const ranges = Math.ceil((ids.last + 1 - ids.first) / exportPageSize);
    const entry = exportWorkerFile();
    const workers = Array.from(
      { length: Math.min(workerCount, ranges) },
      () =>
        new Worker(entry.file, {
          workerData: { file, campaignId, statuses },
          execArgv: entry.execArgv,
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
      const from = ids.first + index * exportPageSize;
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
          if (failure) throw new Error(`the export of petition ${campaignId} failed in a worker`, { cause: failure });
          await new Promise<void>((resolve) => (wake = resolve));
        }
        const page = done.get(next)!;
        done.delete(next);
        if (sent < ranges) send();
        if (page.rows > 0) yield { csv: page.csv, rows: page.rows };
      }
    } finally {
      // Queued behind any ranges still being read: each worker closes its connection and ends.
      for (const worker of workers) worker.postMessage("close");
    }
  };
}
