import { headers } from "next/headers";
import { clientAddressHeader } from "@/lib/client-address";
import { config } from "@/lib/config";
import { localeFromAcceptLanguage } from "@/lib/locale";
import { siteOrigin } from "@/lib/site-origin";

export async function requestLocale(): Promise<string> {
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}

/** An absolute URL for sharing: PUBLIC_URL when set, else the address this request came to. */
export async function absoluteUrl(pathname: string): Promise<string> {
  const configured = config().PUBLIC_URL;
  return configured ? `${configured}${pathname}` : `${siteOrigin(await headers())}${pathname}`;
}

/**
 * The share code in the address of the page a form was sent from. Without JavaScript the form
 * cannot copy it from the address bar, but the browser names the page in Referer (same origin).
 */
export async function requestReferral(): Promise<string | undefined> {
  const list = await headers();
  const referer = list.get("referer");
  if (!referer) return undefined;
  try {
    const url = new URL(referer);
    return url.origin === siteOrigin(list) ? (url.searchParams.get("ref") ?? undefined) : undefined;
  } catch {
    return undefined;
  }
}

/** The signer's address as our server stamped it (see lib/client-address.ts). */
export async function requestClientAddress(): Promise<string | undefined> {
  return (await headers()).get(clientAddressHeader) ?? undefined;
}

export async function expectedOrigin(): Promise<string> {
  return siteOrigin(await headers());
}
