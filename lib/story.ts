import { Lexer, type Token, type Tokens } from "marked";

export type Inline =
  | { kind: "text"; text: string }
  | { kind: "em" | "strong"; children: Inline[] }
  | { kind: "link"; href: string; children: Inline[] };

export type StoryBlock =
  | { kind: "paragraph"; inlines: Inline[] }
  | { kind: "quote"; inlines: Inline[] }
  | { kind: "heading"; inlines: Inline[] }
  | { kind: "list"; ordered: boolean; start: number; items: Inline[][] }
  | { kind: "photo"; caption: string; credit?: string };

const safeHref = /^(https?:|mailto:)/i;

function inlines(tokens: Token[] | undefined): Inline[] {
  return (tokens ?? []).flatMap((token): Inline[] => {
    switch (token.type) {
      case "em":
      case "strong":
        return [{ kind: token.type, children: inlines((token as Tokens.Em | Tokens.Strong).tokens) }];
      case "link": {
        const link = token as Tokens.Link;
        const children = inlines(link.tokens);
        // Markdown is the organiser's, but a link must never run script on a signer's page.
        return safeHref.test(link.href) ? [{ kind: "link", href: link.href, children }] : children;
      }
      case "br":
        return [{ kind: "text", text: "\n" }];
      case "list":
        // A list inside a quote: its items in a line, each marked, so none of their words is lost.
        return listItems(token as Tokens.List).flatMap((item) => [{ kind: "text", text: " • " }, ...item]);
      default:
        return "tokens" in token && token.tokens?.length
          ? inlines(token.tokens)
          : [{ kind: "text", text: "text" in token ? String(token.text) : "" }];
    }
  });
}

/**
 * A list's items as lines of words. A nested list's items follow their parent's, marked with a dash
 * for each level, and the paragraphs of a loose item stay apart by a space rather than run together.
 */
function listItems(list: Tokens.List, depth = 0): Inline[][] {
  return list.items.flatMap((item) => {
    const own = item.tokens.filter((t) => t.type !== "list" && t.type !== "space");
    const words = own.flatMap((t, i) => (i > 0 ? [{ kind: "text" as const, text: " " }, ...inlines([t])] : inlines([t])));
    const marked: Inline[] = depth > 0 ? [{ kind: "text", text: `${"– ".repeat(depth)}` }, ...words] : words;
    const nested = item.tokens.filter((t): t is Tokens.List => t.type === "list");
    return [marked, ...nested.flatMap((n) => listItems(n, depth + 1))];
  });
}

// "*Photo: what it shows. (Credit via Agency)*": the article's captions for photographs we do not
// ship, opening with "Photo:" in English and "صورة:" in Arabic translations.
const photoCaption = /^(?:Photo|صورة)\s*:\s*(.+?)(?:\s*\(([^()]+)\))?\s*$/s;

function photo(paragraph: Tokens.Paragraph): StoryBlock | undefined {
  const only = paragraph.tokens.length === 1 ? paragraph.tokens[0] : undefined;
  if (only?.type !== "em") return undefined;
  const match = photoCaption.exec((only as Tokens.Em).text);
  if (!match) return undefined;
  return { kind: "photo", caption: match[1]!, ...(match[2] ? { credit: match[2] } : {}) };
}

/** A story's Markdown as typed blocks; rendering them is the page's job, with no raw HTML passed through. */
export function parseStory(markdown: string): StoryBlock[] {
  return new Lexer().lex(markdown).flatMap((token): StoryBlock[] => {
    switch (token.type) {
      case "paragraph": {
        const paragraph = token as Tokens.Paragraph;
        return [photo(paragraph) ?? { kind: "paragraph", inlines: inlines(paragraph.tokens) }];
      }
      case "blockquote":
        return [{ kind: "quote", inlines: inlines((token as Tokens.Blockquote).tokens) }];
      case "heading":
        return [{ kind: "heading", inlines: inlines((token as Tokens.Heading).tokens) }];
      case "list": {
        const list = token as Tokens.List;
        return [{ kind: "list", ordered: list.ordered, start: list.start === "" ? 1 : list.start, items: listItems(list) }];
      }
      case "space":
      case "hr":
      case "def":
        return [];
      default:
        // Code, tables, raw HTML: shown as the words typed, never dropped and never run.
        return token.raw.trim() ? [{ kind: "paragraph", inlines: [{ kind: "text", text: token.raw.trim() }] }] : [];
    }
  });
}

/** Where the petition goes on a phone: after this many blocks, so it follows the opening paragraphs. */
export function leadLength(blocks: StoryBlock[], paragraphs = 2): number {
  let seen = 0;
  for (const [i, block] of blocks.entries()) {
    if (block.kind === "paragraph" && ++seen === paragraphs) return i + 1;
  }
  return blocks.length;
}
