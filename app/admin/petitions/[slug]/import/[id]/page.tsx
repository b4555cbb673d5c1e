import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { openImport } from "@/lib/imports/imports";
import type { SignatureImport } from "@/lib/domain/signature-import";
import { requestLocale } from "../../../../../_lib/request";
import { OrganiserHeader } from "../../../../_lib/OrganiserHeader";
import { requireRole } from "../../../../_lib/session";
import { importStepAction, undoImportAction } from "./actions";
import { MappingForm } from "./MappingForm";

export const metadata: Metadata = { title: "Import signatures", robots: { index: false } };
export const dynamic = "force-dynamic";

function Counts({ record, locale }: { record: SignatureImport; locale: string }) {
  const number = new Intl.NumberFormat(locale);
  return (
    <dl className="stats">
      <div>
        <dt>Rows in the file</dt>
        <dd>{number.format(record.totalRows)}</dd>
      </div>
      <div>
        <dt>Imported</dt>
        <dd>{number.format(record.importedRows)}</dd>
      </div>
      <div>
        <dt>Invalid</dt>
        <dd>{number.format(record.invalidRows)}</dd>
      </div>
      <div>
        <dt>Duplicates</dt>
        <dd>{number.format(record.duplicateRows)}</dd>
      </div>
    </dl>
  );
}

export default async function ImportStepPage({ params }: PageProps<"/admin/petitions/[slug]/import/[id]">) {
  const organiser = await requireRole("import");
  const { slug, id } = await params;
  const importId = /^\d{1,9}$/.test(id) ? Number(id) : undefined;
  const [opened, locale] = await Promise.all([importId === undefined ? undefined : openImport(slug, importId), requestLocale()]);
  if (!opened || importId === undefined) notFound();
  const { record, staged } = opened;
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const undo = (
    <form action={undoImportAction.bind(null, slug, importId)}>
      <p>Undoing deletes every signature this import added, and takes them off the count. Signatures made here are untouched.</p>
      <button type="submit">Undo this import</button>
    </form>
  );

  return (
    <>
      <OrganiserHeader organiser={organiser} />
      <main id="main" className="admin">
        <p className="kicker">
          <a href={`/admin/petitions/${slug}`}>Back to the campaign</a> · <a href={`/admin/petitions/${slug}/import`}>Imports</a>
        </p>
        <h1>Import of {record.fileName}</h1>
        <p>
          Uploaded by {record.createdBy} on {time.format(record.createdAt)} UTC; {record.totalRows} row{record.totalRows === 1 ? "" : "s"} under the
          header.
        </p>
        {record.status === "staged" && staged && (
          <>
            <p>
              Choose which column holds what (guessed from the header), then check every row. Nothing is stored until you
              import.
            </p>
            <MappingForm action={importStepAction.bind(null, slug, importId)} header={staged.header} guessed={staged.guessed} />
          </>
        )}
        {record.status === "imported" && (
          <>
            <p className="notice notice-ok" role="status">
              Imported {record.importedRows} signature{record.importedRows === 1 ? "" : "s"}
              {record.importedAt ? ` on ${time.format(record.importedAt)} UTC` : ""}.
            </p>
            <Counts record={record} locale={locale} />
            {undo}
          </>
        )}
        {(record.status === "importing" || record.status === "undoing") && (
          <>
            <p className="notice" role="status">
              {record.status === "importing"
                ? "This import stopped before it finished (the server restarted, or it is still running). Undo it, then import the file again."
                : "This import is being undone. If it stopped before it finished, undo it again."}
            </p>
            <Counts record={record} locale={locale} />
            {undo}
          </>
        )}
        {record.status === "undone" && (
          <>
            <p className="notice" role="status">
              Undone{record.undoneAt ? ` on ${time.format(record.undoneAt)} UTC` : ""}: the {record.importedRows} signature
              {record.importedRows === 1 ? "" : "s"} it added are deleted.
            </p>
            <Counts record={record} locale={locale} />
          </>
        )}
      </main>
    </>
  );
}
