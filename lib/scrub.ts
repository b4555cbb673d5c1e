// What no line the process writes may carry, whatever wrote it (lib/log.ts, lib/standard-streams.ts):
// who a signer is, where they are, and the secrets in links.

// An address as our forms accept it (and in any script), or percent-encoded in a URL; an apostrophe
// inside (o'brien@) but not before it, where it is a quote. The top-level domain must start with a
// letter, so versions in stack traces (next@16.4.6) are left alone.
const emailPattern = /[\p{L}\p{M}\p{N}._%+-][\p{L}\p{M}\p{N}._%+'-]*(?:@|%40)(?:(?:[\p{L}\p{M}\p{N}-]+\.)+\p{L}[\p{L}\p{M}\p{N}-]*|\[[^\]\s]*\])/giu;
const octet = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
const ipv4Pattern = new RegExp(String.raw`(?<![\d.])(?:${octet}\.){3}${octet}(?!\.?\d)`, "g");
// Full (eight groups) or compressed (with "::"); times such as 12:34:56 have neither.
const group = "[0-9a-f]{1,4}";
const ipv6Pattern = new RegExp(
  String.raw`(?<![0-9a-z:])(?:(?:${group}:){7}${group}|(?:${group}(?::${group}){0,6})?::(?:${group}(?::${group}){0,6})?)(?![0-9a-z:])`,
  "gi",
);

// A path segment, or a query value, made of 16 or more URL-safe characters, up to where it ends
// (a file's extension, as in chunk-0a1b2c3d4e5f6a7b.js, makes it a name, not a segment).
const segmentEnd = String.raw`(?=[/?#&\s"'<>()[\],;]|\.(?![\w-])|$)`;
const pathSegment = new RegExp(String.raw`(?<=/)[\w-]{16,}${segmentEnd}`, "g");
const queryValue = new RegExp(String.raw`(?<=[?&][\w.%-]*=)[\w-]{16,}${segmentEnd}`, "g");
// Lower-case words joined by hyphens: a campaign's slug, a request id. A token (43 or 48 characters
// of base64url, a 64-digit hash) has capitals, underscores or one long run, all but never none.
const plainWords = /^[a-z0-9]{1,24}(?:-[a-z0-9]{1,24})*$/;
const blankToken = (segment: string) => (plainWords.test(segment) ? segment : "[token]");

// Drizzle's failed-query errors list the statement's values (names, addresses, hashes), in their
// message ("params: a,b", which the stack repeats) and as a property (util.inspect's "params: [ … ]");
// PostgreSQL's constraint errors quote the whole row.
const queryValues = /\bparams: (?:\[[\s\S]*?\](?=,?\n|\s*\}|$)|[\s\S]*?(?=\n\s+at\s|$))/g;
const failingRow = /Failing row contains \([\s\S]*\)/g;

/**
 * Text with every email and IP address in it replaced, the secrets of links blanked (a token in any
 * path or query, not only the paths we know of today), and the values a failed query carried cut.
 */
export function scrubText(text: string): string {
  return (
    text
      .replace(queryValues, "params: [redacted]")
      .replace(failingRow, "Failing row contains [redacted]")
      .replace(pathSegment, blankToken)
      .replace(queryValue, blankToken)
      .replace(emailPattern, "[email]")
      // IPv4 first: "::ffff:192.0.2.1" then leaves only "::ffff:", which says nothing.
      .replace(ipv4Pattern, "[ip]")
      .replace(ipv6Pattern, "[ip]")
  );
}
