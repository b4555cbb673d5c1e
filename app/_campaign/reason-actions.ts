"use server";

import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { shownReason } from "@/lib/reason-wall";
import { markReason, type MarkResult } from "@/lib/reasons";
import type { ReasonMarkKind } from "@/lib/domain/reasons";
import { campaignStanding } from "@/lib/campaign-status";
import { requestClientAddress } from "../_lib/request";
import { logActionError } from "../_lib/request-log";

/** The reader's own random id, in a cookie only they hold: what makes their mark count once. Never stored as it is. */
const readerCookie = "countersign_reader";

async function readerId(): Promise<string> {
  const jar = await cookies();
  const known = jar.get(readerCookie)?.value;
  if (known && /^[A-Za-z0-9_-]{22,64}$/.test(known)) return known;
  const made = randomBytes(18).toString("base64url");
  jar.set(readerCookie, made, { httpOnly: true, secure: true, sameSite: "lax", path: "/", maxAge: 365 * 24 * 60 * 60 });
  return made;
}

export type MarkState = { result?: MarkResult | "failed"; agrees?: number };

async function mark(slug: string, kind: ReasonMarkKind, form: FormData): Promise<MarkState> {
  const reasonId = Number(form.get("reasonId"));
  if (!Number.isSafeInteger(reasonId) || reasonId <= 0) return { result: "unknown" };
  try {
    const result = await markReason(slug, reasonId, kind, await readerId(), await requestClientAddress());
    if (kind !== "agree") return { result };
    const campaign = await campaignStanding(slug);
    const reason = campaign && (await shownReason(campaign.id, reasonId));
    return { result, agrees: reason?.agrees };
  } catch (error) {
    await logActionError(`marking a reason (${kind}) failed`, error, { slug });
    return { result: "failed" };
  }
}

/** A reader agrees with a reason: counted once per reader, the new count answered. */
export async function agreeAction(slug: string, _previous: MarkState, form: FormData): Promise<MarkState> {
  return mark(slug, "agree", form);
}

/** A reader reports a reason for the organisers to look at again. */
export async function reportAction(slug: string, _previous: MarkState, form: FormData): Promise<MarkState> {
  return mark(slug, "report", form);
}
