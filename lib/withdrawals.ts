import { findSignatureForWithdrawal, withdrawSignature } from "@/db/store";
import { liveHub } from "./live-hub";
import { secret } from "./secrets";
import { hmac, sameSecret } from "./tokens";

/**
 * The token in a signature's withdraw link: its id and a MAC of it. It can be made again for every
 * email about that signature, and nothing of it needs storing.
 */
export function withdrawToken(signatureId: number, key: string): string {
  return `${signatureId}.${hmac(key, `withdraw:${signatureId}`).slice(0, 32)}`;
}

async function signatureIdOf(token: string): Promise<number | undefined> {
  const [id = "", mac = ""] = token.split(".");
  if (!/^\d{1,15}$/.test(id)) return undefined;
  return sameSecret(withdrawToken(Number(id), await secret("withdraw")), `${id}.${mac}`) ? Number(id) : undefined;
}

/** What the withdraw page shows before the signer presses the button. */
export async function describeWithdrawal(token: string) {
  const id = await signatureIdOf(token);
  return id === undefined ? undefined : findSignatureForWithdrawal(id);
}

/** Deletes the signature for good; the count drops on every open page. */
export async function withdraw(token: string, now = new Date()): Promise<{ slug: string; title: string } | undefined> {
  const id = await signatureIdOf(token);
  if (id === undefined) return undefined;
  const found = await findSignatureForWithdrawal(id);
  if (!found) return undefined;
  await withdrawSignature(id, now);
  liveHub().notify(found.slug);
  return { slug: found.slug, title: found.title };
}
