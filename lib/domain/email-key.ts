/** Providers that deliver user+tag@ to user@, so a +tag does not make a new person. */
const plusTagDomains = new Set([
  "gmail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "msn.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "fastmail.com",
  "fastmail.fm",
  "proton.me",
  "protonmail.com",
  "pm.me",
]);

/** Providers that ignore dots in the local part. */
const dotlessDomains = new Set(["gmail.com"]);

const domainAliases = new Map([["googlemail.com", "gmail.com"]]);

/** A domain in its ASCII (punycode) form by the URL standard's host parser, which Node and browsers share, so a signer's
 * browser computes the same key (the receipt page); a domain no address could have is left as it came. */
function toAscii(domain: string): string {
  if (/[/:?#\\[\]@%\s]/.test(domain)) return domain;
  try {
    return new URL(`http://${domain}`).hostname;
  } catch {
    return domain;
  }
}

/**
 * The key one person's address is matched by, so the same mailbox cannot sign twice. The address
 * itself is stored as typed; only this key is normalised. Rules (README, "Email matching"):
 * surrounding white space dropped, Unicode NFC, lower case throughout, domain in its ASCII
 * (punycode) form without a trailing dot, and for the providers above +tags and dots removed.
 */
export function emailKey(address: string): string {
  const trimmed = address.trim().normalize("NFC").toLowerCase();
  const at = trimmed.lastIndexOf("@");
  if (at <= 0) return trimmed;
  let local = trimmed.slice(0, at);
  const rawDomain = trimmed.slice(at + 1).replace(/\.$/, "");
  const asciiDomain = toAscii(rawDomain);
  const domain = domainAliases.get(asciiDomain) ?? asciiDomain;
  if (plusTagDomains.has(domain)) local = local.replace(/\+.*$/, "");
  if (dotlessDomains.has(domain)) local = local.replaceAll(".", "");
  return `${local}@${domain}`;
}

/** The domain part of an address's key, as rate limits and block lists compare it. */
export function emailDomain(address: string): string {
  const key = emailKey(address);
  return key.slice(key.lastIndexOf("@") + 1);
}
