import type { IncomingMessage, ServerResponse } from "node:http";
import { campaignForSigning } from "@/lib/campaign-for-signing";

// A campaign page or embed, once the front door has put its locale in the path.
const campaignPage = /^\/[a-z]{2}\/(?:p|embed)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/**
 * An unpublished campaign's page is a kind word to readers (app/_campaign/TakenDown.tsx), but to
 * crawlers and caches it is gone: 410, which Next.js cannot set from a page. Node writes every
 * head through writeHead, the implicit one included, so changing the status there covers both.
 * The state is read at most a second ago (lib/campaign-for-signing.ts), as signing reads it.
 */
export async function answerTakenDownAsGone(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if ((req.method !== "GET" && req.method !== "HEAD") || req.headers.rsc) return;
  const slug = campaignPage.exec((req.url ?? "").split("?")[0]!)?.[1];
  if (!slug || (await campaignForSigning.get(slug))?.state !== "unpublished") return;
  const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => writeHead(status === 200 ? 410 : status, ...rest)) as ServerResponse["writeHead"];
}
