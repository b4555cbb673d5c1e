import { headers } from "next/headers";
import { z } from "zod";
import { isCrossSiteRead } from "@/lib/auth/origin";
import { can } from "@/lib/domain/roles";
import { deliveryReport } from "@/lib/delivery-report/delivery-report";
import { expectedOrigin } from "../../../../_lib/request";
import { currentOrganiser } from "../../../_lib/session";

export const dynamic = "force-dynamic";

const text = (status: number, body: string) =>
  new Response(`${body}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

// What the form on the report page sends: a ticked box, or nothing.
const query = z.object({
  names: z.literal("on", { error: "The names option can only be ticked or left empty." }).optional(),
  reasons: z.literal("on", { error: "The reasons option can only be ticked or left empty." }).optional(),
});

/** The PDF's bytes as a web stream, drawn only as fast as the browser reads them. */
function pdfStream(chunks: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    // The download stopped: end the reader, which records in the audit log how far it got.
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/**
 * GET /admin/petitions/<slug>/report.pdf: the delivery report for a signed-in organiser, checked
 * as the exports are. Any organiser who sees the dashboard may take it without names; with
 * `?names=on` it holds signers' names, which only a role that may export them gets.
 */
export async function GET(request: Request, { params }: RouteContext<"/admin/petitions/[slug]/report.pdf">) {
  const list = await headers();
  if (isCrossSiteRead(list.get("origin"), list.get("sec-fetch-site"), await expectedOrigin())) {
    return text(403, "The delivery report can only be asked for from this site.");
  }
  const organiser = await currentOrganiser();
  if (!organiser) return text(401, "Sign in as an organiser to download the delivery report.");
  if (!can(organiser.role, "view-dashboard")) return text(403, "Your role does not show this campaign's figures.");
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const problems = z.flattenError(parsed.error).fieldErrors;
    return text(400, problems.names?.[0] ?? problems.reasons?.[0] ?? "That report option is not one we know.");
  }
  const includeNames = parsed.data.names === "on";
  // The role as stored now: an organiser demoted a moment ago gets no names.
  if (includeNames && !can(organiser.role, "export")) {
    return text(403, "Your organiser role doesn't include signers' names. Download the report without them, or ask an owner.");
  }
  const { slug } = await params;
  const found = await deliveryReport(slug, { actor: organiser.email, includeNames, includeReasons: parsed.data.reasons === "on" });
  if (!found) return text(404, "No such petition.");
  return new Response(pdfStream(found.chunks), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${found.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
