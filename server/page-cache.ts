import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { brotliCompress, constants, gunzipSync, gzip } from "node:zlib";
import type { PagePayloadStore } from "@/lib/domain/ports/page-payloads";
import { logger } from "@/lib/log";
import { localeFromAcceptLanguage } from "@/lib/locale";
import { unprefixedHeader } from "@/lib/unprefixed-address";
import { scriptsAfterFirstPaint } from "./scripts-after-paint";

export type RenderedPage = { status: number; headers: Record<string, string>; body: string };
type Entry = RenderedPage & { nonce: string | undefined; expiresAt: number };

/**
 * Everything a cached render may depend on, and so the whole of the cache key. The renderer gets
 * this and not the request: no other header, cookie or query string can shape a copy that other
 * readers are served.
 */
export type RenderKey = { origin: string; path: string; locale: string; unprefixed: boolean };

/**
 * Paths whose page is the same for every reader of one locale: the campaign pages and their
 * embeds on partner sites. `/` and
 * `/p/<slug>` arrive here already rewritten to their reader's locale (server/locale-door.ts).
 */
const cacheablePath = /^\/[a-z]{2}(?:\/(?:p|embed)\/[a-z0-9]+(?:-[a-z0-9]+)*)?$/;

// The pages read no query parameters but the reasons wall's, and shared links arrive with them (?fbclid=…, ?utm_…).
const pathOf = (req: IncomingMessage) => (req.url ?? "").split("?")[0]!;
// A page of the wall other than the first (?reasons=supported&page=2) is rendered for its reader.
const readsQuery = (req: IncomingMessage) => /[?&](?:reasons|page)=/.test(req.url ?? "");

// React's payload for a cached page, by the hash of what it holds (server/scripts-after-paint.ts).
const payloadPath = /^\/page-data\/([A-Za-z0-9_-]{22})\.js$/;
// A page asks for its payload right after its first paint: seconds on the slowest line, so minutes is ample.
const payloadKeptMs = 10 * 60_000;
// The payloads this process rendered last, answered without asking the database.
const recentPayloads = 16;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

// Headers of the rendered page that describe one transfer, not the page.
const perTransfer = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length", "content-encoding"]);

/**
 * A micro-cache for the campaign pages, as a CDN would keep one: a page rendered by Next.js is
 * served for up to `ttlMs` to every reader of the same locale, with a fresh CSP nonce spliced into
 * each copy. During a surge the page costs one render a second instead of one per reader; the count
 * it shows is at most that old, and the live stream sends the current one as soon as it connects.
 */
