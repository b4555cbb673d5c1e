import { petitionStatus } from "@/lib/petitions";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: RouteContext<"/api/petitions/[slug]">) {
  const status = await petitionStatus((await params).slug);
  if (!status) return Response.json({ error: "No such petition." }, { status: 404 });
  // A second of caching lets a CDN answer a crowd while the count stays current.
  return Response.json(status, { headers: { "Cache-Control": "public, max-age=1, stale-while-revalidate=5" } });
}
