import { expect, test } from "./support/fixtures";

// Escapes no decoder can read: cut short, not hex, a lone %, bytes that are not UTF-8, a surrogate.
const escapes = ["%E0%A4%A", "%", "%ZZ", "%C0%AF", "%FF", "%ED%A0%80", "white-helmets%E0%A4%A"];

// The doors a path can come in by: the front door's language routing, Next.js's pages, the fast lane's API and cards.
const pages = ["/p/{}", "/en/p/{}", "/ar/p/{}", "/embed/{}", "/en/embed/{}", "/{}", "/en/{}", "/confirm/{}", "/en/withdraw/{}", "/en/unsubscribe/{}", "/admin/petitions/{}"];
const api = ["/api/petitions/{}", "/api/petitions/{}/events", "/og/{}/en.png", "/api/referrals/{}", "/api/unsubscribe/{}"];

test("a malformed address is answered 400 or 404, with a page where a reader would see one, never a 500", async ({ request }) => {
  test.setTimeout(120_000);
  const answers: string[] = [];
  for (const escape of escapes) {
    for (const path of [...pages, ...api]) {
      const address = path.replace("{}", escape);
      const response = await request.get(address, { maxRedirects: 0 });
      const type = response.headers()["content-type"] ?? "";
      answers.push(`${address} ${response.status()} ${pages.includes(path) ? (type.startsWith("text/html") ? "page" : type) : "api"}`);
    }
  }
  const wrong = answers.filter((line) => !/ (400|404) (page|api)$/.test(line));
  expect(wrong).toEqual([]);
});

test("a malformed escape in the query leaves the campaign page working", async ({ request }) => {
  const response = await request.get("/en/p/white-helmets?ref=%E0%A4%A", { maxRedirects: 0 });
  expect(response.status()).toBe(200);
});
