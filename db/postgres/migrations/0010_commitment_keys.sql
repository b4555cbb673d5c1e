DROP INDEX "log_entries_by_commitment";--> statement-breakpoint
ALTER TABLE "log_entries" ADD COLUMN "commitment_key" bigint;--> statement-breakpoint
-- Each placed entry's key: its commitment's first 13 hex digits (52 bits) as a number.
UPDATE "log_entries" SET "commitment_key" = ('x' || substr("commitment", 1, 13))::bit(52)::bigint WHERE "commitment" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "log_entries_by_commitment_key" ON "log_entries" USING btree ("petition_id","commitment_key") WHERE "log_entries"."commitment_key" is not null;