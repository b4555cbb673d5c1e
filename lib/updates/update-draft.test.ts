import { describe, expect, it } from "vitest";
import { z } from "zod";
import { updateDraftSchema } from "./update-draft";

const errors = (input: unknown) => {
  const parsed = updateDraftSchema.safeParse(input);
  return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
};

describe("an update's draft", () => {
  it("is trimmed and kept as written", () => {
    expect(updateDraftSchema.parse({ subject: "  News  ", bodyMarkdown: "\n**Friday**\n", showOnPage: true })).toEqual({
      subject: "News",
      bodyMarkdown: "**Friday**",
      showOnPage: true,
    });
  });

  it("says what is missing or too long, field by field", () => {
    expect(errors({ subject: " ", bodyMarkdown: "", showOnPage: false })).toEqual({
      subject: ["Write a subject: it is the first thing signers see."],
      bodyMarkdown: ["Write the update itself."],
    });
    expect(errors({ subject: "x".repeat(201), bodyMarkdown: "y".repeat(20_001), showOnPage: false })).toEqual({
      subject: ["Keep the subject under 200 characters."],
      bodyMarkdown: ["Keep the update under 20,000 characters."],
    });
  });

  it("refuses a subject over two lines, which would smuggle a header into the email", () => {
    expect(errors({ subject: "News\r\nBcc: everyone@example.org", bodyMarkdown: "Hi", showOnPage: false })).toEqual({
      subject: ["The subject must be one line."],
    });
  });
});
