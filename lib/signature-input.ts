import { z } from "zod";
import { isCountryCode } from "./domain/countries";
import { limits } from "./signature-limits";

/**
 * Characters refused in what signers type: lone surrogates (SQLite cannot store them faithfully),
 * control and private-use characters, and the bidi overrides and isolates that can disguise text.
 * Joiners stay allowed: Persian names use the zero-width non-joiner, emoji the joiner.
 */
export const unsafeCharacters = {
  name: /[\p{Cc}\p{Cs}\p{Co}\u202A-\u202E\u2066-\u2069\uFEFF]/u,
  // A comment may keep its line breaks and tabs.
  comment: /[\p{Cs}\p{Co}\u202A-\u202E\u2066-\u2069\uFEFF]|(?![\n\r\t])\p{Cc}/u,
};

const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false")])
  .optional()
  .transform((value) => value === true || value === "on" || value === "true");

/**
 * What can be wrong with a field, as a code: each place that shows it says it in its reader's
 * language (messages/<locale>.json, "Problems"), and the JSON API in English.
 */
export const signatureProblems = [
  "name-missing",
  "name-too-long",
  "name-unsafe",
  "name-no-letters",
  "email-missing",
  "email-too-long",
  "email-invalid",
  "email-disposable",
  "email-blocked",
  "country-missing",
  "country-unknown",
  "comment-not-text",
  "comment-too-long",
  "comment-unsafe",
  "choice-invalid",
] as const;
export type SignatureProblem = (typeof signatureProblems)[number];

const problem = (code: SignatureProblem) => code;
const isProblem = (message: string): message is SignatureProblem => (signatureProblems as readonly string[]).includes(message);

/** What a signer gives us, from the form or the JSON API; both go through this one schema. */
export const signatureInput = z.object({
  fullName: z
    .string({ error: problem("name-missing") })
    .trim()
    .min(1, problem("name-missing"))
    .max(limits.fullName, problem("name-too-long"))
    .refine((name) => !unsafeCharacters.name.test(name), problem("name-unsafe"))
    .refine((name) => /\p{L}/u.test(name), problem("name-no-letters")),
  email: z
    .string({ error: problem("email-missing") })
    .trim()
    .min(1, problem("email-missing"))
    .max(limits.email, problem("email-too-long"))
    .pipe(z.email(problem("email-invalid"))),
  country: z
    .string({ error: problem("country-missing") })
    .trim()
    .min(1, problem("country-missing"))
    .refine(isCountryCode, problem("country-unknown")),
  comment: z
    .string({ error: problem("comment-not-text") })
    .trim()
    .max(limits.comment, problem("comment-too-long"))
    .refine((comment) => !unsafeCharacters.comment.test(comment), problem("comment-unsafe"))
    .optional()
    .transform((comment) => (comment ? comment : undefined)),
  showName: checkbox,
  /** The reason's own consent: with the signer's public name, or else as "a signer from <country>". */
  reasonWithName: checkbox,
  wantsUpdates: checkbox,
});

export type SignatureInput = z.infer<typeof signatureInput>;
export type SignatureField = keyof SignatureInput;
export type SignatureFieldErrors = Partial<Record<SignatureField, SignatureProblem>>;

/** The first message for each field, as the form shows them. */
export function fieldErrors(error: z.ZodError): SignatureFieldErrors {
  const flat = z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
  const errors: SignatureFieldErrors = {};
  for (const field of Object.keys(signatureInput.shape) as SignatureField[]) {
    const first = flat[field]?.[0];
    if (first) errors[field] = isProblem(first) ? first : unexpectedProblem(field);
  }
  return errors;
}

/** A message zod wrote itself (a type it was never meant to see): the field's plainest problem. */
function unexpectedProblem(field: SignatureField): SignatureProblem {
  const byField: Record<SignatureField, SignatureProblem> = {
    fullName: "name-missing",
    email: "email-invalid",
    country: "country-missing",
    comment: "comment-not-text",
    showName: "choice-invalid",
    reasonWithName: "choice-invalid",
    wantsUpdates: "choice-invalid",
  };
  return byField[field];
}
