"use client";

import { useActionState } from "react";
import type { AcceptState } from "./actions";

type Action = (state: AcceptState, form: FormData) => Promise<AcceptState>;

export function AcceptForm({ action, email }: { action: Action; email: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  const { errors } = state;
  return (
    <form action={formAction} className="admin-form" noValidate>
      {state.message && (
        <p className="form-message" role="alert">
          {state.message}
        </p>
      )}
      {/* For password managers: the account this password belongs to. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <div className="field">
        <label htmlFor="password">Choose a password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={errors?.password ? true : undefined}
          aria-describedby={errors?.password ? "password-hint password-error" : "password-hint"}
        />
        <p id="password-hint" className="field-hint">
          12 characters or more. A few unrelated words make a good one.
        </p>
        {errors?.password && (
          <p id="password-error" className="field-error">
            {errors.password}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="confirm">The same password again</label>
        <input
          id="confirm"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={errors?.confirm ? true : undefined}
          aria-describedby={errors?.confirm ? "confirm-error" : undefined}
        />
        {errors?.confirm && (
          <p id="confirm-error" className="field-error">
            {errors.confirm}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending}>
        {pending ? "Setting up your account…" : "Accept and sign in"}
      </button>
    </form>
  );
}
