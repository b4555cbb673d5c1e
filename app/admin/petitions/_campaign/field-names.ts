import type { CampaignTextValues } from "@/lib/campaign-input";

// Apart from form-values.ts so the form in the browser names its fields without loading zod.

/** Every text field of one language. */
export const textFields: (keyof CampaignTextValues)[] = ["title", "ask", "storyHeadline", "storyMarkdown", "translationNote"];

/** A text field's name in the form, `texts.<locale>.<field>`: the path parseCampaignInput names its errors by. */
export const textFieldName = (locale: string, field: keyof CampaignTextValues) => `texts.${locale}.${field}`;
