import type { IncomingMessage, ServerResponse } from "node:http";
import { clientAddressHeader } from "@/lib/client-address";
import { withdrawLink } from "@/lib/links";
import { campaignStatus } from "@/lib/campaign-status";
import { describeProblems } from "@/lib/signature-problems";
import { signCampaign } from "@/lib/signatures";
import { BodyTooLarge, readBody, sendJson } from "./respond";

const maxBodyBytes = 16 * 1024;

// Partners' pages may read the count to draw their own counter. Never with credentials: the
// answer is public and the same for everyone.
const readableAnywhere = { "Access-Control-Allow-Origin": "*" };

/**
 * GET /api/petitions/<slug>: the count, one primary-key read, cacheable for a second, readable from
 * any site. Drafts and campaigns taken down are not found; a closed one says `closed: true`.
 */
export async function answerCount(_req: IncomingMessage, res: ServerResponse, slug: string): Promise<void> {
  const status = await campaignStatus(slug);
  if (!status) return sendJson(res, 404, { error: "No such petition." }, readableAnywhere);
  // A second of caching lets a CDN answer a crowd while the count stays current.
  sendJson(res, 200, status, { ...readableAnywhere, "Cache-Control": "public, max-age=1, stale-while-revalidate=5" });
}

/**
 * OPTIONS /api/petitions/<slug>: the preflight a browser sends before a cross-site read that is
 * not a simple GET. Only GET is offered, with no request headers beyond the simple ones.
 */
export async function answerCountPreflight(req: IncomingMessage, res: ServerResponse): Promise<void> {
  req.resume();
  res.writeHead(204, { ...readableAnywhere, "Access-Control-Allow-Methods": "GET", "Access-Control-Max-Age": "86400" }).end();
}

/**
 * POST /api/petitions/<slug>/signatures: signing by the same rules as the form (apart from its bot
 * traps). A repeat signature is answered exactly as a first one (201, or 202 with confirmation),
 * never with a 409, so the API cannot be asked whether an address has signed.
 */
export async function answerSigning(req: IncomingMessage, res: ServerResponse, slug: string): Promise<void> {
  if (!req.headers["content-type"]?.toLowerCase().startsWith("application/json")) {
    req.resume();
    return sendJson(res, 415, { error: "Send the signature as JSON, with Content-Type: application/json." });
  }
  let body: unknown;
  try {
    body = JSON.parse(await readBody(req, maxBodyBytes));
  } catch (error) {
    if (error instanceof BodyTooLarge) return sendJson(res, 413, { error: "The request is too large." });
    return sendJson(res, 400, { error: "The request body is not valid JSON." });
  }

  const clientAddress = req.headers[clientAddressHeader];
  const outcome = await signCampaign(slug, body, { clientAddress: typeof clientAddress === "string" ? clientAddress : undefined });
  switch (outcome.kind) {
    case "signed":
      return sendJson(res, 201, { status: "signed", signerNumber: outcome.signerNumber, withdrawUrl: withdrawLink(outcome.withdrawToken) });
    case "pending":
      return sendJson(res, 202, { status: "pending", message: "Check your email to confirm your signature." });
    case "form-expired":
      // Only a form's stamp expires, and the API takes none; answered in case that ever changes.
      return sendJson(res, 400, { error: "The form has expired; send the signature again." });
    case "invalid":
      return sendJson(res, 400, { error: "Some fields need another look.", fields: describeProblems(outcome.errors, "en"), problems: outcome.errors });
    case "rate-limited":
      return sendJson(
        res,
        429,
        { error: "Too many signatures from this connection or email domain; try again later." },
        { "Retry-After": String(outcome.retryAfterSeconds) },
      );
    case "closed":
      // Refused, never a success: the signature was not stored.
      return sendJson(res, 403, { error: "This petition has closed and no longer takes signatures.", code: "petition-closed" });
    case "not-found":
      return sendJson(res, 404, { error: "No such petition." });
  }
}
