import nodemailer, { type Transporter } from "nodemailer";
import { config } from "../config";
import { processWide } from "../process-wide";

/** The SMTP transport from SMTP_URL (its query string takes nodemailer options, such as ?pool=true); undefined when mail is not configured. */
export const mailTransport: () => Transporter | undefined = processWide("mail-transport", () => {
  const { SMTP_URL } = config();
  return SMTP_URL ? nodemailer.createTransport(SMTP_URL) : undefined;
});
