import { blankCampaignValues, type CampaignFormValues } from "@/lib/campaign-input";
import { locales } from "@/lib/domain/locales";
import { textFieldName, textFields } from "./field-names";

/** The campaign form's values as sent, every one kept as typed so an error never loses any. */
export function campaignValuesFromForm(form: FormData): CampaignFormValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const values = blankCampaignValues();
  for (const locale of locales) {
    for (const field of textFields) values.texts[locale][field] = text(textFieldName(locale, field));
  }
  return {
    ...values,
    slug: text("slug"),
    locale: text("locale"),
    goal: text("goal"),
    signaturesElsewhere: text("signaturesElsewhere"),
    closesAt: text("closesAt"),
    requireConfirmation: form.get("requireConfirmation") === "on",
    steppingGoals: form.get("steppingGoals") === "on",
  };
}
