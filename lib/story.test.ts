import { describe, expect, it } from "vitest";
import { leadLength, parseStory } from "./story";

describe("parseStory", () => {
  it("turns a photo caption into a photo note with its credit", () => {
    const [block] = parseStory("*Photo: Rescuers in Aleppo. (Anadolu Agency via Getty Images)*");
    expect(block).toEqual({ kind: "photo", caption: "Rescuers in Aleppo.", credit: "Anadolu Agency via Getty Images" });
  });

  it("knows a caption in an Arabic translation", () => {
    const [block] = parseStory("*صورة: عناصر الدفاع المدني في حلب. (Anadolu Agency via Getty Images)*");
    expect(block).toEqual({ kind: "photo", caption: "عناصر الدفاع المدني في حلب.", credit: "Anadolu Agency via Getty Images" });
  });

  it("keeps emphasis inside paragraphs and paragraphs apart", () => {
    const blocks = parseStory("One *two* **three**.\n\nFour.");
    expect(blocks).toEqual([
      {
        kind: "paragraph",
        inlines: [
          { kind: "text", text: "One " },
          { kind: "em", children: [{ kind: "text", text: "two" }] },
          { kind: "text", text: " " },
          { kind: "strong", children: [{ kind: "text", text: "three" }] },
          { kind: "text", text: "." },
        ],
      },
      { kind: "paragraph", inlines: [{ kind: "text", text: "Four." }] },
    ]);
  });

  it("keeps lists, and shows code or raw HTML as the words typed rather than dropping them", () => {
    expect(parseStory("- Share the petition\n- Write to your **MP**\n\n1. First")).toEqual([
      {
        kind: "list",
        ordered: false,
        start: 1,
        items: [
          [{ kind: "text", text: "Share the petition" }],
          [{ kind: "text", text: "Write to your " }, { kind: "strong", children: [{ kind: "text", text: "MP" }] }],
        ],
      },
      { kind: "list", ordered: true, start: 1, items: [[{ kind: "text", text: "First" }]] },
    ]);
    expect(parseStory("<script>alert(1)</script>\n\n    indented code")).toEqual([
      { kind: "paragraph", inlines: [{ kind: "text", text: "<script>alert(1)</script>" }] },
      { kind: "paragraph", inlines: [{ kind: "text", text: "indented code" }] },
    ]);
  });

  it("keeps every word of nested lists, loose items, numbered lists that start later, and lists in quotes", () => {
    const words = (markdown: string) =>
      JSON.stringify(parseStory(markdown))
        .match(/"text":"[^"]*"/g)!
        .map((t) => t.slice(8, -1))
        .join("");
    expect(parseStory("- one\n  - nested\n    - deeper\n- two")).toMatchObject([
      { kind: "list", items: [[{ text: "one" }], [{ text: "– " }, { text: "nested" }], [{ text: "– – " }, { text: "deeper" }], [{ text: "two" }]] },
    ]);
    expect(words("- a\n\n  second para\n- b")).toBe("a second parab");
    expect(parseStory("3. three\n4. four")).toMatchObject([{ kind: "list", ordered: true, start: 3 }]);
    expect(words("> - quoted item\n> - another")).toBe(" • quoted item • another");
  });

  it("drops links that could run script but keeps their words", () => {
    const [block] = parseStory("[click](javascript:alert(1)) and [site](https://example.org)");
    expect(block).toEqual({
      kind: "paragraph",
      inlines: [
        { kind: "text", text: "click" },
        { kind: "text", text: " and " },
        { kind: "link", href: "https://example.org", children: [{ kind: "text", text: "site" }] },
      ],
    });
  });

  it("passes raw HTML through only as text", () => {
    const [block] = parseStory("Hello <script>alert(1)</script>");
    expect(JSON.stringify(block)).not.toContain('"kind":"html"');
    expect(block?.kind).toBe("paragraph");
  });

  it("places the petition after the second paragraph, photo notes not counted", () => {
    const blocks = parseStory("*Photo: A. (B)*\n\nOne.\n\nTwo.\n\nThree.");
    expect(leadLength(blocks)).toBe(3);
  });
});
