import { translator } from "./i18n/messages";
import type { Locale } from "./domain/locales";
import type { SignatureField, SignatureFieldErrors, SignatureProblem } from "./signature-input";
import { limits } from "./signature-limits";

/** The values a problem's message may name: the field's length limit. */
export function problemValues(problem: SignatureProblem): { max: number } {
  return { max: problem.startsWith("comment") ? limits.comment : limits.fullName };
}

/** Each field's problem in words, for answers outside the pages (the JSON API). */
export function describeProblems(errors: SignatureFieldErrors, locale: Locale): Partial<Record<SignatureField, string>> {
  const t = translator(locale, "Problems");
  return Object.fromEntries(
    Object.entries(errors).map(([field, problem]) => [field, t(problem, problemValues(problem))]),
  ) as Partial<Record<SignatureField, string>>;
}
