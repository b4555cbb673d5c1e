import { createTranslator } from "use-intl/core";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";
import type { Locale } from "../domain/locales";

export type Messages = typeof en;

// English is the source: every other file carries the same keys (a unit test holds them to it).
const catalogue: Record<Locale, Messages> = { en, ar };

export function messagesFor(locale: Locale): Messages {
  return catalogue[locale];
}

/** A translator for code outside React (emails, share cards), over the same messages the pages use. */
export function translator<Namespace extends keyof Messages>(locale: Locale, namespace: Namespace) {
  return createTranslator({ locale, messages: catalogue[locale], namespace, timeZone: "UTC" });
}

// The namespaces client components read; the rest (privacy text, emails) stay on the server.
const clientNamespaces = ["Counter", "CampaignState", "SignForm", "Problems", "ThankYou", "Share", "RecentSigners", "Reasons", "ReportReason", "Confirm", "Withdraw", "Error"] as const;

/** What the browser is sent: only the messages its components can ask for, so each page ships less. */
export function clientMessagesFor(locale: Locale): Pick<Messages, (typeof clientNamespaces)[number]> {
  const all = catalogue[locale];
  return Object.fromEntries(clientNamespaces.map((namespace) => [namespace, all[namespace]])) as Pick<Messages, (typeof clientNamespaces)[number]>;
}
