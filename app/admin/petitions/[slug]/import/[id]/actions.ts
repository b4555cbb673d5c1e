"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { importFields, type ImportField } from "@/lib/imports/column-mapping";
import type { ImportReport } from "@/lib/imports/import-report";
import { previewImport, runImport, undoImport, type MappingErrors } from "@/lib/imports/imports";
import { requireRoleAction } from "../../../../_lib/session";

export type MappingValues = Record<ImportField, string>;

export type MappingState = {
  values: MappingValues;
  errors?: MappingErrors;
  /** The report on the file as mapped by `values`; the import checks every row again. */
  report?: ImportReport;
  error?: string;
};

const gone = "This import is no longer waiting for its columns: it has run, been undone, or waited more than a day. Upload the file again.";

function valuesOf(form: FormData): MappingValues {
  const entry = (field: ImportField) => {
    const value = form.get(field);
    return typeof value === "string" ? value : "";
  };
  return Object.fromEntries(importFields.map((field) => [field, entry(field)])) as MappingValues;
}

/** First press: the report on every row. Second press: the import, after which its page shows the result. */
export async function importStepAction(slug: string, importId: number, _previous: MappingState, form: FormData): Promise<MappingState> {
  const organiser = await requireRoleAction("import");
  const values = valuesOf(form);
  if (form.get("intent") === "import") {
    const outcome = await runImport(slug, importId, values, organiser.email);
    if (outcome.kind === "invalid-mapping") return { values, errors: outcome.errors };
    if (outcome.kind === "gone") return { values, error: gone };
    revalidatePath(`/admin/petitions/${slug}`);
    redirect(`/admin/petitions/${slug}/import/${importId}`);
  }
  const outcome = await previewImport(slug, importId, values);
  if (outcome.kind === "invalid-mapping") return { values, errors: outcome.errors };
  if (outcome.kind === "gone") return { values, error: gone };
  return { values, report: outcome.report };
}

/** Deletes every signature the import stored; its page then says so. */
export async function undoImportAction(slug: string, importId: number): Promise<void> {
  const organiser = await requireRoleAction("import");
  await undoImport(slug, importId, organiser.email);
  revalidatePath(`/admin/petitions/${slug}`);
  redirect(`/admin/petitions/${slug}/import/${importId}`);
}
