import { stores } from "@/lib/stores";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { hashPassword, verifyPassword } from "./passwords";
import type { Role } from "../domain/roles";

export const organiserEmail = z.email("Enter the email address of an organiser account.").trim().toLowerCase();
export const organiserPassword = z
  .string()
  .min(12, "Use at least 12 characters.")
  .max(256, "Use at most 256 characters.");

/** Creates an organiser account with the role named; false when one already exists for that email. */
export async function createOrganiser(email: string, password: string, role: Role): Promise<boolean> {
  const address = organiserEmail.parse(email);
  return stores().organisers.insertOrganiser(address, await hashPassword(organiserPassword.parse(password)), role);
}

// Verified against when the email is unknown, so a wrong email takes as long as a wrong password.
// Random bytes in a real hash's shape: deriving against it costs what a real check costs.
const decoyHash = ["scrypt", 2 ** 17, 8, 1, randomBytes(16).toString("base64"), randomBytes(32).toString("base64")].join("$");

export type Authentication = { kind: "admin"; organiser: { id: number; email: string } } | { kind: "refused" } | { kind: "busy" };

/** The organiser these credentials belong to, or a refusal that does not say which part was wrong. */
export async function authenticate(email: string, password: string): Promise<Authentication> {
  const organiser = await stores().organisers.findOrganiserByEmail(email.trim().toLowerCase());
  if (!organiser) {
    return (await verifyPassword(password, decoyHash)) === "busy" ? { kind: "busy" } : { kind: "refused" };
  }
  const check = await verifyPassword(password, organiser.passwordHash);
  if (check === "busy") return { kind: "busy" };
  return check === "match" ? { kind: "admin", organiser: { id: organiser.id, email: organiser.email } } : { kind: "refused" };
}
