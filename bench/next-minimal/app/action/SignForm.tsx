"use client";
// Labelled like the app's form, so the bench records its request with the same browser steps.
import { useActionState } from "react";
import { sign } from "./actions";

export function SignForm() {
  const [state, action] = useActionState(sign, { signed: false });
  if (state.signed) return <h2>Thank you</h2>;
  return (
    <form action={action}>
      <label>
        Full name <input name="fullName" />
      </label>
      <label>
        Email <input name="email" type="email" />
      </label>
      <label>
        Country
        <select name="country">
          <option value="GB">United Kingdom</option>
          <option value="SY">Syria</option>
        </select>
      </label>
      <button>Sign the petition</button>
    </form>
  );
}
