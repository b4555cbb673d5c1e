import type { SignerName, VerificationCounts } from "@/lib/store-contract";
import { database } from "./client";

// What the delivery report reads beyond the charts' figures.

export async function listSignerNames(campaignId: number, afterId: number, limit: number): Promise<SignerName[]> {
  const { rows } = await database().pool.query<SignerName>({
    name: "countersign-signer-names",
    text: `select id, full_name as "fullName", country from signatures
           where petition_id = $1 and status = 'confirmed' and id > $2 order by id limit $3`,
    values: [campaignId, afterId, limit],
  });
  return rows;
}

export async function countVerification(campaignId: number): Promise<VerificationCounts> {
  const { rows } = await database().pool.query<VerificationCounts>({
    name: "countersign-verification",
    text: `select count(confirmed_at)::int as "byEmail",
                  count(*) filter (where confirmed_at is null and import_id is null)::int as "withoutEmail",
                  count(import_id)::int as "imported"
           from signatures where petition_id = $1 and status = 'confirmed'`,
    values: [campaignId],
  });
  return rows[0] ?? { byEmail: 0, withoutEmail: 0, imported: 0 };
}
