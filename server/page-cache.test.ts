import type { IncomingMessage, ServerResponse } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { PagePayloadStore } from "@/lib/domain/ports/page-payloads";
import { PageCache, type RenderedPage, type RenderKey } from "./page-cache";

/** The database's payloads, as every process shares them (db/page-payload-store.integration.test.ts tests the real one). */
function sharedPayloads(failing = false): PagePayloadStore & { kept: Map<string, Buffer> } {
  const kept = new Map<string, Buffer>();
  return {
    kept,
    async keep(hash, body) {
      if (failing) throw new Error("the database is unreachable");
      kept.set(hash, body);
    },
    find: async (hash) => kept.get(hash),
  };
}
const payloads = () => sharedPayloads();

function request(url: string, headers: Record<string, string> = {}, method = "GET") {
  return { url, method, headers: { host: "sign.example.org", ...headers } } as unknown as IncomingMessage;
}

function response() {
  const sent: { status?: number; headers?: Record<string, string>; body?: string; raw?: Buffer } = {};
  const res = {
    writeHead(status: number, headers: Record<string, string>) {
      Object.assign(sent, { status, headers });
      return res;
    },
    end(body?: Buffer) {
      sent.raw = body;
      sent.body = body?.toString("utf8");
    },
  };
  return { res: res as unknown as ServerResponse, sent };
}

const site = "http://sign.example.org";

function renderer(total = { n: 0 }) {
  const render = async ({ origin, path, locale }: RenderKey): Promise<RenderedPage> => {
    total.n++;
    const nonce = `NONCE${total.n}`;
    return {
      status: path === "/en/p/gone" ? 404 : 200,
      headers: { "content-type": "text/html", "content-security-policy": `script-src 'nonce-${nonce}'`, "transfer-encoding": "chunked" },
      body: `<script nonce="${nonce}">render ${total.n} for ${locale} at ${origin}</script>`,
    };
  };
  return { render, total };
}

