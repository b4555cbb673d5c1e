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

/** The signer's address as our server stamped it (see lib/client-address.ts). */
export async function requestClientAddress(): Promise<string | undefined> {
  return (await headers()).get(clientAddressHeader) ?? undefined;
}

export async function expectedOrigin(): Promise<string> {
  return siteOrigin(await headers());
}
