"use client";

import { useActionState } from "react";
import { fieldLabels, importFields, type ColumnMapping } from "@/lib/imports/column-mapping";
import { described, Field } from "../../../../_lib/Field";
import type { MappingState } from "./actions";
import { ImportReportView } from "./ImportReportView";

const hints: Partial<Record<(typeof importFields)[number], string>> = {
  fullName: "Or first and last name, below.",
  country: "An ISO code (SY, SYR) or the English name.",
  signedAt: "Dates like 2024-03-31 or 2024-03-31 14:05 (UTC); without, the time of the import.",
  wantsUpdates: "Yes or no; without, no.",
  showName: "Yes or no; without, no one's name is shown on the petition page.",
};

type Step = (previous: MappingState, form: FormData) => Promise<MappingState>;

/** Choose which column is which, see the report, then import: the report comes back with every choice kept. */
export function MappingForm({ action, header, guessed }: { action: Step; header: string[]; guessed: ColumnMapping }) {
  const initial: MappingState = {
    values: Object.fromEntries(importFields.map((field) => [field, guessed[field] === undefined ? "" : String(guessed[field])])) as MappingState["values"],
  };
  const [state, formAction, pending] = useActionState(action, initial);
  const errors = state.errors ?? {};
  return (
    <>
      <form id="import-mapping" action={formAction} className="admin-form" noValidate>
        {state.error && (
          <p className="notice" role="alert">
            {state.error}
          </p>
        )}
        <fieldset key={JSON.stringify(state.values)}>
          <legend>Which column holds what</legend>
          {importFields.map((field) => (
          <Field key={field} id={`column-${field}`} label={fieldLabels[field]} hint={hints[field]} error={errors[field]}>
            <select name={field} defaultValue={state.values[field]} {...described(`column-${field}`, errors[field], Boolean(hints[field]))}>
              <option value="">Not in the file</option>
              {header.map((name, index) => (
                <option key={index} value={String(index)}>
                  {name || `Column ${index + 1}`}
                </option>
              ))}
            </select>
          </Field>
        ))}
        </fieldset>
        <button type="submit" name="intent" value="preview" className="button-quiet" disabled={pending}>
          Check every row
        </button>
      </form>
      {/* Outside the narrow form, so the report's tables have the page's width; the import button
          still sends the form's mapping through its form attribute. */}
      {state.report && (
        <>
          <ImportReportView report={state.report} />
          {state.report.toImport === 0 ? (
            <p>No row can be imported: every one is invalid or a duplicate.</p>
          ) : (
            <p>
              <button type="submit" form="import-mapping" name="intent" value="import" disabled={pending}>
                Import {state.report.toImport} signature{state.report.toImport === 1 ? "" : "s"}
              </button>
            </p>
          )}
        </>
      )}
    </>
  );
}
