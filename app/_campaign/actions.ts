"use server";

import { formTokenField, honeypotField, issueFormToken } from "@/lib/bot-checks";
import type { Locale } from "@/lib/domain/locales";
import { signCampaign } from "@/lib/signatures";
import { requestClientAddress, requestReferral } from "../_lib/request";
import { logActionError } from "../_lib/request-log";
import { valuesFromForm, type SignFormState } from "./sign-state";

export async function signAction(slug: string, locale: Locale, previous: SignFormState, form: FormData): Promise<SignFormState> {
  const values = valuesFromForm(form);
  const base = { submission: previous.submission + 1, values, errors: {}, formToken: previous.formToken };
  try {
    const outcome = await signCampaign(slug, values, {
      clientAddress: await requestClientAddress(),
      form: { honeypot: form.get(honeypotField), formToken: form.get(formTokenField) },
      locale,
      referral: form.get("ref") || (await requestReferral()),
    });
    switch (outcome.kind) {
      case "invalid":
        return { ...base, status: "invalid", errors: outcome.errors };
      case "form-expired":
        return { ...base, status: "form-expired", formToken: issueFormToken() };
      case "signed":
        return {
          ...base,
          status: "signed",
          signerNumber: outcome.signerNumber,
          withdrawToken: outcome.withdrawToken,
          referralCode: outcome.referralCode,
          referralStatsToken: outcome.referralStatsToken,
          receiptSalt: outcome.receiptSalt,
        };
      case "pending":
        return { ...base, status: "pending" };
      case "rate-limited":
        return { ...base, status: "rate-limited", retryAfterMinutes: Math.ceil(outcome.retryAfterSeconds / 60) };
      case "closed":
        return { ...base, status: "closed" };
      case "not-found":
        return { ...base, status: "failed" };
    }
  } catch (error) {
    // The signer keeps what they typed and can try again; we keep the cause.
    await logActionError("signing failed", error, { slug });
    return { ...base, status: "failed" };
  }
}
