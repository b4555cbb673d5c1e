"use client";

import { useActionState } from "react";
import type { InvalidationState } from "./actions";

type Action = (state: InvalidationState, form: FormData) => Promise<InvalidationState>;

const empty: InvalidationState = { step: "choose", values: { clientAddress: "", emailDomain: "", from: "", to: "" } };

export function InvalidationForm({ action, locale }: { action: Action; locale: string }) {
  const [state, formAction, pending] = useActionState(action, empty);
  const n = new Intl.NumberFormat(locale).format(state.matches ?? 0);
  return (
    <form action={formAction} className="admin-form" noValidate>
      {state.error && (
        <p className="form-message" role="alert">
          {state.error}
        </p>
      )}
      {state.step === "preview" && (
        <p className="notice" role="status">
          {n} signature{state.matches === 1 ? "" : "s"} match. Press &ldquo;Invalidate&rdquo; to take them off the count;
          they stay stored for the audit.
        </p>
      )}
      {state.step === "done" && (
        <p className="notice notice-ok" role="status">
          Invalidated {n} signature{state.matches === 1 ? "" : "s"}.
        </p>
      )}
      <div key={JSON.stringify(state.values) + state.step}>
        <div className="field">
          <label htmlFor="clientAddress">Client address</label>
          <input id="clientAddress" name="clientAddress" defaultValue={state.values.clientAddress} placeholder="203.0.113.7" />
        </div>
        <div className="field">
          <label htmlFor="emailDomain">Email domain</label>
          <input id="emailDomain" name="emailDomain" defaultValue={state.values.emailDomain} placeholder="example.org" />
        </div>
        <div className="field">
          <label htmlFor="from">Signed from (UTC)</label>
          <input id="from" name="from" type="datetime-local" defaultValue={state.values.from} />
        </div>
        <div className="field">
          <label htmlFor="to">Signed before (UTC)</label>
          <input id="to" name="to" type="datetime-local" defaultValue={state.values.to} />
        </div>
      </div>
      <button type="submit" name="intent" value="preview" className="button-quiet" disabled={pending}>
        Count matching signatures
      </button>{" "}
      {state.step === "preview" && (state.matches ?? 0) > 0 && (
        <button type="submit" name="intent" value="invalidate" disabled={pending}>
          Invalidate {n}
        </button>
      )}
    </form>
  );
}
