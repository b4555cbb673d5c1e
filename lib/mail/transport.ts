import nodemailer, { type Transporter } from "nodemailer";
import { config } from "../config";
import { processSingleton } from "../process-singleton";

/** The SMTP transport from SMTP_URL (its query string takes nodemailer options, such as ?pool=true); undefined when mail is not configured. */
export function mailTransport(): Transporter | undefined {
  const { SMTP_URL } = config();
  if (!SMTP_URL) return undefined;
  return processSingleton(`smtp:${SMTP_URL}`, () => nodemailer.createTransport(SMTP_URL));
}
