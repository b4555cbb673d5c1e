/**
 * Whether a request's Origin header names this site. A missing Origin, or the literal "null"
 * (sandboxed frames, some redirects), is refused: state-changing requests from browsers carry one.
 */
export function isSameOrigin(origin: string | null, expectedOrigin: string): boolean {
  if (!origin || origin === "null") return false;
  try {
    return new URL(origin).origin === new URL(expectedOrigin).origin;
  } catch {
    return false;
  }
}

/**
 * For reads such as downloads, which browsers send without an Origin on same-site navigation:
 * refused only when the browser says the request came from elsewhere.
 */
export function isCrossSiteRead(origin: string | null, fetchSite: string | null, expectedOrigin: string): boolean {
  if (origin !== null && !isSameOrigin(origin, expectedOrigin)) return true;
  return fetchSite === "cross-site";
}
