import type { IncomingMessage, ServerResponse } from "node:http";
import { referralCount } from "@/lib/referrals";
import { sendJson } from "./respond";

/**
 * GET /api/referrals/<stats token>: how many confirmed signers the token's owner's share link
 * brought. The token is the sharer's private one (never the code in their public link), so only
 * they can read it. A forged token gets 404; the decoy a repeat signer is given reads as 0, as a
 * new signer's own does.
 */
export async function answerReferralCount(_req: IncomingMessage, res: ServerResponse, token: string): Promise<void> {
  const signers = await referralCount(token);
  if (signers === undefined) return sendJson(res, 404, { error: "No such link." });
  sendJson(res, 200, { signers });
}
