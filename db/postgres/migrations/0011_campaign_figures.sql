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
	"kind" text NOT NULL,
	"bucket" text NOT NULL,
	"status" text NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign_figures" ADD CONSTRAINT "campaign_figures_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figure_deltas" ADD CONSTRAINT "figure_deltas_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "figure_deltas_by_petition" ON "figure_deltas" USING btree ("petition_id");--> statement-breakpoint
-- Each signature's figures, one row per kind (lib/domain/figures.ts), as SQLite's view signature_figures has them: an hour or
-- day is its UTC start in epoch milliseconds, a time to fill its bucket's lower edge ('' when unknown).
CREATE FUNCTION "signature_figures"(signed_at timestamptz, country text, fill_ms integer, referrer_id integer, confirmed_at timestamptz, import_id integer)
RETURNS TABLE (kind text, bucket text) LANGUAGE sql STABLE AS $$
  SELECT 'all', ''
  UNION ALL SELECT 'hour', (floor(extract(epoch FROM signed_at) / 3600) * 3600000)::bigint::text
  UNION ALL SELECT 'day', (floor(extract(epoch FROM signed_at) / 86400) * 86400000)::bigint::text
  UNION ALL SELECT 'country', country
  UNION ALL SELECT 'fill', CASE
      WHEN fill_ms >= 300000 THEN '300000' WHEN fill_ms >= 60000 THEN '60000' WHEN fill_ms >= 30000 THEN '30000'
      WHEN fill_ms >= 10000 THEN '10000' WHEN fill_ms >= 5000 THEN '5000' WHEN fill_ms >= 2000 THEN '2000'
      WHEN fill_ms >= 0 THEN '0' ELSE '' END
  UNION ALL SELECT 'verified-by', CASE
      WHEN confirmed_at IS NOT NULL AND import_id IS NOT NULL THEN 'email+import' WHEN confirmed_at IS NOT NULL THEN 'email'
      WHEN import_id IS NOT NULL THEN 'import' ELSE 'open' END
  UNION ALL SELECT 'referrer', referrer_id::text WHERE referrer_id IS NOT NULL
$$;
--> statement-breakpoint
-- Moved by the statement that changes signatures, whichever code runs it (signing, confirmation, moderation, withdrawal,
-- erasure, import and its undo, the seed, db:copy's COPY): one insert of the statement's sums into figure_deltas, so signers
-- never wait for each other's rows. An update counts only the rows whose figures moved; a campaign's own deletion takes its
-- figures by cascade, so its signatures then move none.
CREATE FUNCTION "signatures_move_figures"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO figure_deltas (petition_id, kind, bucket, status, count)
    SELECT s.petition_id, f.kind, f.bucket, s.status, count(*)
    FROM new_rows s CROSS JOIN LATERAL signature_figures(s.signed_at, s.country, s.fill_ms, s.referrer_id, s.confirmed_at, s.import_id) f
    GROUP BY 1, 2, 3, 4;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO figure_deltas (petition_id, kind, bucket, status, count)
    SELECT s.petition_id, f.kind, f.bucket, s.status, -count(*)
    FROM old_rows s JOIN petitions p ON p.id = s.petition_id
    CROSS JOIN LATERAL signature_figures(s.signed_at, s.country, s.fill_ms, s.referrer_id, s.confirmed_at, s.import_id) f
    GROUP BY 1, 2, 3, 4;
  ELSE
    WITH moved AS (
      SELECT o.petition_id AS old_petition, o.status AS old_status, o.signed_at AS old_signed_at, o.country AS old_country,
        o.fill_ms AS old_fill_ms, o.referrer_id AS old_referrer_id, o.confirmed_at AS old_confirmed_at, o.import_id AS old_import_id, n.*
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.petition_id, o.status, o.signed_at, o.country, o.fill_ms, o.referrer_id, o.confirmed_at, o.import_id)
        IS DISTINCT FROM (n.petition_id, n.status, n.signed_at, n.country, n.fill_ms, n.referrer_id, n.confirmed_at, n.import_id)
    ), changes AS (
      SELECT m.old_petition AS petition_id, f.kind, f.bucket, m.old_status AS status, -1 AS n
      FROM moved m CROSS JOIN LATERAL signature_figures(m.old_signed_at, m.old_country, m.old_fill_ms, m.old_referrer_id, m.old_confirmed_at, m.old_import_id) f
      UNION ALL
      SELECT m.petition_id, f.kind, f.bucket, m.status, 1
      FROM moved m CROSS JOIN LATERAL signature_figures(m.signed_at, m.country, m.fill_ms, m.referrer_id, m.confirmed_at, m.import_id) f
    )
    INSERT INTO figure_deltas (petition_id, kind, bucket, status, count)
    SELECT petition_id, kind, bucket, status, sum(n) FROM changes GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0;
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
FROM "signatures" s CROSS JOIN LATERAL signature_figures(s."signed_at", s."country", s."fill_ms", s."referrer_id", s."confirmed_at", s."import_id") f
GROUP BY 1, 2, 3, 4;
