"use client";

import { useActionState } from "react";
import { roleDescriptions, roles } from "@/lib/domain/roles";
import { inviteAction, type InviteState } from "./actions";

const empty: InviteState = { values: { email: "", role: "viewer" } };

export function InviteForm() {
  const [state, action, pending] = useActionState(inviteAction, empty);
  const { values, errors } = state;
  return (
    <form action={action} className="admin-form" noValidate>
      {state.sent && (
        <div className="notice notice-ok" role="status">
          <p>{state.sent}</p>
          {state.link && (
            <p>
              <code>{state.link}</code>
            </p>
          )}
        </div>
      )}
      <div key={state.sent ?? "editing"}>
        <div className="field">
          <label htmlFor="invite-email">Their email</label>
          <input
            id="invite-email"
            name="email"
            type="email"
            autoComplete="off"
            defaultValue={values.email}
            aria-invalid={errors?.email ? true : undefined}
            aria-describedby={errors?.email ? "invite-email-error" : undefined}
          />
          {errors?.email && (
            <p id="invite-email-error" className="field-error">
              {errors.email}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select
            id="invite-role"
            name="role"
            defaultValue={values.role}
            aria-invalid={errors?.role ? true : undefined}
            aria-describedby={errors?.role ? "invite-role-error" : undefined}
          >
            {roles.map((role) => (
              <option key={role} value={role}>
                {roleDescriptions[role]}
              </option>
            ))}
          </select>
          {errors?.role && (
            <p id="invite-role-error" className="field-error">
              {errors.role}
            </p>
          )}
        </div>
      </div>
      <button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send invitation"}
      </button>
    </form>
  );
}
