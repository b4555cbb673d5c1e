import isoCountries from "i18n-iso-countries";

/** ISO 3166-1 alpha-2 codes, from a maintained list rather than one typed by hand. */
export const countryCodes = Object.keys(isoCountries.getAlpha2Codes()) as [string, ...string[]];

const known = new Set<string>(countryCodes);

export function isCountryCode(code: string): boolean {
  return known.has(code);
}

const displayNames = new Map<string, Intl.DisplayNames>();

/** The country's name in the reader's language, from the runtime's own CLDR data. */
export function countryName(code: string, locale: string): string {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale, "en"], { type: "region", fallback: "code" });
    displayNames.set(locale, names);
  }
  return names.of(code) ?? code;
}

export type CountryOption = { code: string; name: string };

/** Every country, named and sorted for the reader. */
export function countryOptions(locale: string): CountryOption[] {
  const collator = new Intl.Collator(locale);
  return countryCodes
    .map((code) => ({ code, name: countryName(code, locale) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}
