import { createTranslator } from "use-intl/core";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";
import type { Locale } from "../locales";

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
