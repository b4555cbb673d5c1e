import { insertSignature, readPetitionCount } from "@/db/store";
import { emailKey } from "./email-key";
import { liveHub } from "./live-hub";
import { fieldErrors, signatureInput, type SignatureFieldErrors } from "./signature-input";

export type SignOutcome =
  | { kind: "invalid"; errors: SignatureFieldErrors }
  | { kind: "not-found" }
  | { kind: "duplicate" }
  | { kind: "signed"; signerNumber: number };

/** Validates a signer's input and stores it once per email; the count moves in the same transaction. */
export async function signPetition(slug: string, raw: unknown, now = new Date()): Promise<SignOutcome> {
  const parsed = signatureInput.safeParse(raw);
  if (!parsed.success) return { kind: "invalid", errors: fieldErrors(parsed.error) };

  const petition = await readPetitionCount(slug);
  if (!petition) return { kind: "not-found" };

  const input = parsed.data;
  const outcome = await insertSignature({
    petitionId: petition.id,
    fullName: input.fullName,
    email: input.email,
    emailKey: emailKey(input.email),
    country: input.country,
    comment: input.comment,
    showName: input.showName,
    wantsUpdates: input.wantsUpdates,
    signedAt: now,
  });
  if (outcome.kind === "duplicate") return outcome;

  liveHub().notify(slug);
  return { kind: "signed", signerNumber: petition.signaturesElsewhere + outcome.signatureCount };
}
