import { eq } from "drizzle-orm";
import type { OrganiserActor } from "@/lib/domain/ports/organisers";
import type { Dialect, Handle } from "./dialect";

/** One change to the organisers at a time across every process, the actor's role read as stored now: under READ COMMITTED two
 * owners demoting each other at once would each still see the other an owner (SQLite's one writer gives the same order). */
export type OrganiserChange = <T>(actor: OrganiserActor | undefined, refused: T, work: (tx: Handle) => Promise<T>) => Promise<T>;

export function organiserChange(d: Dialect): OrganiserChange {
  const { organisers } = d.tables;
  return (actor, refused, work) =>
    d.write(async (tx) => {
      await d.takeTurn(tx, "organisers");
      if (actor) {
        const [row] = await tx.select({ role: organisers.role }).from(organisers).where(eq(organisers.id, actor.id));
        if (!row || !actor.may(row.role)) return refused;
      }
      return work(tx);
    });
}
