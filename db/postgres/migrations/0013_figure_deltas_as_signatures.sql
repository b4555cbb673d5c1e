-- figure_deltas holds the buckets a statement's signatures left or found, counted, rather than one summed row per kind of
-- figure: a signature's insert then writes one row, and the spreading over kinds (figure_delta_kinds) happens when the deltas
-- are read or folded. Measured on one process: 80 µs a signature with a row per kind. A statement of many signatures still
-- writes one row a bucket, so an import or a bulk invalidation leaves the table small. The deltas not yet folded go into
-- campaign_figures first; the ALTER's lock holds off signers until this migration commits.
INSERT INTO "campaign_figures" ("petition_id", "kind", "bucket", "status", "count")
SELECT "petition_id", "kind", "bucket", "status", sum("count") FROM "figure_deltas" GROUP BY 1, 2, 3, 4
ON CONFLICT ("petition_id", "kind", "bucket", "status") DO UPDATE SET "count" = "campaign_figures"."count" + excluded."count";
--> statement-breakpoint
DELETE FROM "figure_deltas";
--> statement-breakpoint
ALTER TABLE "figure_deltas" DROP COLUMN "kind";--> statement-breakpoint
ALTER TABLE "figure_deltas" DROP COLUMN "bucket";--> statement-breakpoint
ALTER TABLE "figure_deltas" ADD COLUMN "hour" bigint NOT NULL;--> statement-breakpoint
ALTER TABLE "figure_deltas" ADD COLUMN "country" text NOT NULL;--> statement-breakpoint
ALTER TABLE "figure_deltas" ADD COLUMN "fill" text NOT NULL;--> statement-breakpoint
ALTER TABLE "figure_deltas" ADD COLUMN "referrer_id" integer;--> statement-breakpoint
ALTER TABLE "figure_deltas" ADD COLUMN "verified_by" text NOT NULL;--> statement-breakpoint
-- A signature's buckets, as signature_figures (migration 0011) has them.
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
CREATE OR REPLACE FUNCTION "signatures_move_figures"() RETURNS trigger LANGUAGE plpgsql AS $$
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
