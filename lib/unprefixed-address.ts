/**
 * Set by our server on a request for a page without a locale in its address (`/`, `/p/<slug>`),
 * which it rewrites to the reader's locale (server/locale-door.ts), after removing any copy a
 * client sent. Such a page is the x-default its language versions name, and so its own canonical.
 */
export const unprefixedHeader = "x-countersign-unprefixed";
