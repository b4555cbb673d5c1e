import { z } from "zod";

/** What an organiser composes: checked on the server whatever the form allowed. */
export const updateDraftSchema = z.object({
  subject: z
    .string()
    .trim()
    .min(1, { error: "Write a subject: it is the first thing signers see." })
    .max(200, { error: "Keep the subject under 200 characters." })
    .refine((s) => !/[\r\n]/.test(s), { error: "The subject must be one line." }),
  bodyMarkdown: z
    .string()
    .trim()
    .min(1, { error: "Write the update itself." })
    .max(20_000, { error: "Keep the update under 20,000 characters." }),
  showOnPage: z.boolean(),
});

export type UpdateDraft = z.infer<typeof updateDraftSchema>;
