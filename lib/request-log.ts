import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "./log";

/** Set by our server on every request, replacing any copy a client sent: ids are ours to give. */
export const requestIdHeader = "x-request-id";

/**
 * Gives a request its id, in its headers (where pages and actions read it) and in the response's,
 * so a person reporting a failure can quote the id that finds its log line.
 */
export function stampRequestId(req: IncomingMessage, res: ServerResponse): void {
  const id = randomUUID();
  req.headers[requestIdHeader] = id;
  res.setHeader("X-Request-Id", id);
}

/**
 * Logs a request that could not be answered, with its id and URL. The logger blanks every link
 * token in the URL, wherever in the path or query it stands (lib/scrub.ts).
 */
export function logRequestError(req: IncomingMessage, error: unknown): void {
  logger().error({ err: error, requestId: req.headers[requestIdHeader], method: req.method, url: req.url }, "answering a request failed");
}
