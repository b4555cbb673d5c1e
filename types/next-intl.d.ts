import type { Locale } from "@/lib/domain/locales";
import type en from "@/messages/en.json";

// Typed keys and locales: a missing or misspelt message is a compile error, not a blank on a page.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
