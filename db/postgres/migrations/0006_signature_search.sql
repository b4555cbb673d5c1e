ALTER TABLE "signatures" ADD COLUMN "name_key" text;--> statement-breakpoint
CREATE INDEX "signatures_by_name" ON "signatures" USING btree ("petition_id","name_key" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "signatures_by_country" ON "signatures" USING btree ("petition_id","country","id");