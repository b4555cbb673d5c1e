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
  `</head><body><p>The story</p><script nonce="${nonce}">(self.__next_f=self.__next_f||[]).push([0])</script>` +
  `<script nonce="${nonce}">self.__next_f.push([1,"the story, as data"])</script><script nonce="${nonce}">document.title</script></body></html>`;

describe("framework scripts and React's payload after the first paint", () => {
  const split = scriptsAfterFirstPaint(page("n0nce"), "n0nce", (payload) => `/page-data/${payload.length}.js`);
  const moved = split.html;

  it("takes the async scripts and their preloads out of the head", () => {
    const head = moved.slice(0, moved.indexOf("</head>"));
    expect(head).not.toContain("webpack.js");
    expect(head).not.toContain("main.js");
  });

  it("takes React's payload out of the page, its scripts in order", () => {
    expect(moved).not.toContain("__next_f");
    expect(split.payload).toBe(`(self.__next_f=self.__next_f||[]).push([0]);\nself.__next_f.push([1,"the story, as data"])`);
  });

  it("keeps what is neither: the nomodule fallback, the font preload, another inline script", () => {
    expect(moved).toContain(`<script src="/_next/static/chunks/polyfills.js" noModule="" nonce="n0nce"></script>`);
    expect(moved).toContain(`<link rel="preload" href="/_next/static/media/font.woff2" as="font" type="font/woff2"/>`);
    expect(moved).toContain(`<script nonce="n0nce">document.title</script>`);
  });

  it("adds them back, payload first and in order, from one script with the response's nonce at the end of the body, after a paint", () => {
    const loader = /<script nonce="n0nce">(requestAnimationFrame\(.*?)<\/script><\/body>/.exec(moved);
    expect(loader).not.toBeNull();
    // Run the loader against a stand-in document: it waits two frames, then a task, then adds each script.
    const added: { src: string; async: boolean }[] = [];
    const frames: (() => void)[] = [];
    const tasks: (() => void)[] = [];
    const document = { createElement: () => ({ src: "", async: false }), body: { appendChild: (element: { src: string; async: boolean }) => added.push(element) } };
    new Function("requestAnimationFrame", "setTimeout", "document", loader![1]!)((f: () => void) => frames.push(f), (f: () => void) => tasks.push(f), document);
    expect(added).toEqual([]);
    frames.shift()!();
    expect(frames).toHaveLength(1);
    expect(tasks).toEqual([]);
    frames.shift()!();
    expect(added).toEqual([]);
    tasks.forEach((task) => task());
    expect(added).toEqual([
      { src: `/page-data/${split.payload!.length}.js`, async: false },
      { src: "/_next/static/chunks/webpack.js", async: false },
      { src: "/_next/static/chunks/main.js", async: false },
    ]);
  });

  it("leaves a page with no framework scripts as it was", () => {
    const plain = "<html><head></head><body><p>Not found</p></body></html>";
    expect(scriptsAfterFirstPaint(plain, "n0nce", () => "/page-data/none.js")).toEqual({ html: plain, payload: undefined });
  });
});
