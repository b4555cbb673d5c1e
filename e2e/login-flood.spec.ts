import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { startOwnApp } from "./support/own-app";

const organiser = { email: "flooded@example.org", password: "the organiser's long password" };
const browserCookieName = "__Host-countersign-browser";
/** The browser cookie the last successful sign-in was given. */
let ownBrowser: string | undefined;

/** The peak resident memory of a process so far, in MB, as the kernel counts it. */
function peakResidentMb(pid: number): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kb) / 1024;
}

/**
 * The sign-in form as a browser without JavaScript posts it: its hidden fields read from the page
 * once, then sent as often as a flood likes, from the site's own origin.
 */
async function signInPoster(request: APIRequestContext, url: string) {
  const html = await (await request.get(`${url}/admin/login`)).text();
  const form = /<form[^>]*>([\s\S]*?)<\/form>/.exec(html)![1]!;
  const decode = (value: string) => value.replaceAll("&quot;", '"').replaceAll("&amp;", "&");
  const hidden = [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)].map(
    ([, name, value]) => [decode(name!), decode(value ?? "")] as const,
  );
  return async (email: string, password: string, from: string, browserCookie?: string): Promise<string> => {
    const multipart = new FormData();
    for (const [name, value] of hidden) multipart.append(name, value);
    multipart.append("email", email);
    multipart.append("password", password);
    const response = await request.post(`${url}/admin/login`, {
      multipart,
      headers: { origin: url, "x-forwarded-for": from, ...(browserCookie ? { cookie: browserCookie } : {}) },
      maxRedirects: 0,
      timeout: 60_000,
    });
    if (response.status() === 303) {
      // The cookie that marks the organiser's own browser, as that browser would keep it.
      const set = response.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith(`${browserCookieName}=`));
      ownBrowser = set?.value.split(";")[0];
      return "signed in";
    }
    const page = await response.text();
    return /Too many sign-in attempts/.test(page)
      ? "locked"
      : /Sign-in is busy/.test(page)
        ? "busy"
        : /don.t match an organiser account/.test(page)
          ? "refused"
          : `unexpected ${response.status()}`;
  };
}

test.describe("a flood of wrong sign-ins", () => {
  test.describe.configure({ mode: "serial" });
  let app: Awaited<ReturnType<typeof startOwnApp>>;

  test.beforeAll(async () => {
    app = await startOwnApp({ ADMIN_EMAIL: organiser.email, ADMIN_PASSWORD: organiser.password, TRUSTED_PROXY_HEADER: "x-forwarded-for" });
  });
  test.afterAll(async () => app?.stop());

  test("100 wrong passwords at once from one client leave it locked there, the right one refused too, and the organiser elsewhere signs in", async ({ request }) => {
    test.setTimeout(120_000);
    const signIn = await signInPoster(request, app.url);
    const outcomes = await Promise.all(Array.from({ length: 100 }, (_, i) => signIn(organiser.email, `wrong guess ${i}`, "198.51.100.1")));
    const count = (outcome: string) => outcomes.filter((o) => o === outcome).length;
    // Counted before any password is checked: five tries, whatever arrives at once.
    expect(count("refused") + count("busy")).toBe(5);
    expect(count("locked")).toBe(95);
    expect(await signIn(organiser.email, organiser.password, "198.51.100.1")).toBe("locked");
    // The flood filled its own client's count, not the account's: the organiser's client gets in.
    expect(await signIn(organiser.email, organiser.password, "203.0.113.200")).toBe("signed in");
    expect(ownBrowser).toBeDefined();
    const peakAfterOne = peakResidentMb(app.server.process.pid!);
    console.log(`peak after one client's flood: ${peakAfterOne.toFixed(0)} MB`);
    expect(peakAfterOne).toBeLessThan(600);
  });

  test("100 wrong passwords at once from 100 clients leave the account locked, the right one refused, but for the organiser's own browser", async ({ request }) => {
    test.setTimeout(120_000);
    const signIn = await signInPoster(request, app.url);
    const browser = ownBrowser!;
    const outcomes = await Promise.all(Array.from({ length: 100 }, (_, i) => signIn(organiser.email, `wrong guess ${i}`, `198.51.100.${i + 2}`)));
    const count = (outcome: string) => outcomes.filter((o) => o === outcome).length;
    // The account's ceiling, what many clients together may try, counted before any password is
    // checked: 50 a quarter hour, of which the flood before took five.
    expect(count("refused") + count("busy")).toBe(45);
    expect(count("locked")).toBe(55);
    expect(await signIn(organiser.email, organiser.password, "198.51.100.2")).toBe("locked");
    expect(await signIn(organiser.email, organiser.password, "192.0.2.77")).toBe("locked");
    // The browser it signed in from before is counted on its own, even from an address the flood used.
    expect(await signIn(organiser.email, organiser.password, "198.51.100.3", browser)).toBe("signed in");
    const peak = peakResidentMb(app.server.process.pid!);
    console.log(`peak after a flood from 100 clients: ${peak.toFixed(0)} MB`);
    expect(peak).toBeLessThan(600);
  });

  test("100 wrong sign-ins at once across accounts and addresses keep memory bounded and are answered", async ({ request }) => {
    test.setTimeout(180_000);
    const signIn = await signInPoster(request, app.url);
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, (_, i) => signIn(`someone${i}@example.org`, "a guess", `2001:db8:${i + 1}::1`)),
    );
    // Each is checked (128 MiB of scrypt each, two at a time) or told to come back, never queued without end.
    expect(outcomes.every((o) => o === "refused" || o === "busy")).toBe(true);
    expect(outcomes.filter((o) => o === "busy").length).toBeGreaterThan(0);
    const peak = peakResidentMb(app.server.process.pid!);
    console.log(`peak after the flood across accounts: ${peak.toFixed(0)} MB; busy ${outcomes.filter((o) => o === "busy").length}`);
    expect(peak).toBeLessThan(600);
  });
});
