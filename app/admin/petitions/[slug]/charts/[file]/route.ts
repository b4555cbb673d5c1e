import { headers } from "next/headers";
import { isCrossSiteRead } from "@/lib/auth/origin";
import { can } from "@/lib/domain/roles";
import { chartCsv, isChartFile } from "@/lib/chart-csv";
import { expectedOrigin } from "../../../../../_lib/request";
import { currentOrganiser } from "../../../../_lib/session";

export const dynamic = "force-dynamic";

const text = (status: number, body: string) =>
  new Response(`${body}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * GET /admin/petitions/<slug>/charts/<chart>.csv: one chart's figures for a signed-in organiser,
 * checked as the signatures export checks (server/export-endpoint.ts). Counts only, so small.
 */
export async function GET(_request: Request, { params }: RouteContext<"/admin/petitions/[slug]/charts/[file]">) {
  const list = await headers();
  if (isCrossSiteRead(list.get("origin"), list.get("sec-fetch-site"), await expectedOrigin())) {
    return text(403, "Chart figures can only be asked for from this site.");
  }
  const organiser = await currentOrganiser();
  if (!organiser) return text(401, "Sign in as an organiser to download chart figures.");
  if (!can(organiser.role, "view-dashboard")) return text(403, "Your role does not show this campaign's figures.");
  const { slug, file } = await params;
  const found = isChartFile(file) ? await chartCsv(slug, file) : undefined;
  if (!found) return text(404, "No such petition or chart.");
  return new Response(found.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${found.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
