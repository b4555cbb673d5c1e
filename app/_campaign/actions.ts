"use server";

import { signPetition } from "@/lib/signatures";
import { valuesFromForm, type SignFormState } from "./sign-state";

export async function signAction(slug: string, previous: SignFormState, form: FormData): Promise<SignFormState> {
  const values = valuesFromForm(form);
  const base = { submission: previous.submission + 1, values, errors: {} };
  try {
    const outcome = await signPetition(slug, values);
    switch (outcome.kind) {
      case "invalid":
        return { ...base, status: "invalid", errors: outcome.errors };
      case "duplicate":
        return { ...base, status: "duplicate" };
      case "signed":
        return { ...base, status: "signed", signerNumber: outcome.signerNumber };
      case "not-found":
        return { ...base, status: "failed" };
    }
  } catch (error) {
    // The signer keeps what they typed and can try again; we keep the cause.
    console.error(`signing "${slug}" failed`, error);
    return { ...base, status: "failed" };
  }
}
