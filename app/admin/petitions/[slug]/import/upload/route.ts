import { headers } from "next/headers";
import { isSameOrigin } from "@/lib/auth/origin";
import { can } from "@/lib/domain/roles";
import { importLimits, type CsvProblem } from "@/lib/imports/csv-file";
import { stageImport } from "@/lib/imports/imports";
import { expectedOrigin } from "../../../../../_lib/request";
import { currentOrganiser } from "../../../../_lib/session";

export const dynamic = "force-dynamic";

// Room for the multipart form's own lines around the file.
const formOverhead = 64 * 1024;

const text = (status: number, body: string) =>
  new Response(`${body}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** Back to the page, as a form post expects (303: the browser follows with a GET). */
const seeOther = (path: string) => new Response(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });

/**
 * POST /admin/petitions/<slug>/import/upload: an owner's CSV, staged in the database for the
 * next steps. A route handler rather than a server action, so a 20 MB file needs no larger body
 * limit for every action on the site; a plain form posts here, with or without JavaScript.
 */
export async function POST(request: Request, { params }: RouteContext<"/admin/petitions/[slug]/import/upload">) {
  const list = await headers();
  if (!isSameOrigin(list.get("origin"), await expectedOrigin())) return text(403, "Organiser forms can only be sent from this site's own pages.");
  const organiser = await currentOrganiser();
  if (!organiser) return seeOther("/admin/login");
  if (!can(organiser.role, "import")) return text(403, "Only an owner can import signatures.");
  const { slug } = await params;
  const back = (problem: CsvProblem, row?: number) =>
    seeOther(`/admin/petitions/${encodeURIComponent(slug)}/import?refused=${problem}${row ? `&row=${row}` : ""}`);

  // Refused before reading: a body larger than the limit, or of no stated length, is never buffered.
  const length = request.headers.get("content-length");
  if (length === null) return text(411, "Send the file from the import page's form.");
  if (!(Number(length) <= importLimits.bytes + formOverhead)) return back("too-large");
  let file: FormDataEntryValue | null;
  try {
    file = (await request.formData()).get("file");
  } catch {
    // A form that does not parse was cut off on the way: never stage part of a file.
    return back("cut-short");
  }
  if (!(file instanceof File) || file.size === 0) return back(file instanceof File ? "empty" : "no-file");

  const staged = await stageImport(slug, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, organiser.email);
  if (staged.kind === "not-found") return text(404, "No such petition.");
  if (staged.kind === "refused") return back(staged.problem, staged.row);
  return seeOther(`/admin/petitions/${encodeURIComponent(slug)}/import/${staged.importId}`);
}
