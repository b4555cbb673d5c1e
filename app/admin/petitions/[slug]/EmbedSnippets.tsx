import { config } from "@/lib/config";
import type { EmbedSnippet } from "@/lib/campaign-embed";

/** The copy-paste snippets that put the campaign on a partner's page, one per language and one for each reader's own. */
export function EmbedSnippets({ snippets }: { snippets: EmbedSnippet[] }) {
  const languageName = new Intl.DisplayNames(["en"], { type: "language" });
  const embedOrigins = config().EMBED_ORIGINS;
  return (
    <section className="admin-section" aria-labelledby="embed-heading">
      <h2 id="embed-heading">Put the petition on another site</h2>
      <p>
        Give this to a partner to paste into a page of theirs: the count and the form appear there, with a link
        to the whole story, and every signature counts here. The frame grows to fit the form.{" "}
        {embedOrigins.length === 0
          ? "Any site may show it; set EMBED_ORIGINS to name the only ones that may."
          : `Only these sites may show it (EMBED_ORIGINS): ${embedOrigins.join(", ")}.`}
      </p>
      {snippets.map(({ locale: language, snippet }) => (
        <div className="field" key={language ?? "reader"}>
          <label htmlFor={`embed-${language ?? "reader"}`}>
            {language ? `In ${languageName.of(language)}` : "In each reader's own language"}
          </label>
          <textarea
            id={`embed-${language ?? "reader"}`}
            readOnly
            rows={4}
            defaultValue={snippet}
            style={{ fontFamily: "ui-monospace, monospace", fontSize: "0.85rem" }}
          />
        </div>
      ))}
    </section>
  );
}
