"use client";

import { useActionState } from "react";
import type { UnsubscribeState } from "./actions";

type Words = { button: string; pending: string; doneHeading: string; done: string; invalid: string };

/** One button; its words come from the page, in the page's language. */
export function UnsubscribeForm({ action, words }: { action: () => Promise<UnsubscribeState>; words: Words }) {
  const [state, formAction, pending] = useActionState(action, {});
  if (state.done) {
    return (
      <div className="thank-you" role="status">
        <h2>{words.doneHeading}</h2>
        <p>{words.done}</p>
      </div>
    );
  }
  if (state.done === false) {
    return (
      <p className="form-message" role="alert">
        {words.invalid}
      </p>
    );
  }
  return (
    <form action={formAction}>
      <button type="submit" className="sign-button" disabled={pending}>
        {pending ? words.pending : words.button}
      </button>
    </form>
  );
}
