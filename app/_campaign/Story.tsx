import type { Inline, StoryBlock } from "@/lib/story";

function Inlines({ items }: { items: Inline[] }) {
  return items.map((item, i) => {
    switch (item.kind) {
      case "text":
        return item.text;
      case "em":
        return (
          <em key={i}>
            <Inlines items={item.children} />
          </em>
        );
      case "strong":
        return (
          <strong key={i}>
            <Inlines items={item.children} />
          </strong>
        );
      case "link":
        return (
          <a key={i} href={item.href} rel="noopener noreferrer">
            <Inlines items={item.children} />
          </a>
        );
    }
  });
}

// Paragraphs that open with a quotation get hanging punctuation, as a set long read does.
const opensWithQuote = (inlines: Inline[]) => {
  const first = inlines[0];
  return first?.kind === "text" && /^[“"‘«„]/.test(first.text);
};

/** `photoLabel` heads each note standing in for a photograph, in the page's language. */
export function StoryBlocks({ blocks, photoLabel }: { blocks: StoryBlock[]; photoLabel: string }) {
  return blocks.map((block, i) => {
    switch (block.kind) {
      case "paragraph":
        return (
          <p key={i} className={opensWithQuote(block.inlines) ? "speech" : undefined}>
            <Inlines items={block.inlines} />
          </p>
        );
      case "quote":
        return (
          <blockquote key={i}>
            <p>
              <Inlines items={block.inlines} />
            </p>
          </blockquote>
        );
      case "heading":
        return (
          <h2 key={i}>
            <Inlines items={block.inlines} />
          </h2>
        );
      case "list": {
        const List = block.ordered ? "ol" : "ul";
        return (
          <List key={i} start={block.ordered && block.start !== 1 ? block.start : undefined}>
            {block.items.map((item, j) => (
              <li key={j}>
                <Inlines items={item} />
              </li>
            ))}
          </List>
        );
      }
      case "photo":
        // The article's photographs are not ours to ship; their captions say what they showed.
        return (
          <figure key={i} className="photo-note">
            <figcaption>
              <span className="photo-label">{photoLabel}</span>
              {block.caption}
              {block.credit && <span className="photo-credit">{block.credit}</span>}
            </figcaption>
          </figure>
        );
    }
  });
}
