import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { siteOriginHeader } from "@/lib/site-origin";
import { prepareDatabase } from "@/test/database";
import { apiRoute } from "./routes";

// The fast lane as the front door runs it: the origin stamped, then the route's handler.
const site = "https://sign.example.org";
const server = createServer((req, res) => {
  req.headers[siteOriginHeader] = site;
  const route = apiRoute(req, res);
  if (route) void route();
  else res.writeHead(418).end();
});
let base = "";

beforeAll(async () => {
  await prepareDatabase();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const oembed = (query: string) => fetch(`${base}/api/oembed?${query}`);

describe("GET /api/oembed", () => {
  it("describes this site's campaign page as a rich embed, readable from any site", async () => {
    const response = await oembed(`format=json&url=${encodeURIComponent(`${site}/en/p/white-helmets`)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    expect(await response.json()).toMatchObject({ version: "1.0", type: "rich", provider_name: "Countersign", provider_url: `${site}/` });
  });

  it("answers 400 without a page, 501 for XML and 404 for a page that is not a campaign here", async () => {
    expect((await oembed("format=json")).status).toBe(400);
    expect((await oembed(`format=xml&url=${encodeURIComponent(`${site}/`)}`)).status).toBe(501);
    const elsewhere = await oembed(`url=${encodeURIComponent("http://127.0.0.1/en/p/white-helmets")}`);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("the count for partners' pages", () => {
  it("is readable from any site, without credentials, and a preflight offers GET alone", async () => {
    const count = await fetch(`${base}/api/petitions/white-helmets`, { headers: { origin: "https://partner.example" } });
    expect(count.status).toBe(200);
    expect(count.headers.get("access-control-allow-origin")).toBe("*");
    expect(count.headers.get("access-control-allow-credentials")).toBeNull();
    const preflight = await fetch(`${base}/api/petitions/white-helmets`, {
      method: "OPTIONS",
      headers: { origin: "https://partner.example", "access-control-request-method": "GET" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET");
  });
});
