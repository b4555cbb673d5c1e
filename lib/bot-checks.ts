import { secret } from "./secrets";
import { hmac, sameSecret } from "./tokens";

/** The hidden field a person never sees or fills; bots that fill every field do. */
export const honeypotField = "website";
export const formTokenField = "formToken";

/** Stamps a form with the time it was shown, signed so a bot cannot backdate it. */
export async function issueFormToken(now = Date.now()): Promise<string> {
  return `${now}.${hmac(await secret("form-token"), String(now))}`;
}

/**
 * Whether a submission looks automated: the honeypot is filled, the form stamp is missing or
 * forged, or it came back faster than a person could fill it in.
 */
export async function looksAutomated(
  submission: { honeypot?: unknown; formToken?: unknown },
  minSeconds: number,
  now = Date.now(),
): Promise<boolean> {
  if (typeof submission.honeypot === "string" && submission.honeypot.trim() !== "") return true;
  if (minSeconds === 0) return false;
  if (typeof submission.formToken !== "string") return true;
  const [issued = "", signature = ""] = submission.formToken.split(".");
  if (!sameSecret(signature, hmac(await secret("form-token"), issued))) return true;
  return now - Number(issued) < minSeconds * 1000;
}