describe("PageCache", () => {
  it("renders a page once a second and gives each copy its own nonce", async () => {
    const { render, total } = renderer();
    const cache = new PageCache(1000, render, payloads);
    const first = response();
    const second = response();
    await cache.serve(request("/en"), first.res, site);
    await cache.serve(request("/en"), second.res, site);
    expect(total.n).toBe(1);
    const nonceOf = (sent: typeof first.sent) => /'nonce-([^']+)'/.exec(sent.headers!["content-security-policy"]!)![1]!;
    expect(nonceOf(first.sent)).not.toBe(nonceOf(second.sent));
    expect(first.sent.body).toBe(`<script nonce="${nonceOf(first.sent)}">render 1 for en at ${site}</script>`);
    expect(second.sent.body).toContain(`nonce="${nonceOf(second.sent)}"`);
    expect(first.sent.headers!["transfer-encoding"]).toBeUndefined();
    expect(first.sent.headers!["content-length"]).toBe(String(Buffer.byteLength(first.sent.body!)));
  });

  it("sends each copy brotli-compressed where the browser takes it, else gzipped, else as it is", async () => {
    const cache = new PageCache(1000, renderer().render, payloads);
    const [br, gzip, plain] = [response(), response(), response()];
    await cache.serve(request("/en", { "accept-encoding": "gzip, deflate, br, zstd" }), br.res, site);
    await cache.serve(request("/en", { "accept-encoding": "gzip" }), gzip.res, site);
    await cache.serve(request("/en"), plain.res, site);
    expect(br.sent.headers!["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.sent.raw!).toString()).toContain("render 1 for en");
    expect(gzip.sent.headers!["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.sent.raw!).toString()).toContain("render 1 for en");
    expect(plain.sent.headers!["content-encoding"]).toBeUndefined();
    expect(plain.sent.body).toContain("render 1 for en");
  });

  it("renders again once the copy is older than the time to live", async () => {
    const { render, total } = renderer();
    const cache = new PageCache(30, render, payloads);
    await cache.serve(request("/en"), response().res, site);
    await new Promise((resolve) => setTimeout(resolve, 40));
    const later = response();
    await cache.serve(request("/en"), later.res, site);
    expect(total.n).toBe(2);
    expect(later.sent.body).toContain("render 2");
  });

  it("keeps one copy per locale and renders it once for readers arriving together", async () => {
    const { render, total } = renderer();
    const cache = new PageCache(1000, render, payloads);
    const readers = Array.from({ length: 20 }, (_, i) => ({ lang: i % 2 ? "de-DE" : "ar-SY", out: response() }));
    await Promise.all(readers.map((r) => cache.serve(request("/en", { "accept-language": r.lang }), r.out.res, site)));
    expect(total.n).toBe(2);
    for (const r of readers) expect(r.out.sent.body).toContain(`for ${r.lang}`);
  });

  it("serves links that carry tracking parameters from the same copy", async () => {
    const { render, total } = renderer();
    const cache = new PageCache(1000, render, payloads);
    await cache.serve(request("/en?fbclid=IwAR0x"), response().res, site);
    await cache.serve(request("/en?utm_source=newsletter"), response().res, site);
    await cache.serve(request("/en"), response().res, site);
    expect(total.n).toBe(1);
  });

  it("serves a reader with forged headers, cookies and a query the same copy as everyone, untouched by them", async () => {
    const { render, total } = renderer();
    const cache = new PageCache(1000, render, payloads);
    const forged = response();
    await cache.serve(
      request("/en?next=https://evil.example", {
        "x-forwarded-proto": "https://evil.example/?",
        "x-forwarded-host": "evil.example",
        cookie: "theme=evil",
        "user-agent": "evil",
      }),
      forged.res,
      site,
    );
    const plain = response();
    await cache.serve(request("/en"), plain.res, site);
    expect(total.n).toBe(1);
    expect(forged.sent.body).not.toContain("evil");
    expect(plain.sent.body).toContain(`render 1 for en at ${site}`);
  });

  it("keeps one copy per site origin", async () => {
    const { render, total } = renderer();
    const cache = new PageCache(1000, render, payloads);
    const other = response();
    await cache.serve(request("/en"), response().res, site);
    await cache.serve(request("/en"), other.res, "https://mirror.example.org");
    expect(total.n).toBe(2);
    expect(other.sent.body).toContain("at https://mirror.example.org");
  });

  it("does not keep a page that was not found", async () => {
    const { render, total } = renderer();
    const cache = new PageCache(1000, render, payloads);
    const out = response();
    await cache.serve(request("/en/p/gone"), out.res, site);
    await cache.serve(request("/en/p/gone"), response().res, site);
    expect(out.sent.status).toBe(404);
    expect(total.n).toBe(2);
  });

  it("serves a page without React's payload, which any process then answers from the database, gzipped and immutable", async () => {
    const shared = sharedPayloads();
    const push = `self.__next_f.push([1,"the story, as data"])`;
    const render = async (): Promise<RenderedPage> => ({
      status: 200,
      headers: { "content-type": "text/html", "content-security-policy": `script-src 'nonce-N0NCE'` },
      body: `<html><head><script src="/_next/static/chunks/main.js" async="" nonce="N0NCE"></script></head><body><p>The story</p><script nonce="N0NCE">${push}</script></body></html>`,
    });
    const page = response();
    await new PageCache(1000, render, () => shared).serve(request("/en"), page.res, site);
    expect(page.sent.body).not.toContain("__next_f");
    const address = /"(\/page-data\/[A-Za-z0-9_-]{22}\.js)"/.exec(page.sent.body!)![1]!;

    // Another process, which never rendered the page: its cache is empty, the database is shared.
    const otherProcess = new PageCache(1000, render, () => shared);
    const asked = request(address, { "accept-encoding": "gzip, br" });
    expect(otherProcess.handles(asked)).toBe(true);
    const payload = response();
    await otherProcess.serve(asked, payload.res, site);
    expect(payload.sent.status).toBe(200);
    expect(payload.sent.headers).toMatchObject({ "content-encoding": "gzip", "cache-control": "public, max-age=31536000, immutable" });
    expect(gunzipSync(payload.sent.raw!).toString()).toBe(push);

    const plain = response();
    await otherProcess.serve(request(address), plain.res, site);
    expect(plain.sent.body).toBe(push);
  });

  it("answers a payload it does not have with a 404 that no cache keeps", async () => {
    const missing = response();
    await new PageCache(1000, renderer().render, payloads).serve(request(`/page-data/${"A".repeat(22)}.js`), missing.res, site);
    expect(missing.sent.status).toBe(404);
    expect(missing.sent.headers!["cache-control"]).toBe("no-store");
  });

  it("serves the page whole, payload inside, when the payload cannot be kept", async () => {
    const body = `<html><head><script src="/_next/static/chunks/main.js" async=""></script></head><body><script>self.__next_f.push([1,"x"])</script></body></html>`;
    const page = response();
    await new PageCache(1000, async () => ({ status: 200, headers: {}, body }), () => sharedPayloads(true)).serve(request("/en"), page.res, site);
    expect(page.sent.body).toBe(body);
  });

  it("only takes plain GETs of a campaign page", () => {
    const cache = new PageCache(1000, renderer().render, payloads);
    expect(cache.handles(request("/en"))).toBe(true);
    expect(cache.handles(request("/ar/p/white-helmets"))).toBe(true);
    expect(cache.handles(request("/en/p/white-helmets/confirm"))).toBe(false);
    expect(cache.handles(request("/en?fbclid=IwAR0x"))).toBe(true);
    // Pages of the reasons wall past the first are the reader's own.
    expect(cache.handles(request("/en/p/white-helmets?reasons=supported&page=2"))).toBe(false);
    expect(cache.handles(request("/en?utm_source=x&page=3"))).toBe(false);
    expect(cache.handles(request("/admin"))).toBe(false);
    // Not yet rewritten to a locale by the front door: never cached under the bare address.
    expect(cache.handles(request("/"))).toBe(false);
    expect(cache.handles(request("/p/white-helmets"))).toBe(false);
    expect(cache.handles(request("/en", {}, "POST"))).toBe(false);
    expect(cache.handles(request("/en", { rsc: "1" }))).toBe(false);
    expect(cache.handles(request(`/page-data/${"A".repeat(22)}.js`))).toBe(true);
    expect(cache.handles(request("/page-data/short.js"))).toBe(false);
    expect(new PageCache(0, renderer().render, payloads).handles(request("/en"))).toBe(false);
  });

  it("drops a campaign's copies at once when told its page changed, and keeps other campaigns'", async () => {
    const { render, total } = renderer();
    const cache = new PageCache(60_000, render, payloads);
    for (const path of ["/en/p/white-helmets", "/ar/p/white-helmets", "/en/p/other", "/en"]) await cache.serve(request(path), response().res, site);
    expect(total.n).toBe(4);
    cache.forget("white-helmets");
    for (const path of ["/en/p/white-helmets", "/ar/p/white-helmets", "/en/p/other", "/en"]) await cache.serve(request(path), response().res, site);
    // The two pages of the campaign and the home page (which may show it) rendered again; the other campaign's did not.
    expect(total.n).toBe(7);
  });

  it("does not keep a render that began before the change", async () => {
    let release!: () => void;
    const { render, total } = renderer();
    const slow = async (key: RenderKey) => {
      await new Promise<void>((resolve) => (release = resolve));
      return render(key);
    };
    const cache = new PageCache(60_000, slow, payloads);
    const first = cache.serve(request("/en/p/white-helmets"), response().res, site);
    await new Promise((resolve) => setTimeout(resolve, 0));
    cache.forget("white-helmets");
    release();
    await first;
    const second = cache.serve(request("/en/p/white-helmets"), response().res, site);
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    await second;
    expect(total.n).toBe(2);
  });
});
