import { inspect } from "node:util";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { scrubText } from "./scrub";
import { decoySealedId, randomToken } from "./tokens";

describe("scrubbing a line of output", () => {
  it("blanks a link's token in any path and any query, in running text too", () => {
    const sealed = decoySealedId();
    const random = randomToken();
    const text = `⨯ Error: render failed at GET https://sign.example.org/ar/unsubscribe/${sealed}. (from /api/referrals/${random}?again=${random})`;
    expect(scrubText(text)).toBe("⨯ Error: render failed at GET https://sign.example.org/ar/unsubscribe/[token]. (from /api/referrals/[token]?again=[token])");
    // A SHA-256 in hex is one long run of plain characters, still a token.
    expect(scrubText(`/x/${"ab12".repeat(16)}`)).toBe("/x/[token]");
  });

  it("leaves slugs, request ids, versions and stack locations alone", () => {
    const text =
      "GET /en/p/the-white-helmets-for-the-nobel-peace-prize 3f2b6c1e-8a4d-4b9e-9c1a-2e7d5f6a8b90 at " +
      "/work/main/node_modules/next/dist/compiled/next-server/app-page.runtime.prod.js:12:345 " +
      "(/work/main/.next/server/chunks/ssr/node_modules_next_dist_esm_build_templates_app-page_0a1b2c._.js:1:2)";
    expect(scrubText(text)).toBe(text);
  });

  it("cuts the values of a failed query, in its message, its stack and as util.inspect prints it", () => {
    const cause = new Error("UNIQUE constraint failed: signatures.petition_id, signatures.email_key");
    const error = new DrizzleQueryError("insert into signatures (full_name, email) values (?, ?)", ["Rania Saleh", "rania@example.org"], cause);
    for (const text of [error.message, error.stack!, inspect(error)]) {
      const scrubbed = scrubText(text);
      expect(scrubbed).not.toContain("Rania");
      expect(scrubbed).not.toContain("rania");
      expect(scrubbed).toContain("Failed query: insert into signatures (full_name, email) values (?, ?)");
      expect(scrubbed).toContain("params: [redacted]");
    }
    // What went wrong is still there to read.
    expect(scrubText(inspect(error))).toContain("UNIQUE constraint failed");
    expect(scrubText(error.stack!)).toMatch(/params: \[redacted\]\n\s+at /);
  });

  it("cuts the row PostgreSQL quotes when a constraint fails", () => {
    expect(scrubText("Failing row contains (7, 1, confirmed, Rania Saleh, rania@example.org, SY).")).toBe("Failing row contains [redacted].");
  });
});
