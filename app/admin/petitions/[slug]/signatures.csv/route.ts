import { signatureStatuses, type SignatureStatus } from "@/db/store";
import { signatureExport } from "@/lib/signature-export";
import { currentAdmin, isCrossSiteAdminRead } from "../../../_lib/session";

export const dynamic = "force-dynamic";

const text = (status: number, body: string) =>
  new Response(`${body}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** `?include=pending,invalidated` adds those to the confirmed signatures. */
function statusesFrom(url: URL): SignatureStatus[] {
  const asked = (url.searchParams.get("include") ?? "").split(",");
  return signatureStatuses.filter((s) => s === "confirmed" || asked.includes(s));
}

export async function GET(request: Request, { params }: RouteContext<"/admin/petitions/[slug]/signatures.csv">) {
  if (await isCrossSiteAdminRead()) return text(403, "Exports can only be asked for from this site.");
  const admin = await currentAdmin();
  if (!admin) return text(401, "Sign in as an organiser to export signatures.");

  const found = await signatureExport((await params).slug, {
    actor: admin.email,
    statuses: statusesFrom(new URL(request.url)),
  });
  if (!found) return text(404, "No such petition.");

  const encoder = new TextEncoder();
  const { chunks } = found;
  // Pulled one page at a time as the client reads, so a slow download never piles rows up in memory.
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${found.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
