import { asc, sql } from "drizzle-orm";
import type { FigureKind } from "@/lib/domain/figures";
import type { SignatureStatus } from "@/lib/domain/model";
import type { ChartStore, Figure, FigureRecount } from "@/lib/domain/ports/charts";
import type { Dialect, Handle } from "./dialect";
import { figureCounter } from "./figure-count";

// Rows an insert: five values each stay far under PostgreSQL's 65,535 bound values a statement.
const batch = 2_000;

const keyOf = (figure: Pick<Figure, "kind" | "bucket" | "status">) => `${figure.kind}\u0000${figure.bucket}\u0000${figure.status}`;

/** Where the kept figures and the full count differ, bucket by bucket; a bucket kept at 0 is one the count does not find. */
function differences(kept: readonly Figure[], counted: readonly Figure[]): FigureRecount["differences"] {
  const both = new Map<string, FigureRecount["differences"][number]>();
  for (const figure of kept) both.set(keyOf(figure), { ...figure, kept: figure.count, counted: 0 });
  for (const figure of counted) {
    const found = both.get(keyOf(figure)) ?? { ...figure, kept: 0, counted: 0 };
    both.set(keyOf(figure), { ...found, counted: figure.count });
  }
  return [...both.values()].filter((row) => row.kept !== row.counted).map(({ kind, bucket, status, kept, counted }) => ({ kind, bucket, status, kept, counted }));
}

/**
 * `npm run db:recount`'s check of the figures: each campaign's kept figures beside a full count, first as signing goes on
 * (a signature arriving between the two reads can make them differ for a moment), then, for a campaign that seems to
 * differ, again with signing held off, which is the answer; `repair` then writes that campaign's figures anew from the count.
 */
export function figureRecounter(d: Dialect): ChartStore["recountFigures"] {
  const { campaigns, campaignFigures } = d.tables;
  const countAnew = figureCounter(d);
  const keptFigures = async (handle: Handle, campaignId: number): Promise<Figure[]> => {
    const rows = await d.rows<{ kind: FigureKind; bucket: string; status: SignatureStatus; n: number | string }>(
      handle,
      sql`select kind, bucket, status, sum(count) as n from ${d.figures.kept} f where petition_id = ${campaignId}
        group by kind, bucket, status having sum(count) <> 0`,
    );
    return rows.map((row) => ({ kind: row.kind, bucket: row.bucket, status: row.status, count: Number(row.n) }));
  };
  const compare = async (handle: Handle, campaignId: number) => {
    const kept = await keptFigures(handle, campaignId);
    const counted = await countAnew(handle, campaignId);
    return { counted, differences: differences(kept, counted) };
  };

  return async (repair) => {
    const all = await d.read().select({ id: campaigns.id, slug: campaigns.slug }).from(campaigns).orderBy(asc(campaigns.id));
    const recounts: FigureRecount[] = [];
    for (const { id, slug } of all) {
      if ((await compare(d.read(), id)).differences.length === 0) {
        recounts.push({ slug, differences: [], repaired: false });
        continue;
      }
      recounts.push(
        await d.write(async (tx) => {
          await d.figures.hold(tx);
          const { counted, differences: found } = await compare(tx, id);
          if (!repair || found.length === 0) return { slug, differences: found, repaired: false };
          await d.figures.forgetUnfolded(tx, id);
          await tx.delete(campaignFigures).where(sql`${campaignFigures.campaignId} = ${id}`);
          for (let from = 0; from < counted.length; from += batch) {
            await tx.insert(campaignFigures).values(counted.slice(from, from + batch).map((figure) => ({ ...figure, campaignId: id })));
          }
          return { slug, differences: found, repaired: true };
        }),
      );
    }
    return recounts;
  };
}
