import isoCountries from "i18n-iso-countries";
import english from "i18n-iso-countries/langs/en.json";
import { countryCodes, countryName, isCountryCode } from "../domain/countries";
import { emailDomain, emailKey } from "../domain/email-key";
import { isDisposableDomain } from "../email-policy";
import { fieldErrors, signatureInput, type SignatureProblem } from "../signature-input";
import type { ColumnMapping } from "./column-mapping";
import type { ImportedSigner } from "../domain/signature-import";

isoCountries.registerLocale(english);

// Each country by the runtime's English name, lower-cased ("Syria"); i18n-iso-countries' official
// names and aliases ("Syrian Arab Republic") are asked after it.
const byEnglishName = new Map<string, string>(countryCodes.map((code) => [countryName(code, "en").toLowerCase(), code]));

/** A country as other platforms write it: an ISO 3166-1 alpha-2 or alpha-3 code, or its English name. */
export function countryCode(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  const upper = trimmed.toUpperCase();
  if (upper.length === 2 && isCountryCode(upper)) return upper;
  if (upper.length === 3) {
    const fromAlpha3 = isoCountries.alpha3ToAlpha2(upper);
    if (fromAlpha3) return fromAlpha3;
  }
  return byEnglishName.get(trimmed.toLowerCase()) ?? isoCountries.getAlpha2Code(trimmed, "en");
}

const yes = new Set(["yes", "y", "true", "1", "on", "x", "opted in", "subscribed"]);
const no = new Set(["", "no", "n", "false", "0", "off", "opted out", "unsubscribed"]);

/** A yes/no cell; an empty one is no, since consent is never assumed. */
function choice(value: string): boolean | undefined {
  const cell = value.trim().toLowerCase();
  return yes.has(cell) ? true : no.has(cell) ? false : undefined;
}

// ISO 8601 dates, with or without a time; a time without a zone is taken as UTC.
const isoDate = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

function signedAtOf(value: string, now: Date): Date | "invalid" | "future" {
  const match = isoDate.exec(value.trim());
  if (!match) return "invalid";
  const [, y, mo, d, h = "00", mi = "00", s = "00", zone = "Z"] = match;
  // 2024-02-30 is no day: JavaScript would roll it over into March.
  if (new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDate() !== Number(d)) return "invalid";
  const offset = zone.toUpperCase() === "Z" ? "Z" : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const at = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  if (Number.isNaN(at.getTime())) return "invalid";
  return at > now ? "future" : at;
}

/** Why a row cannot be imported, in words for the organiser (the signing form's problems, and a file's own). */
const problemText: Record<SignatureProblem, string> = {
  "name-missing": "no name",
  "name-too-long": "name too long",
  "name-unsafe": "name has characters that cannot be stored",
  "name-no-letters": "name has no letters",
  "email-missing": "no email",
  "email-too-long": "email too long",
  "email-invalid": "email is not a valid address",
  "email-disposable": "email is a throwaway address",
  "email-blocked": "email is on the block list",
  "country-missing": "no country",
  "country-unknown": "country not recognised",
  "comment-not-text": "comment is not text",
  "comment-too-long": "comment too long",
  "comment-unsafe": "comment has characters that cannot be stored",
  "choice-invalid": "a yes/no column holds something else",
};

export const describeProblem = (problem: SignatureProblem) => problemText[problem];

export type CheckedRow = { kind: "valid"; signer: ImportedSigner } | { kind: "invalid"; reasons: string[] };

/**
 * One row of the file against the signing form's own rules (lib/signature-input.ts) and the
 * throwaway-address check; the block list, which needs the database, is the caller's.
 */
export function checkRow(cells: readonly string[], mapping: ColumnMapping, now: Date): CheckedRow {
  const cell = (index: number | undefined) => (index === undefined ? "" : (cells[index] ?? ""));
  const fullName =
    mapping.fullName !== undefined ? cell(mapping.fullName) : [cell(mapping.firstName).trim(), cell(mapping.lastName).trim()].filter(Boolean).join(" ");
  const countryCell = cell(mapping.country);
  const wantsUpdates = choice(cell(mapping.wantsUpdates));
  const showName = choice(cell(mapping.showName));
  const signedAt = mapping.signedAt === undefined || cell(mapping.signedAt).trim() === "" ? now : signedAtOf(cell(mapping.signedAt), now);

  const reasons: string[] = [];
  const parsed = signatureInput.safeParse({
    fullName,
    email: cell(mapping.email),
    // An unknown name is passed on as it is, for the schema to call it unknown.
    country: countryCode(countryCell) ?? countryCell,
    showName: showName ?? false,
    wantsUpdates: wantsUpdates ?? false,
  });
  // The first problem of each field, as the signing form shows them.
  if (!parsed.success) for (const problem of Object.values(fieldErrors(parsed.error))) reasons.push(problemText[problem]);
  if (wantsUpdates === undefined) reasons.push("“wants updates” is not yes or no");
  if (showName === undefined) reasons.push("“show name” is not yes or no");
  if (signedAt === "invalid") reasons.push("date not understood (write it as 2024-03-31 or 2024-03-31 14:05)");
  if (signedAt === "future") reasons.push("date is in the future");
  if (!parsed.success || reasons.length > 0 || !(signedAt instanceof Date)) return { kind: "invalid", reasons };

  const { data } = parsed;
  const domain = emailDomain(data.email);
  if (isDisposableDomain(domain)) return { kind: "invalid", reasons: [problemText["email-disposable"]] };
  return {
    kind: "valid",
    signer: {
      fullName: data.fullName,
      email: data.email,
      emailKey: emailKey(data.email),
      emailDomain: domain,
      country: data.country,
      showName: data.showName,
      wantsUpdates: data.wantsUpdates,
      signedAt,
    },
  };
}
