import { once } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { signatureStatuses, type SignatureStatus } from "@/lib/domain/model";
import { isCrossSiteRead } from "@/lib/auth/origin";
import { can } from "@/lib/domain/roles";
import { sessionOrganiser, sessionCookieName } from "@/lib/auth/sessions";
import { signatureExport } from "@/lib/signature-export";
import { siteOrigin } from "@/lib/site-origin";

const headerReader = (req: IncomingMessage) => ({
  get: (name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
  },
});

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }).end(`${text}\n`);
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}

/** `?include=pending,invalidated,suspected` adds those to the confirmed signatures. */
function statusesFrom(url: string): SignatureStatus[] {
  const asked = (new URLSearchParams(url.split("?")[1] ?? "").get("include") ?? "").split(",");
  return signatureStatuses.filter((s) => s === "confirmed" || asked.includes(s));
}

/**
 * GET /admin/petitions/<slug>/signatures.csv for a signed-in organiser whose role may export: written straight to the
 * socket, one keyset page at a time, waiting whenever the client is slower than the database.
 */
export async function answerExport(req: IncomingMessage, res: ServerResponse, slug: string): Promise<void> {
  const headers = headerReader(req);
  if (isCrossSiteRead(headers.get("origin"), headers.get("sec-fetch-site"), siteOrigin(headers))) {
    return sendText(res, 403, "Exports can only be asked for from this site.");
  }
  const organiser = await sessionOrganiser(cookie(req, sessionCookieName));
  if (!organiser) return sendText(res, 401, "Sign in as an organiser to export signatures.");
  // The role as stored now: an organiser demoted a moment ago gets nothing more.
  if (!can(organiser.role, "export")) return sendText(res, 403, "Your organiser role doesn't include exporting signatures. An owner can export them for you.");
  const found = await signatureExport(slug, { actor: organiser.email, statuses: statusesFrom(req.url ?? "") });
  if (!found) return sendText(res, 404, "No such petition.");

  res.writeHead(200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${found.filename}"`,
    "Cache-Control": "no-store",
  });
  const { chunks } = found;
  try {
    for await (const chunk of chunks) {
      if (res.destroyed) break;
      if (!res.write(chunk)) await Promise.race([once(res, "drain"), once(res, "close")]);
    }
  } finally {
    // Stops the reader and records in the audit log how far the download got.
    await chunks.return(undefined);
    res.end();
  }
}
