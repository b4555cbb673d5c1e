import { findAdminByEmail, insertAdmin } from "@/db/store";
import { z } from "zod";
import { hashPassword, verifyPassword } from "./passwords";

export const adminEmail = z.email("Enter the email address of an organiser account.").trim().toLowerCase();
export const adminPassword = z
  .string()
  .min(12, "Use at least 12 characters.")
  .max(256, "Use at most 256 characters.");

/** Creates an organiser account; false when one already exists for that email. */
export async function createAdmin(email: string, password: string): Promise<boolean> {
  const address = adminEmail.parse(email);
  return insertAdmin(address, await hashPassword(adminPassword.parse(password)));
}

// Verified against when the email is unknown, so a wrong email takes as long as a wrong password.
let decoyHash: Promise<string> | undefined;

/** The organiser these credentials belong to, or undefined without saying which part was wrong. */
export async function authenticate(email: string, password: string) {
  const admin = await findAdminByEmail(email.trim().toLowerCase());
  if (!admin) {
    decoyHash ??= hashPassword("decoy password, never valid");
    await verifyPassword(password, await decoyHash);
    return undefined;
  }
  return (await verifyPassword(password, admin.passwordHash)) ? { id: admin.id, email: admin.email } : undefined;
}
