-- figure_deltas holds the buckets a statement's signatures left or found, counted, rather than a row per kind of figure: a
-- signature's insert writes one row (a row a kind cost 80 µs of each insert on one process), a statement of many signatures
-- one row a bucket, and the spreading over kinds (figure_delta_kinds) happens when the deltas are read or folded.
CREATE TABLE "campaign_figures" (
	"petition_id" integer NOT NULL,
	"kind" text NOT NULL,
	"bucket" text NOT NULL,
	"status" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "campaign_figures_petition_id_kind_bucket_status_pk" PRIMARY KEY("petition_id","kind","bucket","status")
);
--> statement-breakpoint
CREATE TABLE "figure_deltas" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "figure_deltas_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"petition_id" integer NOT NULL,
	"status" text NOT NULL,
	"hour" bigint NOT NULL,
	"country" text NOT NULL,
	"fill" text NOT NULL,
	"referrer_id" integer,
	"verified_by" text NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign_figures" ADD CONSTRAINT "campaign_figures_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figure_deltas" ADD CONSTRAINT "figure_deltas_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "figure_deltas_by_petition" ON "figure_deltas" USING btree ("petition_id");--> statement-breakpoint
-- A signature's buckets (lib/domain/figures.ts): an hour is its UTC start in epoch milliseconds, a time to fill its bucket's
-- lower edge ('' when unknown).
CREATE FUNCTION "figure_hour"(signed_at timestamptz) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT (floor(extract(epoch FROM signed_at) / 3600) * 3600000)::bigint
$$;
--> statement-breakpoint
CREATE FUNCTION "figure_fill"(fill_ms integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN fill_ms >= 300000 THEN '300000' WHEN fill_ms >= 60000 THEN '60000' WHEN fill_ms >= 30000 THEN '30000'
    WHEN fill_ms >= 10000 THEN '10000' WHEN fill_ms >= 5000 THEN '5000' WHEN fill_ms >= 2000 THEN '2000'
    WHEN fill_ms >= 0 THEN '0' ELSE '' END
$$;
--> statement-breakpoint
CREATE FUNCTION "figure_verified_by"(confirmed_at timestamptz, import_id integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN confirmed_at IS NOT NULL AND import_id IS NOT NULL THEN 'email+import' WHEN confirmed_at IS NOT NULL THEN 'email'
    WHEN import_id IS NOT NULL THEN 'import' ELSE 'open' END
$$;
--> statement-breakpoint
-- A delta's buckets spread over the kinds of figure (lib/domain/figures.ts): a day is the start of its hour's UTC day.
CREATE FUNCTION "figure_delta_kinds"(hour bigint, country text, fill text, referrer_id integer, verified_by text)
RETURNS TABLE (kind text, bucket text) LANGUAGE sql IMMUTABLE AS $$
  SELECT 'all', ''
  UNION ALL SELECT 'hour', hour::text
  UNION ALL SELECT 'day', (floor(hour / 86400000.0) * 86400000)::bigint::text
  UNION ALL SELECT 'country', country
  UNION ALL SELECT 'fill', fill
  UNION ALL SELECT 'verified-by', verified_by
  UNION ALL SELECT 'referrer', referrer_id::text WHERE referrer_id IS NOT NULL
$$;
--> statement-breakpoint
-- Moved by the statement that changes signatures, whichever code runs it (signing, confirmation, moderation, withdrawal,
-- erasure, import and its undo, the seed, db:copy's COPY): one insert into figure_deltas, so signers never wait for each
-- other's rows. An update counts only the rows whose buckets moved; a campaign's own deletion takes its figures by cascade,
-- so its signatures then move none.
CREATE FUNCTION "signatures_move_figures"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO figure_deltas (petition_id, status, hour, country, fill, referrer_id, verified_by, count)
    SELECT petition_id, status, figure_hour(signed_at), country, figure_fill(fill_ms), referrer_id, figure_verified_by(confirmed_at, import_id), count(*)
    FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6, 7;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO figure_deltas (petition_id, status, hour, country, fill, referrer_id, verified_by, count)
    SELECT s.petition_id, s.status, figure_hour(s.signed_at), s.country, figure_fill(s.fill_ms), s.referrer_id, figure_verified_by(s.confirmed_at, s.import_id), -count(*)
    FROM old_rows s JOIN petitions p ON p.id = s.petition_id GROUP BY 1, 2, 3, 4, 5, 6, 7;
  ELSE
    WITH buckets AS (
      SELECT o.petition_id AS old_petition, o.status AS old_status, figure_hour(o.signed_at) AS old_hour, o.country AS old_country,
        figure_fill(o.fill_ms) AS old_fill, o.referrer_id AS old_referrer, figure_verified_by(o.confirmed_at, o.import_id) AS old_verified,
        n.petition_id, n.status, figure_hour(n.signed_at) AS hour, n.country, figure_fill(n.fill_ms) AS fill, n.referrer_id,
        figure_verified_by(n.confirmed_at, n.import_id) AS verified
      FROM old_rows o JOIN new_rows n ON n.id = o.id
    ), moved AS (
      SELECT * FROM buckets
      WHERE (old_petition, old_status, old_hour, old_country, old_fill, old_referrer, old_verified)
        IS DISTINCT FROM (petition_id, status, hour, country, fill, referrer_id, verified)
    )
    INSERT INTO figure_deltas (petition_id, status, hour, country, fill, referrer_id, verified_by, count)
    SELECT c.petition_id, c.status, c.hour, c.country, c.fill, c.referrer_id, c.verified_by, sum(c.n)
    FROM moved m CROSS JOIN LATERAL (VALUES
      (m.old_petition, m.old_status, m.old_hour, m.old_country, m.old_fill, m.old_referrer, m.old_verified, -1),
      (m.petition_id, m.status, m.hour, m.country, m.fill, m.referrer_id, m.verified, 1)
    ) AS c (petition_id, status, hour, country, fill, referrer_id, verified_by, n)
    GROUP BY 1, 2, 3, 4, 5, 6, 7;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Made before the backfill: each takes a lock that holds off other writers of signatures until this migration commits, so
-- no signature is counted twice or missed.
CREATE TRIGGER "signatures_figures_insert" AFTER INSERT ON "signatures" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "signatures_move_figures"();
--> statement-breakpoint
CREATE TRIGGER "signatures_figures_update" AFTER UPDATE ON "signatures" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "signatures_move_figures"();
--> statement-breakpoint
CREATE TRIGGER "signatures_figures_delete" AFTER DELETE ON "signatures" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "signatures_move_figures"();
--> statement-breakpoint
-- The figures of every signature from before them.
INSERT INTO "campaign_figures" ("petition_id", "kind", "bucket", "status", "count")
SELECT s."petition_id", f.kind, f.bucket, s."status", count(*)
FROM "signatures" s CROSS JOIN LATERAL figure_delta_kinds(figure_hour(s."signed_at"), s."country", figure_fill(s."fill_ms"), s."referrer_id", figure_verified_by(s."confirmed_at", s."import_id")) f
GROUP BY 1, 2, 3, 4;
