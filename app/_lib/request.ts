import { headers } from "next/headers";
import { clientAddressHeader } from "@/lib/client-address";
import { config } from "@/lib/config";
import { localeFromAcceptLanguage } from "@/lib/locale";

export async function requestLocale(): Promise<string> {
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}

/** An absolute URL for sharing: PUBLIC_URL when set, else the address this request came to. */
export async function absoluteUrl(pathname: string): Promise<string> {
  const configured = config().PUBLIC_URL;
  if (configured) return `${configured}${pathname}`;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}${pathname}`;
}

/** The signer's address as our server stamped it (see lib/client-address.ts). */
export async function requestClientAddress(): Promise<string | undefined> {
  return (await headers()).get(clientAddressHeader) ?? undefined;
}

/** This site's origin as the browser sees it: PUBLIC_URL when set, else the request's own host. */
export async function expectedOrigin(): Promise<string> {
  return new URL(await absoluteUrl("/")).origin;
}
