import { gzipSync } from "node:zlib";

/**
 * The JavaScript a first visit to the page loads, gzipped as a CDN would send it, in kB. Scripts
 * marked noModule (old-browser polyfills) are left out: modern browsers do not load them.
 */
export async function firstLoadJsKb(pageUrl: string): Promise<number> {
  const html = await (await fetch(pageUrl)).text();
  const sources = [...html.matchAll(/<script[^>]+>/g)]
    .map((m) => m[0])
    .filter((tag) => !/\bnoModule\b/i.test(tag))
    .flatMap((tag) => /src="([^"]+)"/.exec(tag)?.[1] ?? []);
  // The cached pages load the framework's scripts, and React's payload, from a list in one inline script after the first paint.
  const afterPaint = /(\["\/[^\]]*\])\.forEach/.exec(html)?.[1];
  if (afterPaint) sources.push(...(JSON.parse(afterPaint) as string[]));
  const unique = [...new Set(sources)];
  let bytes = 0;
  for (const src of unique) {
    const body = Buffer.from(await (await fetch(new URL(src, pageUrl))).arrayBuffer());
    bytes += gzipSync(body, { level: 9 }).length;
  }
  return bytes / 1024;
}
