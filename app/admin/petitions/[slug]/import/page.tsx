import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { describeCsvProblem, importLimits, isCsvProblem } from "@/lib/imports/csv-file";
import { importHistory } from "@/lib/imports/import-history";
import { requestLocale } from "../../../../_lib/request";
import { OrganiserHeader } from "../../../_lib/OrganiserHeader";
import { requireRole } from "../../../_lib/session";
import { ImportHistory } from "./ImportHistory";

export const metadata: Metadata = { title: "Import signatures", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function ImportPage({ params, searchParams }: PageProps<"/admin/petitions/[slug]/import">) {
  const organiser = await requireRole("import");
  const { slug } = await params;
  const { refused, row } = await searchParams;
  const [history, locale] = await Promise.all([importHistory(slug), requestLocale()]);
  if (!history) notFound();
  const problem = isCsvProblem(refused) ? describeCsvProblem(refused, Number(row) > 0 ? Number(row) : undefined) : undefined;

  return (
    <>
      <OrganiserHeader organiser={organiser} />
      <main id="main" className="admin">
        <p className="kicker">
          <a href={`/admin/petitions/${slug}`}>{history.title}</a>
        </p>
        <h1>Import signatures</h1>
        <p>
          Bring in signatures gathered on another platform. Upload a CSV file with a header row: you choose which column is
          which, see a report on every row, and import in one step, which you can undo. Imported signatures count as
          confirmed. No one is emailed. A name shows on the petition page only where the file says they agreed.
        </p>
        <form method="post" action={`/admin/petitions/${slug}/import/upload`} encType="multipart/form-data" className="admin-form">
          {problem && (
            <p className="notice" role="alert" id="file-error">
              {problem}
            </p>
          )}
          <div className="field">
            <label htmlFor="file">CSV file</label>
            <input
              id="file"
              name="file"
              type="file"
              accept=".csv,.txt,text/csv"
              required
              aria-describedby={problem ? "file-hint file-error" : "file-hint"}
              aria-invalid={problem ? true : undefined}
            />
            <p id="file-hint" className="field-hint">
              UTF-8, with commas or semicolons between columns; up to {importLimits.bytes / 1024 / 1024} MB and{" "}
              {importLimits.rows.toLocaleString("en")} rows.
            </p>
          </div>
          <button type="submit">Upload and choose columns</button>
        </form>

        <section className="admin-section" aria-labelledby="imports-heading">
          <h2 id="imports-heading">Earlier imports</h2>
          <ImportHistory slug={slug} imports={history.imports} locale={locale} linked />
        </section>
      </main>
    </>
  );
}
