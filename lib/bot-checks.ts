import { secretKey } from "./secrets";
import { hmac, sameSecret } from "./tokens";

/** The hidden field a person never sees or fills; bots that fill every field do. */
export const honeypotField = "website";
export const formTokenField = "formToken";

/** A form kept open longer than this is sent again, so a fetched page cannot be replayed forever. */
export const formTokenLifetimeMs = 24 * 60 * 60 * 1000;

/** Stamps a form with the time it was shown, signed so a bot cannot backdate it. */
export function issueFormToken(now = Date.now()): string {
  return `${now}.${hmac(secretKey("form-token"), String(now))}`;
}

/**
 * What a form's traps say about a submission. Time-to-fill is a signal, never a verdict: a person
 * whose browser filled the form in a second is a person. Only the honeypot, or a stamp that is
 * missing or forged (the form was not ours), marks a submission as suspected.
 */
export type FormCheck =
  | { kind: "person"; fillMs: number }
  | { kind: "expired" }
  | { kind: "suspected"; fillMs?: number };

export function checkForm(submission: { honeypot?: unknown; formToken?: unknown }, now = Date.now()): FormCheck {
  const issued = issuedAt(submission.formToken);
  const fillMs = issued === undefined ? undefined : Math.max(0, now - issued);
  if (typeof submission.honeypot === "string" && submission.honeypot.trim() !== "") return { kind: "suspected", fillMs };
  if (fillMs === undefined) return { kind: "suspected" };
  if (fillMs > formTokenLifetimeMs) return { kind: "expired" };
  return { kind: "person", fillMs };
}

/** When a genuine stamp was issued, or undefined for a missing or forged one. */
function issuedAt(token: unknown): number | undefined {
  if (typeof token !== "string") return undefined;
  const [issued = "", signature = ""] = token.split(".");
  if (!/^\d{1,15}$/.test(issued) || !sameSecret(signature, hmac(secretKey("form-token"), issued))) return undefined;
  return Number(issued);
}
