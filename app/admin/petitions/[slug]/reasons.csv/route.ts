import { headers } from "next/headers";
import { isCrossSiteRead } from "@/lib/auth/origin";
import { can } from "@/lib/domain/roles";
import { reasonExport } from "@/lib/reason-export";
import { expectedOrigin } from "../../../../_lib/request";
import { currentOrganiser } from "../../../_lib/session";

export const dynamic = "force-dynamic";

const text = (status: number, body: string) =>
  new Response(`${body}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * GET /admin/petitions/<slug>/reasons.csv: the reasons shown on the page, as the public reads them, for any organiser who
 * sees the dashboard (nothing in it is more than the page shows). Checked as the other downloads are.
 */
export async function GET(_request: Request, { params }: RouteContext<"/admin/petitions/[slug]/reasons.csv">) {
  const list = await headers();
  if (isCrossSiteRead(list.get("origin"), list.get("sec-fetch-site"), await expectedOrigin())) {
    return text(403, "The reasons can only be downloaded from this site.");
  }
  const organiser = await currentOrganiser();
  if (!organiser) return text(401, "Sign in as an organiser to download the reasons.");
  if (!can(organiser.role, "view-dashboard")) return text(403, "Your role does not show this campaign.");
  const { slug } = await params;
  const found = await reasonExport(slug, organiser.email);
  if (!found) return text(404, "No such petition.");
  return new Response(found.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${found.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
