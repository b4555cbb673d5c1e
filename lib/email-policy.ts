import { stores } from "./stores";
import MailChecker from "mailchecker";
import type { SignatureProblem } from "./signature-input";
import { shortLived } from "./short-lived";

const disposable = MailChecker.blacklist();

/** True for a throwaway-mail domain or any subdomain of one, from mailchecker's maintained list. */
export function isDisposableDomain(domain: string): boolean {
  const labels = domain.split(".");
  for (let i = 0; i < labels.length - 1; i++) {
    if (disposable.has(labels.slice(i).join("."))) return true;
  }
  return false;
}

/**
 * The organisers' block list, read whole at most once a second: it is asked on every signature,
 * and is short (domains and addresses an organiser typed in). A block made in another process
 * applies within the second; blocks made here apply at once (forget).
 */
export const blockList = shortLived("block-list", 1_000, async () => {
  const entries = await stores().moderation.listBlockedEmails();
  return {
    addresses: new Set(entries.filter((e) => e.kind === "address").map((e) => e.value)),
    domains: new Set(entries.filter((e) => e.kind === "domain").map((e) => e.value)),
  };
});

/** Whether the organisers have blocked this address (by its key), its domain or a parent of it. */
async function isBlocked(emailKey: string, domain: string): Promise<boolean> {
  const { addresses, domains } = await blockList.get(undefined);
  if (addresses.has(emailKey)) return true;
  const labels = domain.split(".");
  return labels.slice(0, -1).some((_, i) => domains.has(labels.slice(i).join(".")));
}

/** Why an address may not sign, as a problem the form words in the signer's language, or undefined when it may. */
export async function emailRefusal(emailKey: string, domain: string): Promise<SignatureProblem | undefined> {
  if (isDisposableDomain(domain)) return "email-disposable";
  if (await isBlocked(emailKey, domain)) return "email-blocked";
  return undefined;
}
