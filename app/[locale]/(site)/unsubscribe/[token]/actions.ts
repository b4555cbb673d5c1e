"use server";

import { unsubscribe } from "@/lib/updates/unsubscribe";

export type UnsubscribeState = { done?: boolean };

/** The page's button: the only way a visit unsubscribes, since mail scanners open links unasked. */
export async function unsubscribeAction(token: string): Promise<UnsubscribeState> {
  return { done: await unsubscribe(token) };
}
