import { describe, expect, it } from "vitest";
import { campaignTarget, embedSnippet, escapeHtml, isEmbedPath, oembedRich, requestedSize } from "./embed";

describe("isEmbedPath", () => {
  it("knows the embed pages, with or without a locale and a query", () => {
    for (const path of ["/embed/white-helmets", "/en/embed/white-helmets", "/ar/embed/white-helmets/", "/embed/x?ref=abc"]) {
      expect(isEmbedPath(path), path).toBe(true);
    }
  });

  it("leaves every other page strict, including ones that only look alike", () => {
    for (const path of ["/", "/en", "/en/p/white-helmets", "/embed.js", "/embed/", "/en/embed", "/en/embed/a/b", "/xx/yy/embed/a", "/p/embed/a", "/embed/A"]) {
      expect(isEmbedPath(path), path).toBe(false);
    }
  });
});

describe("campaignTarget", () => {
  const site = "https://sign.example.org";

  it("reads the home campaign and campaign pages, in a locale or in the reader's own", () => {
    expect(campaignTarget(`${site}/`, site)).toEqual({ slug: undefined, locale: undefined });
    expect(campaignTarget(site, site)).toEqual({ slug: undefined, locale: undefined });
    expect(campaignTarget(`${site}/ar`, site)).toEqual({ slug: undefined, locale: "ar" });
    expect(campaignTarget(`${site}/p/white-helmets`, site)).toEqual({ slug: "white-helmets", locale: undefined });
    expect(campaignTarget(`${site}/en/p/white-helmets/?utm_source=x#sign`, site)).toEqual({ slug: "white-helmets", locale: "en" });
  });

  it("refuses other sites, other pages and locales the site does not speak", () => {
    for (const url of [
      "https://evil.example/p/white-helmets",
      "http://sign.example.org/p/white-helmets",
      "https://sign.example.org:8443/p/white-helmets",
      "https://user@sign.example.org/p/white-helmets",
      `${site}/privacy`,
      `${site}/en/privacy`,
      `${site}/fr/p/white-helmets`,
      `${site}/p/White-Helmets`,
      `${site}/p/white-helmets/confirm`,
      `${site}/admin`,
      "not a url",
    ]) {
      expect(campaignTarget(url, site), url).toBeUndefined();
    }
  });

  it("follows a public address with a path", () => {
    const base = "https://example.org/sign";
    expect(campaignTarget("https://example.org/sign/en/p/white-helmets", base)).toEqual({ slug: "white-helmets", locale: "en" });
    expect(campaignTarget("https://example.org/sign", base)).toEqual({ slug: undefined, locale: undefined });
    expect(campaignTarget("https://example.org/p/white-helmets", base)).toBeUndefined();
    expect(campaignTarget("https://example.org/signup/p/white-helmets", base)).toBeUndefined();
  });
});

describe("embedSnippet", () => {
  it("is the frame in one language and the script that sizes it", () => {
    expect(embedSnippet({ siteBase: "https://sign.example.org/", slug: "white-helmets", locale: "ar", title: "Nobel" })).toBe(
      '<iframe data-countersign src="https://sign.example.org/ar/embed/white-helmets" title="Nobel" style="width:100%;border:0" height="600" loading="lazy" allow="clipboard-write"></iframe>' +
        '<script src="https://sign.example.org/embed.js" async></script>',
    );
  });

  it("leaves the language to each reader when given none", () => {
    expect(embedSnippet({ siteBase: "https://sign.example.org", slug: "x", title: "X" })).toContain('src="https://sign.example.org/embed/x"');
  });

  it("escapes the title, so a campaign's words cannot become markup on a partner's page", () => {
    const html = embedSnippet({ siteBase: "https://sign.example.org", slug: "x", title: `"><script>alert('x')</script>` });
    expect(html).not.toContain("<script>alert");
    expect(html).toContain('title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"');
    expect(escapeHtml("a & b")).toBe("a &amp; b");
  });
});

describe("oembedRich", () => {
  const options = { siteBase: "https://sign.example.org", providerName: "Countersign", target: { slug: "x", locale: "en" as const }, title: "X" };

  it("answers a rich embed of the frame at its usual size", () => {
    expect(oembedRich(options)).toEqual({
      version: "1.0",
      type: "rich",
      provider_name: "Countersign",
      provider_url: "https://sign.example.org/",
      title: "X",
      html: embedSnippet({ siteBase: options.siteBase, slug: "x", locale: "en", title: "X" }),
      width: 600,
      height: 600,
    });
  });

  it("keeps within the size a consumer allows", () => {
    const small = oembedRich({ ...options, maxWidth: 320, maxHeight: 400 });
    expect(small).toMatchObject({ width: 320, height: 400 });
    expect(small.html).toContain('style="width:100%;max-width:320px;border:0" height="400"');
    expect(oembedRich({ ...options, maxWidth: 2000 })).toMatchObject({ width: 600, height: 600 });
  });
});

describe("requestedSize", () => {
  it("takes a whole number of pixels and ignores anything else", () => {
    expect(requestedSize("480")).toBe(480);
    for (const value of [null, "", "0", "-5", "4.5", "1e3", "abc", "9999999"]) expect(requestedSize(value), String(value)).toBeUndefined();
  });
});
