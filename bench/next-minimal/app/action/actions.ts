"use server";
// The server-action baseline: the same validation and insert as the route handler, reached the way
// the app's form reaches its action, so the bench can show what Next.js's action path costs alone.
import { signatureInput } from "../../../../lib/signature-input";
import { insertSignature } from "../baseline-db";

export async function sign(_previous: { signed: boolean }, form: FormData): Promise<{ signed: boolean }> {
  const parsed = signatureInput.safeParse({ fullName: form.get("fullName"), email: form.get("email"), country: form.get("country") });
  if (!parsed.success) return { signed: false };
  insertSignature(parsed.data);
  return { signed: true };
}
