import { confirmByCode, confirmByToken, findConfirmationByToken, readPetitionCount } from "@/db/store";
import type { ConfirmOutcome } from "./store-contract";
import { emailKey } from "./email-key";
import { liveHub } from "./live-hub";
import { confirmationCodeHash } from "./confirmation-secrets";
import { hashToken, sameSecret } from "./tokens";

export const maxCodeAttempts = 5;

export type Confirmation =
  | { kind: "confirmed"; slug: string; signerNumber: number; firstName: string }
  | { kind: "unknown" | "expired" | "locked" | "wrong-code" };

function settle(outcome: ConfirmOutcome): Confirmation {
  if (outcome.kind !== "confirmed") return outcome;
  liveHub().notify(outcome.slug);
  return {
    kind: "confirmed",
    slug: outcome.slug,
    signerNumber: outcome.signaturesElsewhere + outcome.signerNumber,
    firstName: outcome.fullName.trim().split(/\s+/)[0] ?? "",
  };
}

/** What the link's page shows; opening it changes nothing, since mail scanners open links too. */
export async function describeConfirmationLink(token: string, now = new Date()) {
  const found = await findConfirmationByToken(hashToken(token));
  if (!found) return { kind: "unknown" as const };
  if (found.expiresAt <= now) return { kind: "expired" as const, slug: found.slug, title: found.title };
  return { kind: "valid" as const, slug: found.slug, title: found.title };
}

/** The button's POST: confirms once, and the count moves at that moment. */
export async function confirmWithLink(token: string, now = new Date()): Promise<Confirmation> {
  return settle(await confirmByToken(hashToken(token), now));
}

/** The fallback for people who cannot click links: the six-digit code from the same email. */
export async function confirmWithCode(slug: string, email: string, code: string, now = new Date()): Promise<Confirmation> {
  const petition = await readPetitionCount(slug);
  if (!petition || !/^\d{6}$/.test(code.trim())) return { kind: petition ? "wrong-code" : "unknown" };
  const key = emailKey(email);
  const expected = confirmationCodeHash(petition.id, key, code.trim());
  return settle(await confirmByCode(petition.id, key, (stored) => sameSecret(stored, expected), now, maxCodeAttempts));
}
