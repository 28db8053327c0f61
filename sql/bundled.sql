--
-- The nine bundled 2022 tables: every target and unit cell constructs an
-- indicator that round-trips in text and in binary.
--
\getenv abs_srcdir PG_ABS_SRCDIR
\getenv abs_builddir PG_ABS_BUILDDIR
\set rows :abs_srcdir '/data/goal_rows_2022.csv'
\set binfile :abs_builddir '/results/bundled.bin'

CREATE TEMP TABLE staging (
	project_code text, level1 text, level2 text, name text,
	nature text, comparator text, target text, unit text,
	weight numeric, source_line int
);
COPY staging FROM :'rows' (FORMAT csv, HEADER);

CREATE TEMP TABLE typed AS
	SELECT source_line, indicator(nature, comparator, target, unit) AS spec FROM staging;

SELECT count(*) AS indicators, count(DISTINCT project_code) AS projects FROM staging;
SELECT count(*) AS typed,
       count(*) FILTER (WHERE spec::text::indicator = spec) AS text_round_trips,
       count(*) FILTER (WHERE spec::text::indicator::text = spec::text) AS stable_text
FROM typed;

-- binary: COPY out and back in
COPY typed TO :'binfile' (FORMAT binary);
CREATE TEMP TABLE typed_back (LIKE typed);
COPY typed_back FROM :'binfile' (FORMAT binary);
SELECT count(*) AS binary_round_trips
FROM typed t JOIN typed_back b USING (source_line) WHERE t.spec = b.spec AND t.spec::text = b.spec::text;

-- the columns read back from the value agree with the table's cells
SELECT count(*) AS mismatches
FROM staging s JOIN typed t USING (source_line)
WHERE nature(t.spec) <> s.nature
   OR (s.comparator <> '' AND comparator(t.spec) <> CASE s.comparator WHEN '大于等于' THEN '>='
                                                  WHEN '等于' THEN '=' WHEN '小于等于' THEN '<=' END)
   OR (s.nature <> '定性' AND target(t.spec) <> s.target::numeric)
   OR (s.nature = '定性' AND target_text(t.spec) <> s.target || coalesce(s.unit, ''))
   OR coalesce(unit(t.spec), '') <> CASE WHEN s.nature = '定性' THEN '' ELSE coalesce(s.unit, '') END;

-- what the tables contain, by canonical value
SELECT nature(spec), comparator(spec), unit(spec), count(*)
FROM typed GROUP BY 1, 2, 3 ORDER BY 1, 2 NULLS FIRST, 3 NULLS FIRST;
SELECT spec, count(*) FROM typed WHERE nature(spec) = '定性' GROUP BY spec ORDER BY spec;

-- sizes on disk: typical values take at most 16 bytes
CREATE TEMP TABLE stored (spec indicator);
INSERT INTO stored SELECT spec FROM typed;
SELECT nature(spec) = '定性' AS qualitative, min(pg_column_size(spec)), max(pg_column_size(spec)),
       round(avg(pg_column_size(spec)), 1) AS avg
FROM stored GROUP BY 1 ORDER BY 1;
SELECT count(*) FILTER (WHERE pg_column_size(spec) <= 16) AS at_most_16_bytes, count(*) AS quantitative
FROM stored WHERE nature(spec) <> '定性';
