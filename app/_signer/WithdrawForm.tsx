"use client";

import { useActionState } from "react";
import type { WithdrawState } from "./actions";

export function WithdrawForm({ action }: { action: () => Promise<WithdrawState> }) {
  const [state, formAction, pending] = useActionState(action, {});
  if (state.done) {
    return (
      <div className="thank-you" role="status">
        <h2>Your signature has been withdrawn</h2>
        <p>It is deleted, and no longer counted. Thank you for having taken part.</p>
      </div>
    );
  }
  if (state.done === false) {
    return (
      <p className="form-message" role="alert">
        This signature has already been withdrawn.
      </p>
    );
  }
  return (
    <form action={formAction}>
      <button type="submit" className="sign-button" disabled={pending}>
        {pending ? "Withdrawing…" : "Withdraw my signature"}
      </button>
    </form>
  );
}
