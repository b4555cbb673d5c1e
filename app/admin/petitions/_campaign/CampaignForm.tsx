"use client";

import { useActionState } from "react";
import type { CampaignTextValues } from "@/lib/campaign-input";
import { localeNames, locales, textDirection, type Locale } from "@/lib/domain/locales";
import { described, Field } from "../../_lib/Field";
import type { CampaignFormState } from "./actions";
import { StoryField } from "./StoryField";
import { textFieldName } from "./field-names";

type Props = {
  action: (state: CampaignFormState, form: FormData) => Promise<CampaignFormState>;
  initialState: CampaignFormState;
  /** On an edit the slug is shown, not asked: it is the campaign's address for good. */
  fixedSlug?: string;
  submitLabel: string;
};

const textLabels: Record<Exclude<keyof CampaignTextValues, "storyMarkdown">, string> = {
  title: "Title",
  ask: "The ask (one or two sentences beside the form)",
  storyHeadline: "Story headline",
  translationNote: "Translation note (optional: which text is authoritative)",
};

// The admin is in English; each language's fields are named in English, then in their own words.
const languageInEnglish = new Intl.DisplayNames("en", { type: "language" });

function LanguageFields({ locale, state }: { locale: Locale; state: CampaignFormState }) {
  const dir = textDirection(locale);
  const values = state.values.texts[locale];
  const error = (field: keyof CampaignTextValues) => state.errors[textFieldName(locale, field)];
  const id = (field: keyof CampaignTextValues) => `${field}-${locale}`;
  return (
    <fieldset className="admin-fieldset">
      <legend>
        Text in {languageInEnglish.of(locale)}
        {localeNames[locale] !== languageInEnglish.of(locale) && <span lang={locale}> ({localeNames[locale]})</span>}
      </legend>
      <p className="field-hint">In the language the campaign is written in, every field is needed; in another, leave all empty for no translation.</p>
      <Field id={id("title")} label={textLabels.title} error={error("title")}>
        <input name={textFieldName(locale, "title")} dir={dir} lang={locale} defaultValue={values.title} {...described(id("title"), error("title"))} />
      </Field>
      <Field id={id("ask")} label={textLabels.ask} error={error("ask")}>
        <textarea name={textFieldName(locale, "ask")} rows={3} dir={dir} lang={locale} defaultValue={values.ask} {...described(id("ask"), error("ask"))} />
      </Field>
      <Field id={id("storyHeadline")} label={textLabels.storyHeadline} error={error("storyHeadline")}>
        <input name={textFieldName(locale, "storyHeadline")} dir={dir} lang={locale} defaultValue={values.storyHeadline} {...described(id("storyHeadline"), error("storyHeadline"))} />
      </Field>
      <StoryField
        locale={locale}
        languageName={localeNames[locale]}
        name={textFieldName(locale, "storyMarkdown")}
        defaultValue={values.storyMarkdown}
        dir={dir}
        error={error("storyMarkdown")}
      />
      <Field id={id("translationNote")} label={textLabels.translationNote} error={error("translationNote")}>
        <input name={textFieldName(locale, "translationNote")} dir={dir} lang={locale} defaultValue={values.translationNote} {...described(id("translationNote"), error("translationNote"))} />
      </Field>
    </fieldset>
  );
}

/** Creates or edits a campaign; posts without JavaScript, and keeps every typed value when something needs another look. */
export function CampaignForm({ action, initialState, fixedSlug, submitLabel }: Props) {
  const [state, formAction, pending] = useActionState(action, initialState);
  const { values, errors } = state;
  return (
    <form action={formAction} className="admin-form campaign-form" noValidate>
      {state.message && (
        <p className={`notice ${state.message.kind === "saved" ? "notice-ok" : ""}`} role={state.message.kind === "saved" ? "status" : "alert"}>
          {state.message.text}
        </p>
      )}
      <div key={state.submission}>
        {fixedSlug ? (
          <p>
            Address: <code>/p/{fixedSlug}</code> (fixed: it is the campaign&apos;s address for good, and is never given to another)
          </p>
        ) : (
          <Field id="slug" label="Address (slug)" error={errors.slug} hint="Lower-case letters, digits and hyphens, like save-the-park. It can't be changed once the campaign is created, and is never given to another.">
            <input name="slug" autoComplete="off" spellCheck={false} defaultValue={values.slug} {...described("slug", errors.slug, true)} />
          </Field>
        )}
        <Field id="locale" label="Written in" error={errors.locale}>
          <select name="locale" defaultValue={values.locale} {...described("locale", errors.locale)}>
            {locales.map((l) => (
              <option key={l} value={l}>
                {localeNames[l]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="goal" label="Goal (signatures)" error={errors.goal}>
          <input name="goal" inputMode="numeric" defaultValue={values.goal} {...described("goal", errors.goal)} />
        </Field>
        <Field id="signaturesElsewhere" label="Signatures gathered elsewhere" error={errors.signaturesElsewhere} hint="Counted in the total shown, not in the export.">
          <input name="signaturesElsewhere" inputMode="numeric" defaultValue={values.signaturesElsewhere} {...described("signaturesElsewhere", errors.signaturesElsewhere, true)} />
        </Field>
        <Field id="closesAt" label="Closes at (UTC)" error={errors.closesAt} hint="Leave empty to keep it open. Once closed, the page and its count stay and new signatures are refused.">
          <input name="closesAt" type="datetime-local" defaultValue={values.closesAt} {...described("closesAt", errors.closesAt, true)} />
        </Field>
        <div className="check">
          <input id="requireConfirmation" name="requireConfirmation" type="checkbox" defaultChecked={values.requireConfirmation} />
          <label htmlFor="requireConfirmation">Ask signers to confirm by email (when email is set up)</label>
        </div>
        <div className="check">
          <input id="steppingGoals" name="steppingGoals" type="checkbox" defaultChecked={values.steppingGoals} />
          <label htmlFor="steppingGoals">Step the goal up once reached (500, 1,000, 2,500, 5,000 …)</label>
        </div>
        {locales.map((locale) => (
          <LanguageFields key={locale} locale={locale} state={state} />
        ))}
      </div>
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </button>
    </form>
  );
}
