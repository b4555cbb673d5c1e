"use client";

import { useActionState } from "react";
import type { SettingsState } from "./actions";

type Action = (state: SettingsState, form: FormData) => Promise<SettingsState>;

/** How reasons reach the page: approved first, or shown at once and held by readers' reports; and the words that hold one. */
export function ReasonSettingsForm({ action, initial }: { action: Action; initial: SettingsState }) {
  const [state, formAction, pending] = useActionState(action, initial);
  const { values } = state;
  return (
    <form action={formAction} className="admin-form" noValidate>
      {state.error && (
        <p className="form-message" role="alert">
          {state.error}
        </p>
      )}
      {state.saved && (
        <p className="notice notice-ok" role="status">
          Saved. New reasons follow it from now on.
        </p>
      )}
      <fieldset key={JSON.stringify(values)}>
        <legend>How reasons reach the page</legend>
        <div className="check">
          <input id="moderation-approve" type="radio" name="moderation" value="approve" defaultChecked={values.moderation === "approve"} />
          <label htmlFor="moderation-approve">Shown once an organiser approves them</label>
        </div>
        <div className="check">
          <input id="moderation-report" type="radio" name="moderation" value="report" defaultChecked={values.moderation === "report"} />
          <label htmlFor="moderation-report">Shown at once, and held for an organiser when readers report them</label>
        </div>
        <div className="field">
          <label htmlFor="reportLimit">Reports that hold a reason</label>
          <input id="reportLimit" name="reportLimit" type="number" min={1} max={100} inputMode="numeric" defaultValue={values.reportLimit} aria-describedby="reportLimit-hint" />
          <p id="reportLimit-hint" className="field-hint">
            Only when reasons are shown at once. A reason an organiser approved stays up however many report it.
          </p>
        </div>
        <div className="field">
          <label htmlFor="blockedWords">Words that hold a reason for an organiser</label>
          <textarea id="blockedWords" name="blockedWords" rows={4} defaultValue={values.blockedWords} aria-describedby="blockedWords-hint" />
          <p id="blockedWords-hint" className="field-hint">
            One word or phrase a line, in any language. A reason holding one waits here, whichever way reasons reach the page.
          </p>
        </div>
      </fieldset>
      <button type="submit" disabled={pending}>
        Save
      </button>
    </form>
  );
}
