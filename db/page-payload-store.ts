import { eq, lt } from "drizzle-orm";
import type { PagePayloadStore } from "@/lib/domain/ports/page-payloads";
import type { Dialect } from "./dialect";

export function pagePayloadStore(d: Dialect): PagePayloadStore {
  const { pagePayloads } = d.tables;
  return {
    keep: (hash, body, now, forgetBefore) =>
      d.write(async (tx) => {
        await tx.delete(pagePayloads).where(lt(pagePayloads.storedAt, forgetBefore));
        await tx.insert(pagePayloads).values({ hash, body, storedAt: now }).onConflictDoNothing();
      }),
    async find(hash) {
      const [row] = await d.read().select({ body: pagePayloads.body }).from(pagePayloads).where(eq(pagePayloads.hash, hash));
      return row?.body;
    },
  };
}