export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private readonly rendering = new Map<string, Promise<Entry>>();
  private readonly recent = new Map<string, Buffer>();
  private readonly stale = new Set<string>();

  constructor(
    private readonly ttlMs: number,
    private readonly render: (key: RenderKey) => Promise<RenderedPage>,
    private readonly payloads: () => PagePayloadStore,
  ) {}

  /** Only plain GETs of a campaign page or a cached page's payload; client-side navigations and queries go to Next.js. */
  handles(req: IncomingMessage): boolean {
    if (this.ttlMs === 0 || (req.method !== "GET" && req.method !== "HEAD")) return false;
    if (req.headers.rsc || req.headers["next-router-state-tree"] || req.headers["next-action"]) return false;
    return (cacheablePath.test(pathOf(req)) && !readsQuery(req)) || payloadPath.test(pathOf(req));
  }

  /**
   * Drops the copies of a campaign's pages (and of `/<locale>`, which may be its page), or every copy when no slug is given:
   * a reason that left the page must not be served again from here.
   */
  forget(slug?: string): void {
    for (const key of this.entries.keys()) {
      const path = key.split(" ")[1] ?? "";
      if (slug === undefined || /^\/[a-z]{2}$/.test(path) || path.endsWith(`/p/${slug}`) || path.endsWith(`/embed/${slug}`)) this.entries.delete(key);
    }
    // A render begun before the change may hold what it removed: it serves the readers waiting on it but is kept no longer.
    for (const key of this.rendering.keys()) this.stale.add(key);
  }

  /** Serves the page for `origin` (the site origin the front door resolved for this request). */
  async serve(req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
    const payloadHash = payloadPath.exec(pathOf(req))?.[1];
    if (payloadHash) return this.servePayload(req, res, payloadHash);
    const renderKey = {
      origin,
      path: pathOf(req),
      locale: localeFromAcceptLanguage(req.headers["accept-language"]),
      // Asked for without its locale, the page names itself as its canonical (app/_campaign/load.ts).
      unprefixed: req.headers[unprefixedHeader] === "1",
    };
    const key = `${renderKey.origin} ${renderKey.path} ${renderKey.locale} ${renderKey.unprefixed}`;
    const now = Date.now();
    let entry = this.entries.get(key);
    if (!entry || entry.expiresAt <= now) entry = await this.refresh(key, renderKey);

    const nonce = randomBytes(16).toString("base64");
    const swap = (text: string) => (entry.nonce ? text.replaceAll(entry.nonce, nonce) : text);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(entry.headers)) headers[name] = swap(value);
    let body: Buffer = Buffer.from(swap(entry.body));
    const accepted = req.headers["accept-encoding"] ?? "";
    // Compressed per copy, since each has its own nonce, on libuv's threads rather than the one that answers requests.
    // Brotli at 5 takes the Arabic page to 12 kB where gzip leaves 14: with its headers, under the 14.6 kB a new
    // connection's first round trip carries.
    if (/\bbr\b/.test(accepted)) {
      body = await brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
      headers["content-encoding"] = "br";
    } else if (/\bgzip\b/.test(accepted)) {
      body = await gzipped(body, { level: 4 });
      headers["content-encoding"] = "gzip";
    }
    headers["content-length"] = String(body.length);
    res.writeHead(entry.status, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  }

  /** A payload never changes under its hash: any cache may keep it. One no longer kept leaves its page unhydrated, as without scripts. */
  private async servePayload(req: IncomingMessage, res: ServerResponse, hash: string): Promise<void> {
    const gzipped = this.recent.get(hash) ?? (await this.payloads().find(hash));
    if (!gzipped) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : "This page's data is no longer kept: load the page again.\n");
      return;
    }
    const acceptsGzip = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
    const body = acceptsGzip ? gzipped : gunzipSync(gzipped);
    res.writeHead(200, {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=31536000, immutable",
      ...(acceptsGzip ? { "content-encoding": "gzip" } : {}),
      "content-length": String(body.length),
    });
    res.end(req.method === "HEAD" ? undefined : body);
  }

  /** Keeps a page's payload where every process can answer for it, before the page that names it is served. */
  private async keepPayload(hash: string, payload: string): Promise<void> {
    const body = await gzipped(payload, { level: 9 });
    const now = new Date();
    await this.payloads().keep(hash, body, now, new Date(now.getTime() - payloadKeptMs));
    this.recent.set(hash, body);
    if (this.recent.size > recentPayloads) this.recent.delete(this.recent.keys().next().value!);
  }

  /** The page as served to readers: split for its first paint, or as rendered when its payload could not be kept. */
  private async forFirstPaint(body: string, nonce: string | undefined): Promise<string> {
    let hash = "";
    const split = scriptsAfterFirstPaint(body, nonce, (payload) => {
      hash = createHash("sha256").update(payload).digest("base64url").slice(0, 22);
      return `/page-data/${hash}.js`;
    });
    if (split.payload === undefined) return body;
    try {
      await this.keepPayload(hash, split.payload);
      return split.html;
    } catch (error) {
      logger().error({ err: error }, "page cache: a page's payload could not be kept; serving the page whole");
      return body;
    }
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
    if (this.entries.size >= 200) this.entries.clear();
  }

  private refresh(key: string, renderKey: RenderKey): Promise<Entry> {
    let pending = this.rendering.get(key);
    if (!pending) {
      pending = this.render(renderKey)
        .then(async (page) => {
          const headers = Object.fromEntries(Object.entries(page.headers).filter(([name]) => !perTransfer.has(name)));
          const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1];
          const body = page.status === 200 ? await this.forFirstPaint(page.body, nonce) : page.body;
          const entry = { ...page, body, headers, nonce, expiresAt: page.status === 200 ? Date.now() + this.ttlMs : 0 };
          if (page.status === 200 && !this.stale.has(key)) {
            // Keys vary with the origin and locale, both from the request: keep the map small.
            if (this.entries.size >= 200) this.sweep();
            this.entries.set(key, entry);
          }
          return entry;
        })
        .finally(() => {
          this.rendering.delete(key);
          this.stale.delete(key);
        });
      this.rendering.set(key, pending);
    }
    return pending;
  }
}
