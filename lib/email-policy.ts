import MailChecker from "mailchecker";
import { isEmailBlocked } from "@/db/store";

const disposable = MailChecker.blacklist();

/** True for a throwaway-mail domain or any subdomain of one, from mailchecker's maintained list. */
export function isDisposableDomain(domain: string): boolean {
  const labels = domain.split(".");
  for (let i = 0; i < labels.length - 1; i++) {
    if (disposable.has(labels.slice(i).join("."))) return true;
  }
  return false;
}

/** Why an address may not sign, in words for the signer, or undefined when it may. */
export async function emailRefusal(emailKey: string, domain: string): Promise<string | undefined> {
  if (isDisposableDomain(domain)) {
    return "Please use an email address you keep: throwaway addresses can't sign.";
  }
  if (await isEmailBlocked(emailKey, domain)) {
    return "This email address can't be used to sign this petition.";
  }
  return undefined;
}
