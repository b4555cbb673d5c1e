import type { Locale } from "./locales";
import type { Petition, PetitionText, PetitionTitles } from "./model";

/**
 * A campaign's text as a reader of `locale` is shown it: `language` is the language the text is
 * really in; `original` when that is the campaign's own, `translated` when a translation into the
 * asked locale exists. Neither means there is no translation yet, and the original is shown.
 */
export type LocalizedPetitionText = PetitionText & { language: Locale; translated: boolean; original: boolean };

export function petitionText(petition: Petition, locale: Locale): LocalizedPetitionText {
  const translation = locale === petition.locale ? undefined : petition.translations[locale];
  if (translation) return { ...translation, language: locale, translated: true, original: false };
  return {
    title: petition.title,
    ask: petition.ask,
    storyHeadline: petition.storyHeadline,
    storyMarkdown: petition.storyMarkdown,
    translationNote: null,
    language: petition.locale,
    translated: false,
    original: locale === petition.locale,
  };
}

/** The campaign's title for a reader of `locale`: its translation's, else the original's. */
export function petitionTitle(titles: Pick<PetitionTitles, "locale" | "title" | "translations">, locale: Locale): string {
  return (locale === titles.locale ? undefined : titles.translations[locale]) ?? titles.title;
}
