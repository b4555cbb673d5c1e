import type { IncomingMessage } from "node:http";
import ipaddr from "ipaddr.js";

/** Set by our server on every request, after removing any copy a client sent. */
export const clientAddressHeader = "x-countersign-client-address";

/**
 * The address a request came from: the socket's peer, or, behind a proxy, the value of the one
 * header the settings trust. For X-Forwarded-For that is the last entry, the one our proxy added;
 * earlier entries are whatever the client claimed.
 */
export function clientAddressOf(req: IncomingMessage, trustedHeader: string | undefined): string | undefined {
  const raw = trustedHeader ? req.headers[trustedHeader] : undefined;
  const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  const fromHeader = value?.split(",").at(-1)?.trim();
  return (fromHeader || req.socket.remoteAddress)?.replace(/^::ffff:/, "") || undefined;
}

/** Stamps the request with its client address so pages and actions can read it from headers. */
export function stampClientAddress(req: IncomingMessage, trustedHeader: string | undefined): void {
  const address = clientAddressOf(req, trustedHeader);
  delete req.headers[clientAddressHeader];
  if (address) req.headers[clientAddressHeader] = address;
}

/**
 * What a limit counts an address as: an IPv4 address is one client, but an IPv6 client is handed
 * a whole /64 and can use any address in it, so IPv6 counts by its /64. Anything that is not an
 * address counts as itself.
 */
export function addressNetwork(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === "ipv4") return parsed.toString();
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${parsed.toString()}/64`).toString()}/64`;
}
