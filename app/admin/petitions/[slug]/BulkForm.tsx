"use client";

import { useActionState } from "react";
import type { BulkState } from "./actions";

type Action = (state: BulkState, form: FormData) => Promise<BulkState>;

const empty: BulkState = {
  step: "choose",
  values: { suspected: false, clientAddress: "", emailDomain: "", from: "", to: "", filledUnderSeconds: "" },
};

/** Invalidate (or, for the bot trap's catches, release) signatures in bulk, seeing how many first. */
export function BulkForm({ action, locale }: { action: Action; locale: string }) {
  const [state, formAction, pending] = useActionState(action, empty);
  const n = new Intl.NumberFormat(locale).format(state.matches ?? 0);
  const plural = state.matches === 1 ? "" : "s";
  const { values } = state;
  return (
    <form action={formAction} className="admin-form" noValidate>
      {state.error && (
        <p className="form-message" role="alert">
          {state.error}
        </p>
      )}
      {state.step === "preview" && (
        <p className="notice" role="status">
          {n} signature{plural} match.{" "}
          {values.suspected
            ? "Release them if they are real people, or invalidate them; either way they stay stored for the audit."
            : "Press “Invalidate” to take them off the count; they stay stored for the audit."}
        </p>
      )}
      {state.step === "done" && (
        <p className="notice notice-ok" role="status">
          {state.done === "released" ? "Released" : "Invalidated"} {n} signature{plural}.
        </p>
      )}
      <div key={JSON.stringify(values) + state.step}>
        <div className="check">
          <input id="suspected" name="suspected" type="checkbox" defaultChecked={values.suspected} />
          <label htmlFor="suspected">Only suspected signatures (caught by the bot trap)</label>
        </div>
        <div className="field">
          <label htmlFor="clientAddress">Client address</label>
          <input id="clientAddress" name="clientAddress" defaultValue={values.clientAddress} placeholder="203.0.113.7" />
        </div>
        <div className="field">
          <label htmlFor="emailDomain">Email domain</label>
          <input id="emailDomain" name="emailDomain" defaultValue={values.emailDomain} placeholder="example.org" />
        </div>
        <div className="field">
          <label htmlFor="from">Signed from (UTC)</label>
          <input id="from" name="from" type="datetime-local" defaultValue={values.from} />
        </div>
        <div className="field">
          <label htmlFor="to">Signed before (UTC)</label>
          <input id="to" name="to" type="datetime-local" defaultValue={values.to} />
        </div>
        <div className="field">
          <label htmlFor="filledUnderSeconds">Filled in under (seconds)</label>
          <input
            id="filledUnderSeconds"
            name="filledUnderSeconds"
            inputMode="decimal"
            defaultValue={values.filledUnderSeconds}
            placeholder="3"
            aria-describedby="filled-hint"
          />
          <p id="filled-hint" className="field-hint">
            Time from the page opening to the form being sent. A browser that fills the form in for a person is fast
            too, so look before you invalidate.
          </p>
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" name="intent" value="preview" className="button-quiet" disabled={pending}>
          Count matching signatures
        </button>
        {state.step === "preview" && (state.matches ?? 0) > 0 && (
          <>
            <button type="submit" name="intent" value="invalidate" disabled={pending}>
              Invalidate {n}
            </button>
            {values.suspected && (
              <button type="submit" name="intent" value="release" disabled={pending}>
                Release {n}
              </button>
            )}
          </>
        )}
      </div>
    </form>
  );
}
