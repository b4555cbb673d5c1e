import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger, logDestination } from "./log";

const email = "rania.saleh+news@example.org";
const otherEmail = "o'brien@mail.example.co.uk";
const ipv4 = "203.0.113.9";
const otherIpv4 = "198.51.100.23";
const ipv6 = "2001:db8::7";
const fullIpv6 = "fe80:0:0:0:1ff:fe23:4567:890a";
const personal = [email, otherEmail, ipv4, otherIpv4, ipv6, fullIpv6];

function capture() {
  const lines: string[] = [];
  const log = createLogger("info", { write: (line: string) => void lines.push(line) });
  return { log, output: () => lines.join("") };
}

function expectNothingPersonal(output: string) {
  for (const value of personal) expect(output).not.toContain(value);
}

describe("the logger", () => {
  it("writes one JSON line per entry, with its fields", () => {
    const { log, output } = capture();
    log.info({ requestId: "abc", slug: "white-helmets" }, "campaigns ready");
    const line = JSON.parse(output()) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 30, msg: "campaigns ready", requestId: "abc", slug: "white-helmets" });
  });

  it("scrubs emails and addresses out of messages", () => {
    const { log, output } = capture();
    log.warn(`mail to ${email} and ${otherEmail} from ${ipv4}, ${ipv6} and ${fullIpv6} was refused`);
    log.info("GET /admin/erasure?email=rania.saleh%40example.org failed");
    expectNothingPersonal(output());
    expect(output()).not.toContain("rania.saleh%40example.org");
    expect(output()).toContain("mail to [email] and [email] from [ip], [ip] and [ip] was refused");
    expect(output()).toContain("erasure?email=[email] failed");
  });

  it("scrubs an error's message, stack and properties", () => {
    const { log, output } = capture();
    const error = Object.assign(new Error(`550 5.1.1 <${email}>: Recipient address rejected (client [${otherIpv4}])`), {
      response: `550 <${otherEmail}> unknown`,
      rejected: [email],
      address: ipv4,
    });
    log.error({ err: error }, "sending mail failed");
    const line = JSON.parse(output()) as { err: { message: string; stack: string; response: string; rejected: unknown; address: unknown } };
    expectNothingPersonal(output());
    expect(line.err.message).toBe("550 5.1.1 <[email]>: Recipient address rejected (client [[ip]])");
    expect(line.err.stack).toContain("Recipient address rejected");
    expect(line.err.response).toBe("550 <[email]> unknown");
    expect(line.err.rejected).toBe("[redacted]");
    expect(line.err.address).toBe("[redacted]");
  });

  it("redacts known keys and scrubs strings and keys at any depth", () => {
    const { log, output } = capture();
    log.info(
      {
        signer: { contact: { email: "someone-unusual", note: `write to ${otherEmail}` }, seenFrom: [ipv6] },
        headers: { "X-Forwarded-For": "anything", "x-countersign-client-address": "anything" },
        byEmail: { [email]: 1 },
        clientAddress: "anything",
      },
      "nested",
    );
    const line = JSON.parse(output()) as Record<string, unknown>;
    expectNothingPersonal(output());
    expect(output()).not.toContain("anything");
    expect(output()).not.toContain("someone-unusual");
    expect(line).toMatchObject({
      signer: { contact: { email: "[redacted]", note: "write to [email]" }, seenFrom: ["[ip]"] },
      headers: { "X-Forwarded-For": "[redacted]", "x-countersign-client-address": "[redacted]" },
      byEmail: { "[email]": 1 },
      clientAddress: "[redacted]",
    });
  });

  it("leaves times, versions and stack locations alone", () => {
    const { log, output } = capture();
    const text = "at 12:34:56 in node_modules/next@16.4.6 (node:internal/streams:12:3) v1.2.3.4.5 std::vector";
    log.info(text);
    expect((JSON.parse(output()) as { msg: string }).msg).toBe(text);
  });
});

describe("a destination that cannot be written", () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it("loses the lines without throwing, crashing or retrying in a loop", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "countersign-log-"));
    const file = path.join(dir, "read-only");
    writeFileSync(file, "");
    // A descriptor open only for reading: every write to it fails with EBADF, as a closed pipe fails.
    const fd = openSync(file, "r");
    try {
      const destination = logDestination(fd);
      const emitted = vi.spyOn(destination, "emit");
      const log = createLogger("info", destination);
      for (let n = 0; n < 20; n++) expect(() => log.error({ n }, "a line nobody will read")).not.toThrow();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const errors = emitted.mock.calls.filter(([event]) => event === "error").length;
      // It did fail (or this test would prove nothing), once per attempt at most, and each failure
      // was heard: an unheard "error" event throws, out of the write's callback, as an uncaught exception.
      expect(errors).toBeGreaterThan(0);
      expect(errors).toBeLessThanOrEqual(20);
      expect(emitted.mock.results.filter((result) => result.type === "throw")).toEqual([]);
    } finally {
      closeSync(fd);
    }
  });
});
