import { z } from "zod";
import { isCountryCode } from "./countries";
import { limits } from "./signature-limits";

// Control and format characters never belong in a name, and some (bidi overrides) can disguise one.
const hiddenCharacters = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/u;

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
    .refine((name) => !hiddenCharacters.test(name), "Your name has a character we can't store; please retype it.")
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
