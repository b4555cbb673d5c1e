import { stores } from "@/lib/stores";
import type { IncomingMessage, ServerResponse } from "node:http";

/** Set when the process starts shutting down: it finishes what it has and takes nothing new. */
export const lifecycle = { draining: false };

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }).end(`${text}\n`);
}

/** GET /healthz: the process is alive and answering. */
export async function answerHealth(_req: IncomingMessage, res: ServerResponse): Promise<void> {
  sendText(res, 200, "ok");
}

/**
 * GET /readyz: the balancer may send this process work. Not while it shuts down, nor while the
 * database does not answer or lacks a migration.
 */
export async function answerReadiness(_req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (lifecycle.draining) return sendText(res, 503, "shutting down");
  if (!(await stores().database.databaseReady())) return sendText(res, 503, "database not ready");
  sendText(res, 200, "ready");
}
