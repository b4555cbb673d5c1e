"use client";

import { useActionState } from "react";
import { roles, type Role } from "@/lib/domain/roles";
import type { MemberState } from "./actions";

type Action = (state: MemberState, form: FormData) => Promise<MemberState>;

/** One organiser's role, and their removal after a second, confirming press. */
export function MemberForm({ action, email, role }: { action: Action; email: string; role: Role }) {
  const [state, formAction, pending] = useActionState(action, { role });
  const id = `role-${email}`;
  const errorId = `${id}-error`;
  return (
    <form action={formAction} className="member-form">
      <label htmlFor={id} className="visually-hidden">
        Role of {email}
      </label>
      <select
        id={id}
        name="role"
        key={state.role}
        defaultValue={state.role}
        aria-invalid={state.error ? true : undefined}
        aria-describedby={state.error ? errorId : undefined}
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>{" "}
      <button type="submit" name="intent" value="role" className="button-quiet" disabled={pending} aria-label={`Change the role of ${email}`}>
        Change role
      </button>{" "}
      {state.confirmRemove ? (
        <button type="submit" name="intent" value="confirm-remove" disabled={pending}>
          Yes, remove {email}
        </button>
      ) : (
        <button type="submit" name="intent" value="remove" className="button-quiet" disabled={pending} aria-label={`Remove ${email}`}>
          Remove
        </button>
      )}
      {state.confirmRemove && !state.error && (
        <p className="field-hint" role="status">
          Removing {email} signs them out at once and withdraws the invitations they sent.
        </p>
      )}
      {state.error && (
        <p id={errorId} className="field-error" role="alert">
          {state.error}
        </p>
      )}
    </form>
  );
}
