"use client";

import { useActionState } from "react";
import type { ConfirmState } from "./actions";
import { ConfirmResult } from "./ConfirmResult";

type Action = (state: ConfirmState, form: FormData) => Promise<ConfirmState>;

export function ConfirmCodeForm({ action, locale }: { action: Action; locale: string }) {
  const [state, formAction, pending] = useActionState(action, { email: "" });
  if (state.result?.kind === "confirmed") return <ConfirmResult result={state.result} locale={locale} />;
  return (
    <form action={formAction} className="sign-form" noValidate>
      {state.result && <ConfirmResult result={state.result} locale={locale} />}
      <div className="field">
        <label htmlFor="email">The email you signed with</label>
        <input id="email" name="email" type="email" autoComplete="email" required defaultValue={state.email} />
      </div>
      <div className="field">
        <label htmlFor="code">Six-digit code</label>
        <input
          id="code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          required
          aria-describedby="code-hint"
        />
        <p id="code-hint" className="field-hint">
          It is in the email we sent when you signed.
        </p>
      </div>
      <button type="submit" className="sign-button" disabled={pending}>
        {pending ? "Confirming…" : "Confirm my signature"}
      </button>
    </form>
  );
}
