import { withdrawLink } from "@/lib/links";
import { signPetition } from "@/lib/signatures";
import { requestClientAddress } from "../../../../_lib/request";

export const dynamic = "force-dynamic";

const maxBodyBytes = 16 * 1024;

const problem = (status: number, body: Record<string, unknown>, headers: HeadersInit = {}) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });

/** Signs through the public JSON API, by the same rules as the form (apart from its bot traps). */
export async function POST(request: Request, { params }: RouteContext<"/api/petitions/[slug]/signatures">) {
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
    return problem(415, { error: "Send the signature as JSON, with Content-Type: application/json." });
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBodyBytes) return problem(413, { error: "The request is too large." });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return problem(400, { error: "The request body is not valid JSON." });
  }

  const { slug } = await params;
  const outcome = await signPetition(slug, body, { clientAddress: await requestClientAddress() });
  switch (outcome.kind) {
    case "signed":
      return problem(201, {
        status: "signed",
        signerNumber: outcome.signerNumber,
        withdrawUrl: withdrawLink(outcome.withdrawToken),
      });
    case "pending":
      return problem(202, { status: "pending", message: "Check your email to confirm your signature." });
    case "duplicate":
      return problem(409, { error: "This email has already signed this petition." });
    case "invalid":
      return problem(400, { error: "Some fields need another look.", fields: outcome.errors });
    case "rate-limited":
      return problem(
        429,
        { error: "Too many signatures from this connection or email domain; try again later." },
        { "Retry-After": String(outcome.retryAfterSeconds) },
      );
    case "not-found":
      return problem(404, { error: "No such petition." });
  }
}
