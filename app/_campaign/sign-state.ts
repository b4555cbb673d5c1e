import type { SignatureFieldErrors } from "@/lib/signature-input";

/** What the signer typed, echoed back so a validation error never loses it. */
export type SignFormValues = {
  fullName: string;
  email: string;
  country: string;
  comment: string;
  showName: boolean;
  reasonWithName: boolean;
  wantsUpdates: boolean;
};

export type SignFormState = {
  status: "editing" | "invalid" | "signed" | "pending" | "rate-limited" | "form-expired" | "closed" | "failed";
  /** Counts answers, so the form remounts with the echoed values after each one. */
  submission: number;
  values: SignFormValues;
  errors: SignatureFieldErrors;
  signerNumber?: number;
  withdrawToken?: string;
  /** The signer's own share code, and the private token that reads how many it brought. */
  referralCode?: string;
  referralStatsToken?: string;
  /** With the address, finds the signer's entry in the count's public log (the receipt page). */
  receiptSalt?: string;
  retryAfterMinutes?: number;
  /** A fresh stamp for the form, when the one it was shown with had run out. */
  formToken?: string;
};

export function initialSignFormState(country: string): SignFormState {
  return {
    status: "editing",
    submission: 0,
    values: { fullName: "", email: "", country, comment: "", showName: false, reasonWithName: false, wantsUpdates: false },
    errors: {},
  };
}

export function valuesFromForm(form: FormData): SignFormValues {
  const text = (name: keyof SignFormValues) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    fullName: text("fullName"),
    email: text("email"),
    country: text("country"),
    comment: text("comment"),
    showName: form.get("showName") === "on",
    reasonWithName: form.get("reasonWithName") === "on",
    wantsUpdates: form.get("wantsUpdates") === "on",
  };
}
