"use client";

import { useActionState } from "react";
import { erasureAction } from "./actions";

export function ErasureForm() {
  const [state, action, pending] = useActionState(erasureAction, { email: "" });
  return (
    <form action={action} className="admin-form" noValidate>
      {state.erased !== undefined && (
        <p className="notice notice-ok" role="status">
          Erased {state.erased} signature{state.erased === 1 ? "" : "s"}. They are gone from the database.
        </p>
      )}
      <div className="field" key={`${state.email}-${state.erased ?? ""}`}>
        <label htmlFor="email">Email address</label>
        <input
          id="email"
          name="email"
          type="email"
          defaultValue={state.email}
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? "email-error" : undefined}
        />
        {state.error && (
          <p id="email-error" className="field-error">
            {state.error}
          </p>
        )}
      </div>
      <button type="submit" name="intent" value="find" className="button-quiet" disabled={pending}>
        Find signatures
      </button>
      {state.found && (
        <div role="status">
          {state.found.length === 0 ? (
            <p>No signatures from this address.</p>
          ) : (
            <>
              <ul>
                {state.found.map((s) => (
                  <li key={s.id}>
                    {s.fullName} on {s.slug} ({s.status}, {s.signedAt.slice(0, 10)})
                  </li>
                ))}
              </ul>
              <button type="submit" name="intent" value="erase" disabled={pending}>
                Erase {state.found.length} signature{state.found.length === 1 ? "" : "s"}
              </button>
            </>
          )}
        </div>
      )}
    </form>
  );
}
