CREATE TABLE "petition_translations" (
	"petition_id" integer NOT NULL,
	"locale" text NOT NULL,
	"title" text NOT NULL,
	"ask" text NOT NULL,
	"story_headline" text NOT NULL,
	"story_markdown" text NOT NULL,
	"translation_note" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "petition_translations_petition_id_locale_pk" PRIMARY KEY("petition_id","locale"),
	CONSTRAINT "petition_translations_locale_shape" CHECK (length("petition_translations"."locale") between 2 and 8)
);
--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "locale" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "locale" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "referrer_id" integer;--> statement-breakpoint
ALTER TABLE "petition_translations" ADD CONSTRAINT "petition_translations_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "signatures_by_referrer" ON "signatures" USING btree ("referrer_id") WHERE "signatures"."referrer_id" is not null;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_locale_shape" CHECK (length("petitions"."locale") between 2 and 8);--> statement-breakpoint
ALTER TABLE "signatures" ADD CONSTRAINT "signatures_locale_shape" CHECK (length("signatures"."locale") between 2 and 8);