"use client";

import { useEffect, useRef, useState } from "react";
import { StoryBlocks } from "@/app/_campaign/Story";
import type { StoryBlock } from "@/lib/story";
import { described, Field } from "../../_lib/Field";
import { previewStoryAction } from "./actions";

const storyHint =
  "Paragraphs, **bold**, *italic*, [links](https://example.org), > quotes, - lists and ## headings. A paragraph that is only *Photo: what it shows (Credit)* becomes a photo caption.";

type Props = {
  locale: string;
  languageName: string;
  name: string;
  defaultValue: string;
  dir: "ltr" | "rtl";
  error?: string;
};

const debounceMs = 300;

/**
 * The story's Markdown beside its preview (below it on a phone). The preview is parsed on the
 * server by the public page's own code and drawn by its own component, so it is what readers see.
 */
export function StoryField({ locale, languageName, name, defaultValue, dir, error }: Props) {
  const [markdown, setMarkdown] = useState(defaultValue);
  const [preview, setPreview] = useState<{ blocks: StoryBlock[]; photoLabel: string }>();
  const latest = useRef(0);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const id = `story-${locale}`;

  // What was typed before the page's scripts arrived is in the field but never passed onChange.
  useEffect(() => {
    const typed = textarea.current?.value;
    if (typed !== undefined && typed !== defaultValue) setMarkdown(typed);
  }, [defaultValue]);

  useEffect(() => {
    const asked = ++latest.current;
    const timer = setTimeout(() => {
      previewStoryAction(locale, markdown)
        .then((answer) => {
          // An answer to an earlier keystroke that arrives late must not replace a newer one.
          if (asked === latest.current) setPreview(answer);
        })
        .catch(() => {
          if (asked === latest.current) setPreview(undefined);
        });
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [locale, markdown]);

  return (
    <div className="story-editor">
      <Field id={id} label="Story (Markdown)" hint={storyHint} error={error}>
        <textarea
          ref={textarea}
          name={name}
          rows={16}
          dir={dir}
          lang={locale}
          defaultValue={defaultValue}
          onChange={(event) => setMarkdown(event.target.value)}
          {...described(id, error, true)}
        />
      </Field>
      <section className="story-preview" aria-label={`Preview of the story in ${languageName}`} lang={locale} dir={dir}>
        <p className="kicker">Preview, as readers will see it</p>
        <div className="story">{preview ? <StoryBlocks blocks={preview.blocks} photoLabel={preview.photoLabel} /> : <p>…</p>}</div>
      </section>
    </div>
  );
}
