import Database from "better-sqlite3";
import type { SignatureStatus } from "@/lib/domain/model";
import type { ExportedSignature } from "@/lib/domain/signature-row";

/** Opened by file so an export worker loads nothing else of the app; each range is its own short read, so signing goes on
 * between them and the WAL can be checkpointed during an export. */
export function openSignatureReader(file: string, statuses: readonly SignatureStatus[]) {
  const connection = new Database(file, { readonly: true });
  connection.pragma("busy_timeout = 5000");
  const range = connection
    .prepare(
      `select id, signed_at, full_name, email, country, comment, show_name, wants_updates, status
       from signatures
       where petition_id = ? and id >= ? and id < ? and status in (select value from json_each(?))
       order by id`,
    )
    .raw(true);
  const wanted = JSON.stringify(statuses);
  return {
    /** Signatures with `from <= id < to`, in id order. */
    read: (campaignId: number, from: number, to: number) => range.all(campaignId, from, to, wanted) as ExportedSignature[],
    close: () => connection.close(),
  };
}
