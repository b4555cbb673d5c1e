import { countMailSince, enqueueMail, insertSignature, readPetitionCount, renewConfirmation } from "@/db/store";
import type { PetitionCount } from "@/db/store";
import { looksAutomated } from "./bot-checks";
import { config, mailConfigured } from "./config";
import { emailDomain, emailKey } from "./email-key";
import { emailRefusal } from "./email-policy";
import { confirmByCodeLink, confirmLink, withdrawLink } from "./links";
import { liveHub } from "./live-hub";
import { alreadySignedMessage, confirmationMessage, thankYouMessage } from "./mail/messages";
import { mailWorker } from "./mail/outbox-worker";
import { signingLimits } from "./rate-limit";
import { fieldErrors, signatureInput, type SignatureFieldErrors, type SignatureInput } from "./signature-input";
import { secret } from "./secrets";
import { hashToken, hmac, randomToken, sixDigitCode } from "./tokens";
import { withdrawToken } from "./withdrawals";

export const confirmationLifetimeMs = 7 * 24 * 60 * 60 * 1000;
const resendLimits = { maxSends: 5, minIntervalMs: 60_000 };

export type SignContext = {
  clientAddress?: string;
  /** The form's bot traps; the JSON API has none and relies on the rate limits. */
  form?: { honeypot?: unknown; formToken?: unknown };
  now?: Date;
};

export type SignOutcome =
  | { kind: "invalid"; errors: SignatureFieldErrors }
  | { kind: "not-found" }
  | { kind: "rate-limited"; retryAfterSeconds: number }
  | { kind: "duplicate" }
  | { kind: "signed"; signerNumber: number; withdrawToken: string }
  | { kind: "pending" };

export const confirmationRequired = (petition: Pick<PetitionCount, "requireConfirmation">) =>
  petition.requireConfirmation && mailConfigured();

/** The code's hash is bound to the campaign and address, so a code works for that signature only. */
export async function confirmationCodeHash(petitionId: number, key: string, code: string): Promise<string> {
  return hmac(await secret("confirmation-code"), `${petitionId}:${key}:${code}`);
}

/**
 * Validates a signer's input and stores it once per email; the count moves in the same
 * transaction. With confirmation on, the signature waits for the emailed link and every answer is
 * "check your email", whether or not the address had signed before.
 */
export async function signPetition(slug: string, raw: unknown, context: SignContext = {}): Promise<SignOutcome> {
  const now = context.now ?? new Date();
  const parsed = signatureInput.safeParse(raw);
  if (!parsed.success) return { kind: "invalid", errors: fieldErrors(parsed.error) };

  const petition = await readPetitionCount(slug);
  if (!petition) return { kind: "not-found" };
  const confirming = confirmationRequired(petition);

  if (context.form && (await looksAutomated(context.form, config().MIN_FORM_SECONDS, now.getTime()))) {
    // Answer as a success would, so the bot learns nothing; store nothing. The withdraw token has
    // a real one's shape, and leads nowhere.
    const next = petition.signatureCount + 1;
    return confirming
      ? { kind: "pending" }
      : { kind: "signed", signerNumber: petition.signaturesElsewhere + next, withdrawToken: withdrawToken(next, randomToken()) };
  }

  const input = parsed.data;
  const key = emailKey(input.email);
  const domain = emailDomain(input.email);
  const refusal = await emailRefusal(key, domain);
  if (refusal) return { kind: "invalid", errors: { email: refusal } };

  const limit = signingLimits().check(context.clientAddress, domain, now.getTime());
  if (!limit.ok) return { kind: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };

  const outcome = confirming
    ? await signPending(petition, input, key, domain, context.clientAddress, now)
    : await signConfirmed(petition, input, key, domain, context.clientAddress, now);
  if (mailConfigured()) mailWorker().kick();
  if (outcome.kind === "signed" || outcome.kind === "pending") liveHub().notify(slug);
  return outcome;
}

type Parts = [PetitionCount, SignatureInput, string, string, string | undefined, Date];

async function signConfirmed(...[petition, input, key, domain, clientAddress, now]: Parts): Promise<SignOutcome> {
  const withdrawKey = await secret("withdraw");
  const outcome = await insertSignature(
    { ...signatureValues(petition, input, key, domain, clientAddress, now), status: "confirmed" },
    {
      mail: mailConfigured()
        ? ({ signatureId, signatureCount }) =>
            thankYouMessage({
              ...recipient(petition, input),
              signerNumber: petition.signaturesElsewhere + signatureCount,
              withdrawUrl: withdrawLink(withdrawToken(signatureId, withdrawKey)),
            })
        : undefined,
    },
  );
  if (outcome.kind === "duplicate") return { kind: "duplicate" };
  return {
    kind: "signed",
    signerNumber: petition.signaturesElsewhere + outcome.signatureCount,
    withdrawToken: withdrawToken(outcome.signatureId, withdrawKey),
  };
}

async function signPending(...[petition, input, key, domain, clientAddress, now]: Parts): Promise<SignOutcome> {
  const withdrawKey = await secret("withdraw");
  const withdrawUrl = (signatureId: number) => withdrawLink(withdrawToken(signatureId, withdrawKey));
  const { secret: confirmation, links } = await newConfirmation(petition, key, now);
  const to = recipient(petition, input);
  const outcome = await insertSignature(
    { ...signatureValues(petition, input, key, domain, clientAddress, now), status: "pending" },
    { confirmation, mail: ({ signatureId }) => confirmationMessage({ ...to, ...links, withdrawUrl: withdrawUrl(signatureId) }) },
  );
  if (outcome.kind === "duplicate") {
    const { existing } = outcome;
    if (existing.status === "pending") {
      const mail = confirmationMessage({ ...to, ...links, withdrawUrl: withdrawUrl(existing.id) });
      await renewConfirmation(existing.id, confirmation, mail, now, resendLimits);
    } else if (existing.status === "confirmed") {
      // One note a day at most, so signing with someone's address cannot flood their inbox.
      const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
      if ((await countMailSince(existing.id, "already-signed", dayAgo)) === 0) {
        const note = alreadySignedMessage({ ...to, withdrawUrl: withdrawUrl(existing.id) });
        await enqueueMail({ ...note, signatureId: existing.id }, now);
      }
    }
  }
  return { kind: "pending" };
}

async function newConfirmation(petition: PetitionCount, key: string, now: Date) {
  const token = randomToken();
  const code = sixDigitCode();
  return {
    secret: {
      tokenHash: hashToken(token),
      codeHash: await confirmationCodeHash(petition.id, key, code),
      expiresAt: new Date(now.getTime() + confirmationLifetimeMs),
    },
    links: { confirmUrl: confirmLink(token), code, codeUrl: confirmByCodeLink(petition.slug) },
  };
}

const recipient = (petition: PetitionCount, input: SignatureInput) => ({
  toAddress: input.email,
  fullName: input.fullName,
  petitionTitle: petition.title,
});

function signatureValues(
  petition: PetitionCount,
  input: SignatureInput,
  key: string,
  domain: string,
  clientAddress: string | undefined,
  now: Date,
) {
  return {
    petitionId: petition.id,
    fullName: input.fullName,
    email: input.email,
    emailKey: key,
    emailDomain: domain,
    country: input.country,
    comment: input.comment,
    showName: input.showName,
    wantsUpdates: input.wantsUpdates,
    clientAddress,
    signedAt: now,
  };
}
