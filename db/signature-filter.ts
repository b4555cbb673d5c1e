import { and, eq, gte, inArray, isNotNull, lt, type Column, type SQL } from "drizzle-orm";
import type { SignatureFilter } from "@/lib/domain/ports/moderation";

/** The columns an organiser's filter reads, as each dialect's signatures table names them. */
type FilterColumns = Record<"id" | "campaignId" | "status" | "clientAddress" | "emailDomain" | "signedAt" | "fillMs", Column>;

/** An organiser's choice of signatures, one rule for both dialects; `suspected` picks the ones the bot trap caught. */
export function signatureFilterWhere(signatures: FilterColumns, filter: SignatureFilter): SQL | undefined {
  return and(
    eq(signatures.campaignId, filter.campaignId),
    filter.signatureIds === undefined ? undefined : inArray(signatures.id, [...filter.signatureIds]),
    filter.suspected ? eq(signatures.status, "suspected") : inArray(signatures.status, ["pending", "confirmed"]),
    filter.clientAddress === undefined ? undefined : eq(signatures.clientAddress, filter.clientAddress),
    filter.emailDomain === undefined ? undefined : eq(signatures.emailDomain, filter.emailDomain),
    filter.from === undefined ? undefined : gte(signatures.signedAt, filter.from),
    filter.to === undefined ? undefined : lt(signatures.signedAt, filter.to),
    filter.filledUnderMs === undefined ? undefined : and(isNotNull(signatures.fillMs), lt(signatures.fillMs, filter.filledUnderMs)),
  );
}
