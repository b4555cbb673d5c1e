import { describe, expect, it } from "vitest";
import { CannotCheck } from "./outcomes";
import { createSiteReader } from "./site-reader";

describe("reading the site", () => {
  it("keeps at most its limit of requests in flight, bodies included", async () => {
    let inFlight = 0;
    let most = 0;
    const slow: typeof fetch = async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const body = new ReadableStream({
        async pull(controller) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          controller.enqueue(new Uint8Array([1]));
          controller.close();
          inFlight--;
        },
      });
      return new Response(body);
    };
    const site = createSiteReader(new URL("https://example.test"), "c", slow, 3);
    const files = await Promise.all(Array.from({ length: 20 }, (_, i) => site.logFile(`tile/0/${i}`)));
    expect(files.every((file) => file?.length === 1)).toBe(true);
    expect(most).toBe(3);
  });

  it("gives null for 404, retries a 503, and gives up on a 403 at once", async () => {
    const asked: string[] = [];
    let failures = 1;
    const site = createSiteReader(new URL("https://example.test/"), "c", async (input) => {
      const url = String(input);
      asked.push(url);
      if (url.endsWith("/gone")) return new Response("", { status: 404 });
      if (url.endsWith("/busy") && failures-- > 0) return new Response("", { status: 503, statusText: "Service Unavailable" });
      if (url.endsWith("/secret")) return new Response("", { status: 403, statusText: "Forbidden" });
      return new Response("ok");
    });
    expect(await site.logFile("gone")).toBeNull();
    expect(new TextDecoder().decode((await site.logFile("busy"))!)).toBe("ok");
    await expect(site.siteFile("secret")).rejects.toThrow(new CannotCheck("GET https://example.test/secret answered 403 Forbidden"));
    expect(asked.filter((url) => url.endsWith("/busy"))).toHaveLength(2);
    expect(asked.filter((url) => url.endsWith("/secret"))).toHaveLength(1);
  });
});
