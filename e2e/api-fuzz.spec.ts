import fc from "fast-check";
import { expect, test } from "./support/fixtures";

const hostileText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 100 }),
  fc.string({ unit: "binary", maxLength: 100 }),
  fc.constantFrom("<script>alert(1)</script>", "'; DROP TABLE signatures; --", "\u202eevil", "\u0000", "ｅｘａｍｐｌｅ@ｅｘａｍｐｌｅ.ｏｒｇ", "=cmd|' /C calc'!A0"),
  fc.nat({ max: 20_000 }).map((n) => "x".repeat(n)),
);
const anyValue = fc.oneof(hostileText, fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
const signatureLike = fc.record(
  {
    fullName: fc.oneof(hostileText, anyValue),
    email: fc.oneof(hostileText, fc.emailAddress(), anyValue),
    country: fc.oneof(fc.constantFrom("SY", "GB", "XX", "sy", ""), anyValue),
    comment: fc.oneof(hostileText, anyValue),
    showName: anyValue,
    wantsUpdates: anyValue,
    __proto__: anyValue,
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  signatureLike.map((value) => JSON.stringify(value)),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 200 }),
);
// No 409: a repeat signature is answered as a first one is.
const expected = new Set([201, 400, 404, 413, 415, 429]);

test("the signing API never answers a server error, whatever it is sent", async ({ request }) => {
  test.setTimeout(120_000);
  let cases = 0;
  await fc.assert(
    fc.asyncProperty(body, fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain"), fc.constantFrom("white-helmets", "no-such-campaign"), async (payload, type, slug) => {
      cases++;
      const response = await request.post(`/api/petitions/${slug}/signatures`, { data: payload, headers: { "content-type": type } });
      expect(expected, `status ${response.status()} for ${payload.slice(0, 200)}`).toContain(response.status());
      expect(response.headers()["content-type"]).toContain("application/json");
    }),
    { numRuns: 600 },
  );
  console.log(`api fuzz: ${cases} requests, no server error`);
});

test("count and stream URLs answer 404, never an error, for any slug", async ({ request }) => {
  await fc.assert(
    fc.asyncProperty(fc.string({ minLength: 1, maxLength: 60 }), async (slug) => {
      const path = encodeURIComponent(slug);
      expect([404]).toContain((await request.get(`/api/petitions/${path}`)).status());
      expect([404]).toContain((await request.get(`/api/petitions/${path}/events`)).status());
    }),
    { numRuns: 150 },
  );
});
