import type { IncomingMessage, ServerResponse } from "node:http";
import { campaignOEmbed } from "@/lib/campaign-embed";
import { config } from "@/lib/config";
import { requestedSize } from "@/lib/embed";
import { siteOriginHeader } from "@/lib/site-origin";
import { sendJson } from "./respond";

// Any site may read an embed's description: it says only what the campaign page says.
const cors = { "Access-Control-Allow-Origin": "*" };

/**
 * GET /api/oembed?url=<a campaign page>&format=json[&maxwidth=&maxheight=] (oembed.com): the
 * petition as a "rich" embed, for the sites and editors that turn a pasted link into one. Only
 * this site's own campaign pages are described; JSON is the one format answered.
 */
export async function answerOEmbed(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const query = new URL(req.url ?? "/", "http://query.invalid").searchParams;
  const pageUrl = query.get("url");
  if (!pageUrl) return sendJson(res, 400, { error: "Name the page to embed: ?url=<a campaign page's address>." }, cors);
  if ((query.get("format") ?? "json") !== "json") return sendJson(res, 501, { error: "Only format=json is answered." }, cors);

  // Where the site is: PUBLIC_URL, with any path it has, else the origin the front door resolved.
  const stamped = req.headers[siteOriginHeader];
  const siteBase = config().PUBLIC_URL ?? (typeof stamped === "string" ? stamped : "http://localhost");
  const answer = await campaignOEmbed(pageUrl, siteBase, {
    maxWidth: requestedSize(query.get("maxwidth")),
    maxHeight: requestedSize(query.get("maxheight")),
  });
  if (!answer) return sendJson(res, 404, { error: "That address is not a campaign page on this site." }, cors);
  // A campaign's title changes seldom: consumers and caches may keep the answer a few minutes.
  sendJson(res, 200, answer, { ...cors, "Cache-Control": "public, max-age=300" });
}
