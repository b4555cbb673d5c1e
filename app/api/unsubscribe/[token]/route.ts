import type { NextRequest } from "next/server";
import { localeCookie } from "@/lib/domain/locales";
import { unsubscribe, unsubscribePageFor } from "@/lib/updates/unsubscribe";

export const dynamic = "force-dynamic";

/**
 * The one-click unsubscribe of RFC 8058: mail programs POST here (body
 * "List-Unsubscribe=One-Click") from the List-Unsubscribe header. It takes effect at once; no
 * cookie, origin or form is asked for, since the sealed token is the only key. The answer is the
 * same for every real token, still subscribed or not; a token we never made gets 404.
 */
export async function POST(_request: Request, { params }: RouteContext<"/api/unsubscribe/[token]">) {
  const { token } = await params;
  const done = await unsubscribe(token);
  return new Response(done ? "Unsubscribed.\n" : "No such link.\n", {
    status: done ? 200 : 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/**
 * A mail program without one-click opens the same address in a browser: it is sent on to the page
 * with the button, and nothing changes here, since link scanners fetch every address they find.
 */
export async function GET(request: NextRequest, { params }: RouteContext<"/api/unsubscribe/[token]">) {
  const { token } = await params;
  const reader = { cookie: request.cookies.get(localeCookie)?.value, acceptLanguage: request.headers.get("accept-language") ?? undefined };
  return new Response(null, {
    status: 303,
    headers: { Location: unsubscribePageFor(token, reader), "Cache-Control": "no-store", Vary: "Accept-Language, Cookie" },
  });
}
