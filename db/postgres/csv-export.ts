import type { Pool } from "pg";
import { signatureRow } from "@/lib/domain/signature-row";
import type { SignatureStore } from "@/lib/domain/ports/signatures";

const pageSize = 2_500;

type ExportRow = [id: number, signedAtMs: number, fullName: string, email: string, country: string, comment: string | null, showName: boolean, wantsUpdates: boolean, status: string];

/** Keyset pages on the campaign's id index, each a short query of its own on the pool, so memory stays flat at any size and
 * no transaction stays open for the length of a download. */
export function csvExport(pool: Pool): SignatureStore["exportSignatureCsv"] {
  return async function* exportSignatureCsv(campaignId, statuses) {
    let after = 0;
    for (;;) {
      const { rows } = await pool.query<ExportRow>({
        text: `select id, (extract(epoch from signed_at) * 1000)::bigint::float8, full_name, email, country, comment,
                 show_name, wants_updates, status
               from signatures
               where petition_id = $1 and id > $2 and status = any($3)
               order by id limit $4`,
        values: [campaignId, after, statuses, pageSize],
        rowMode: "array",
      });
      if (rows.length === 0) return;
      let text = "";
      for (const row of rows) text += signatureRow(row);
      yield { csv: new TextEncoder().encode(text), rows: rows.length };
      after = rows[rows.length - 1]![0];
      if (rows.length < pageSize) return;
    }
  };
}
