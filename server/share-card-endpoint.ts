import type { IncomingMessage, ServerResponse } from "node:http";
import { formattingLocale, isLocale, textDirection, type Locale } from "@/lib/domain/locales";
import { campaignStatus } from "@/lib/campaign-status";
import { translator } from "@/lib/i18n/messages";
import { roundedTotal, type ShareCardInput } from "@/lib/share-card";
import { shareCards } from "@/lib/share-card-cache";
import { sendJson } from "./respond";

/** What a campaign's card says in a locale, or undefined when there is no such campaign. */
export async function cardInputFor(slug: string, locale: Locale): Promise<ShareCardInput | undefined> {
  const status = await campaignStatus(slug, locale);
  if (!status) return undefined;
  const t = translator(locale, "Card");
  return {
    title: status.title,
    total: status.total,
    goal: status.goal,
    locale,
    direction: textDirection(locale),
    // The card formats the goal itself, in the locale's digits, where the label says {goal}.
    labels: {
      signatures: t("signatures", { count: roundedTotal(status.total) }),
      // Once a stepping goal is reached, the card says so as the page does: "We passed 1,000 — next goal 2,500".
      goal:
        status.goalPassed === null
          ? t("goal", { goal: "{goal}" })
          : translator(locale, "CampaignState")("goalStepped", {
              passed: new Intl.NumberFormat(formattingLocale(locale)).format(status.goalPassed),
              goal: "{goal}",
            }),
    },
    siteName: translator(locale, "Site")("name"),
  };
}

/** GET or HEAD /og/<slug>/<locale>.png: the campaign's Open Graph card, a 1200x630 PNG. */
export async function answerShareCard(req: IncomingMessage, res: ServerResponse, slug: string): Promise<void> {
  const locale = /^\/og\/[^/]+\/([^/]+)\.png$/.exec((req.url ?? "").split("?")[0]!)?.[1];
  if (!isLocale(locale)) return sendJson(res, 404, { error: "No card in that language." });
  const input = await cardInputFor(slug, locale);
  if (!input) {
    // Unpublished or deleted since its cards were drawn: they are not kept for it.
    shareCards.forget(slug);
    return sendJson(res, 404, { error: "No such petition." });
  }
  const png = await shareCards.get(slug, input);
  // Five minutes: the card shows a rounded total, which moves slowly.
  res.writeHead(200, { "Content-Type": "image/png", "Content-Length": png.length, "Cache-Control": "public, max-age=300" });
  res.end(req.method === "HEAD" ? undefined : png);
}
