import type { IncomingMessage, ServerResponse } from "node:http";
import { publicLogFile } from "@/lib/count-log/public-log";
import { sendJson } from "./respond";

/**
 * GET /log/<slug>/…: the campaign's public count log, open to anyone and to any site's scripts (a verifier may run on
 * another origin), as files that are the same for every reader.
 */
export async function answerLogFile(req: IncomingMessage, res: ServerResponse, slug: string): Promise<void> {
  const path = (req.url ?? "").split("?")[0]!.replace(/^\/log\/[^/]+\//, "");
  const file = await publicLogFile(slug, path);
  const open = { "Access-Control-Allow-Origin": "*" };
  if (file.kind === "bad-path") return sendJson(res, 400, { error: "That is not a path of the log's (C2SP tlog-tiles)." }, open);
  if (file.kind === "not-found") return sendJson(res, 404, { error: "Not found." }, open);
  const body = typeof file.body === "string" ? Buffer.from(file.body, "utf8") : file.body;
  res.writeHead(200, { ...open, "Content-Type": file.contentType, "Content-Length": body.length, "Cache-Control": file.cacheControl });
  res.end(req.method === "HEAD" ? undefined : body);
}
