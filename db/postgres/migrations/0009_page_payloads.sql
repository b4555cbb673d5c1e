CREATE TABLE "page_payloads" (
	"hash" text PRIMARY KEY NOT NULL,
	"body" "bytea" NOT NULL,
	"stored_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "page_payloads_by_age" ON "page_payloads" USING btree ("stored_at");