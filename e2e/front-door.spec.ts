import { connect, type Socket } from "node:net";
import { expect, test } from "@playwright/test";
import { startOwnApp } from "./support/own-app";

const poison = {
  "x-forwarded-proto": "https://evil.example/?",
  "x-forwarded-host": "evil.example",
  forwarded: "host=evil.example;proto=https",
  cookie: "theme=evil.example",
};

/** Signs on the page as a reader would and returns the share link the thank-you offers. */
/** The campaign's own address on `origin`, with the signer's referral tag. */
const sharedFrom = (origin: string) => new RegExp(`^${origin.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/en/p/white-helmets\\?ref=[\\w-]+$`);

async function shareLinkAfterSigning(page: import("@playwright/test").Page, email: string): Promise<string> {
  await page.getByLabel("Full name").fill("Plain Reader");
  await page.getByRole("textbox", { name: "Email" }).fill(email);
  await page.getByLabel("Country").selectOption("SY");
  await page.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByRole("heading", { name: "Thank you, Plain!" })).toBeVisible();
  return page.getByLabel("Link to this petition").inputValue();
}

test("one request with forged forwarded headers cannot rewrite the share links other readers are served", async ({ page, request }) => {
  const app = await startOwnApp({ PAGE_CACHE_SECONDS: "5", SIGN_LIMIT_PER_ADDRESS: "0" });
  try {
    const poisoned = await request.get(`${app.url}/?utm_source=evil`, { headers: poison });
    expect((await poisoned.text()).includes("evil.example"), "the forged headers shaped their own page").toBe(false);

    // Within the cache's lifetime, a plain reader gets the copy the forged request may have made.
    await page.goto(app.url);
    expect((await page.content()).includes("evil.example"), "the forged headers shaped another reader's page").toBe(false);
    expect(await shareLinkAfterSigning(page, "plain-reader@example.org")).toMatch(sharedFrom(app.url));
  } finally {
    await app.stop();
  }
});

test("behind a proxy the operator trusts, links follow its forwarded host and scheme, each with its own cached copy", async ({
  page,
  request,
}) => {
  const app = await startOwnApp({ PAGE_CACHE_SECONDS: "5", TRUST_FORWARDED_HOST: "true", SIGN_LIMIT_PER_ADDRESS: "0" });
  try {
    const proxied = await request.get(app.url, { headers: { "x-forwarded-proto": "https", "x-forwarded-host": "sign.example.org" } });
    expect(await proxied.text()).toContain("https://sign.example.org/");
    // A forwarded value that is not plainly a scheme or a host is not believed, even from the proxy.
    const odd = await request.get(app.url, { headers: { "x-forwarded-proto": "https://evil.example/?", "x-forwarded-host": "evil.example/?x=" } });
    expect((await odd.text()).includes("evil.example"), "a malformed forwarded value shaped the page").toBe(false);

    await page.goto(app.url);
    expect(await shareLinkAfterSigning(page, "proxied-reader@example.org")).toMatch(sharedFrom(app.url));
  } finally {
    await app.stop();
  }
});

/** Opens a raw connection and sends `first`, then one byte of `rest` every `everyMs`; resolves with what came back when it closed. */
function trickle(url: string, first: string, rest: string, everyMs: number): Promise<{ answer: string; afterMs: number }> {
  const { hostname, port } = new URL(url);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(Number(port), hostname === "localhost" ? "127.0.0.1" : hostname, () => socket.write(first));
    let answer = "";
    let sent = 0;
    const timer = setInterval(() => sent < rest.length && socket.write(rest[sent++]!), everyMs);
    socket.on("data", (chunk) => (answer += chunk.toString()));
    socket.on("error", reject);
    socket.on("close", () => {
      clearInterval(timer);
      resolve({ answer, afterMs: Date.now() - started });
    });
  });
}

test("a request whose headers or body trickle in is cut off, while an event stream stays open", async () => {
  test.setTimeout(90_000);
  const app = await startOwnApp({});
  try {
    const events = new AbortController();
    const stream = await fetch(`${app.url}/api/petitions/white-helmets/events`, { signal: events.signal });
    const reader = stream.body!.getReader();

    const body = JSON.stringify({ fullName: "Slow Loris", email: "loris@example.org", country: "SY" });
    const [headers, slowBody] = await Promise.all([
      trickle(app.url, "GET / HTTP/1.1\r\n", "X-Slow: y\r\n".repeat(100), 1_000),
      trickle(
        app.url,
        `POST /api/petitions/white-helmets/signatures HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
        body,
        1_000,
      ),
    ]);
    expect(headers.answer).toMatch(/^HTTP\/1\.1 408/);
    expect(headers.afterMs).toBeLessThan(20_000);
    expect(slowBody.answer).toMatch(/^HTTP\/1\.1 408/);
    expect(slowBody.afterMs).toBeLessThan(40_000);
    expect(app.rows("select count(*) as n from signatures")).toEqual([{ n: 0 }]);

    // The stream, open all along, still delivers: a new signature's count reaches it.
    const signed = await fetch(`${app.url}/api/petitions/white-helmets/signatures`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ fullName: "Quick Signer", email: "quick@example.org", country: "SY" }),
    });
    expect(signed.status).toBe(201);
    let seen = "";
    while (!seen.includes('"signaturesHere":1')) seen += new TextDecoder().decode((await reader.read()).value);
    events.abort();
  } finally {
    await app.stop();
  }
});
