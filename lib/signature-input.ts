import { z } from "zod";
import { isCountryCode } from "./countries";
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

/** What a signer gives us, from the form or the JSON API; both go through this one schema. */
export const signatureInput = z.object({
  fullName: z
    .string({ error: "Please enter your full name." })
    .trim()
    .min(1, "Please enter your full name.")
    .max(limits.fullName, `Please keep your name under ${limits.fullName} characters.`)
    .refine((name) => !unsafeCharacters.name.test(name), "Your name has a character we can't store; please retype it.")
    .refine((name) => /\p{L}/u.test(name), "Please enter your name in letters."),
  email: z
    .string({ error: "Please enter your email address." })
    .trim()
    .min(1, "Please enter your email address.")
    .max(limits.email, "That email address is too long.")
    .pipe(z.email("Please enter an email address like name@example.org.")),
  country: z
    .string({ error: "Please choose your country." })
    .trim()
    .min(1, "Please choose your country.")
    .refine(isCountryCode, "Please choose your country from the list."),
  comment: z
    .string({ error: "Your comment must be text." })
    .trim()
    .max(limits.comment, `Please keep your comment to ${limits.comment} characters.`)
    .refine((comment) => !unsafeCharacters.comment.test(comment), "Your comment has a character we can't store; please retype it.")
    .optional()
    .transform((comment) => (comment ? comment : undefined)),
  showName: checkbox,
  wantsUpdates: checkbox,
});

export type SignatureInput = z.infer<typeof signatureInput>;
export type SignatureField = keyof SignatureInput;
export type SignatureFieldErrors = Partial<Record<SignatureField, string>>;

/** The first message for each field, as the form shows them. */
export function fieldErrors(error: z.ZodError): SignatureFieldErrors {
  const flat = z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
  const errors: SignatureFieldErrors = {};
  for (const field of Object.keys(signatureInput.shape) as SignatureField[]) {
    const first = flat[field]?.[0];
    if (first) errors[field] = first;
  }
  return errors;
}
