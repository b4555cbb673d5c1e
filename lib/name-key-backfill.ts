import { stores } from "./stores";
import { setImmediate as nextTurn } from "node:timers/promises";
import { nameKey } from "./domain/name-key";

const batch = 1_000;

/**
 * Gives signatures stored before the name key existed their key, so the organisers' search finds
 * them by name: a batch a transaction, a turn of the event loop between, for at most `budgetMs`
 * a run (the periodic job goes on at its next run). Returns how many it wrote.
 */
export async function backfillNameKeys(budgetMs = 10_000): Promise<number> {
  const started = Date.now();
  let filled = 0;
  for (;;) {
    const done = await stores().signatures.fillMissingNameKeys(nameKey, batch);
    filled += done;
    if (done < batch || Date.now() - started >= budgetMs) return filled;
    await nextTurn();
  }
}
