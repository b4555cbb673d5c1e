import { randomBytes } from "node:crypto";
import { findAdminByEmail, insertAdmin } from "@/db/store";
import { z } from "zod";
import { hashPassword, verifyPassword } from "./passwords";
import type { Role } from "./roles";

export const adminEmail = z.email("Enter the email address of an organiser account.").trim().toLowerCase();
export const adminPassword = z
  .string()
  .min(12, "Use at least 12 characters.")
  .max(256, "Use at most 256 characters.");

/** Creates an organiser account with the role named; false when one already exists for that email. */
export async function createAdmin(email: string, password: string, role: Role): Promise<boolean> {
  const address = adminEmail.parse(email);
  return insertAdmin(address, await hashPassword(adminPassword.parse(password)), role);
}

// Verified against when the email is unknown, so a wrong email takes as long as a wrong password.
// Random bytes in a real hash's shape: deriving against it costs what a real check costs.
const decoyHash = ["scrypt", 2 ** 17, 8, 1, randomBytes(16).toString("base64"), randomBytes(32).toString("base64")].join("$");

export type Authentication = { kind: "admin"; admin: { id: number; email: string } } | { kind: "refused" } | { kind: "busy" };

/** The organiser these credentials belong to, or a refusal that does not say which part was wrong. */
export async function authenticate(email: string, password: string): Promise<Authentication> {
  const admin = await findAdminByEmail(email.trim().toLowerCase());
  if (!admin) {
    return (await verifyPassword(password, decoyHash)) === "busy" ? { kind: "busy" } : { kind: "refused" };
  }
  const check = await verifyPassword(password, admin.passwordHash);
  if (check === "busy") return { kind: "busy" };
  return check === "match" ? { kind: "admin", admin: { id: admin.id, email: admin.email } } : { kind: "refused" };
}
