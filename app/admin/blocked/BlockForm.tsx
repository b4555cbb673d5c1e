"use client";

import { useActionState } from "react";
import { blockAction } from "./actions";

export function BlockForm() {
  const [state, action, pending] = useActionState(blockAction, { value: "" });
  return (
    <form action={action} className="admin-form" noValidate>
      {state.added && (
        <p className="notice notice-ok" role="status">
          {state.added}
        </p>
      )}
      <div className="field" key={state.added ?? "editing"}>
        <label htmlFor="value">Domain or address to block</label>
        <input
          id="value"
          name="value"
          defaultValue={state.value}
          placeholder="spam.example or name@example.org"
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? "value-error" : undefined}
        />
        {state.error && (
          <p id="value-error" className="field-error">
            {state.error}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending}>
        Block
      </button>
    </form>
  );
}
