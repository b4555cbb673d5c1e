import { signatureExport } from "@/lib/signature-export";
import { currentAdmin } from "../../../_lib/session";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: RouteContext<"/admin/petitions/[slug]/signatures.csv">) {
  if (!(await currentAdmin())) {
    return new Response("Sign in as an organiser to export signatures.\n", {
      status: 401,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const found = await signatureExport((await params).slug);
  if (!found) return new Response("No such petition.\n", { status: 404 });

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
  request.signal.addEventListener("abort", () => void chunks.return(undefined));
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${found.filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
