import { describe, expect, it } from "vitest";
import { scriptsAfterFirstPaint } from "./scripts-after-paint";

// The shape of what Next.js 16 renders into a page's head and body.
const page = (nonce: string) =>
  `<!DOCTYPE html><html><head>` +
  `<link rel="preload" as="script" fetchPriority="low" nonce="${nonce}" href="/_next/static/chunks/webpack.js"/>` +
  `<script src="/_next/static/chunks/webpack.js" async="" nonce="${nonce}"></script>` +
  `<script src="/_next/static/chunks/main.js" nonce="${nonce}" async=""></script>` +
  `<script src="/_next/static/chunks/polyfills.js" noModule="" nonce="${nonce}"></script>` +
  `<link rel="preload" href="/_next/static/media/font.woff2" as="font" type="font/woff2"/>` +
  `</head><body><p>The story</p><script nonce="${nonce}">(self.__next_f=self.__next_f||[]).push([0])</script></body></html>`;

describe("framework scripts after the first paint", () => {
  const moved = scriptsAfterFirstPaint(page("n0nce"), "n0nce");

  it("takes the async scripts and their preloads out of the head", () => {
    const head = moved.slice(0, moved.indexOf("</head>"));
    expect(head).not.toContain("webpack.js");
    expect(head).not.toContain("main.js");
  });

  it("keeps what is not a framework script: the nomodule fallback, the font preload, the inline payload", () => {
    expect(moved).toContain(`<script src="/_next/static/chunks/polyfills.js" noModule="" nonce="n0nce"></script>`);
    expect(moved).toContain(`<link rel="preload" href="/_next/static/media/font.woff2" as="font" type="font/woff2"/>`);
    expect(moved).toContain(`<script nonce="n0nce">(self.__next_f=self.__next_f||[]).push([0])</script>`);
  });

  it("adds them back, in order, from one script with the response's nonce at the end of the body, after a paint", () => {
    const loader = /<script nonce="n0nce">(requestAnimationFrame\(.*?)<\/script><\/body>/.exec(moved);
    expect(loader).not.toBeNull();
    // Run the loader against a stand-in document: it waits a frame, then a task, then adds each script.
    const added: { src: string; async: boolean }[] = [];
    const frames: (() => void)[] = [];
    const tasks: (() => void)[] = [];
    const document = { createElement: () => ({ src: "", async: false }), body: { appendChild: (element: { src: string; async: boolean }) => added.push(element) } };
    new Function("requestAnimationFrame", "setTimeout", "document", loader![1]!)((f: () => void) => frames.push(f), (f: () => void) => tasks.push(f), document);
    expect(added).toEqual([]);
    frames.forEach((frame) => frame());
    expect(added).toEqual([]);
    tasks.forEach((task) => task());
    expect(added).toEqual([
      { src: "/_next/static/chunks/webpack.js", async: true },
      { src: "/_next/static/chunks/main.js", async: true },
    ]);
  });

  it("leaves a page with no framework scripts as it was", () => {
    const plain = "<html><head></head><body><p>Not found</p></body></html>";
    expect(scriptsAfterFirstPaint(plain, "n0nce")).toBe(plain);
  });
});
