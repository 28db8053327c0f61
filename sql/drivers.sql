--
-- What drivers send: strings typed character varying (pgJDBC setString,
-- psqlODBC) reach indicator columns, comparisons and the scoring functions;
-- text casts on assignment; BI expressions (LIKE, min, max) on indicator
-- columns.
--
CREATE TABLE drv (id int, spec indicator, actual text, weight numeric);
-- a prepared statement with varchar parameters, as pgJDBC prepares setString
PREPARE ins(int, varchar, varchar, numeric) AS INSERT INTO drv VALUES ($1, $2, $3, $4);
EXECUTE ins(1, '>= 10 次', '12次', 20);
EXECUTE ins(2, '≤60万元', '58万元', 10);
EXECUTE ins(3, '95%～100%', '97%', 10);
EXECUTE ins(4, '定性 有效提高', '达成', 10);
PREPARE upd(varchar, int) AS UPDATE drv SET spec = $1 WHERE id = $2;
EXECUTE upd('>= 11 次', 1);
PREPARE cmp(varchar) AS SELECT id FROM drv WHERE spec = $1;
EXECUTE cmp('正向 >= 11 次');
PREPARE cmp2(varchar) AS SELECT id FROM drv WHERE $1 <> spec ORDER BY id;
EXECUTE cmp2('正向 >= 11 次');
PREPARE sc(varchar, varchar, numeric) AS SELECT score($1, $2, $3), attainment($1, $2), $1 @> $2;
EXECUTE sc('>= 10 次', '8次', 20);
-- a bad string is a bad literal, with the indicator's own message
EXECUTE cmp('>= abc');
-- an index on the column is used for a varchar parameter
CREATE INDEX drv_spec ON drv (spec);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) EXECUTE cmp('正向 >= 11 次');
RESET enable_seqscan;

-- text casts on assignment: INSERT ... SELECT from a staging table, and
-- ALTER COLUMN ... TYPE indicator without USING
CREATE TABLE drv_stage (spec text);
INSERT INTO drv_stage VALUES ('>= 5 份'), ('反向 <= 3 天');
INSERT INTO drv (id, spec) SELECT 10 + row_number() OVER (), spec FROM drv_stage;
SELECT id, spec FROM drv WHERE id > 10 ORDER BY id;
ALTER TABLE drv_stage ALTER COLUMN spec TYPE indicator;
SELECT pg_typeof(spec), spec FROM drv_stage ORDER BY spec;
-- but a text expression is not silently parsed in a comparison
SELECT count(*) FROM drv WHERE spec = ('>= 5' || ' 份')::text;
SELECT count(*) FROM drv WHERE spec = ('>= 5' || ' 份')::indicator;

-- floats: no overload takes them (an overload would capture integer
-- arguments too); the error says what exists
SELECT score('>= 10 次', 12::float8, 20::float8);
SELECT score('>= 10 次', 12::float8::numeric, 20);

-- BI expressions on an indicator column
SELECT id FROM drv WHERE spec LIKE '%万元' ORDER BY id;
SELECT id FROM drv WHERE spec NOT LIKE '%万元' AND spec ILIKE '正向%' ORDER BY id;
SELECT count(*) FROM drv WHERE spec !~~* '定性%';
SELECT min(spec), max(spec) FROM drv;
SELECT spec FROM drv ORDER BY spec LIMIT 1;
SELECT spec FROM drv ORDER BY spec DESC LIMIT 1;
SELECT upper(spec::text), length(spec::text) FROM drv WHERE id = 2;
-- min/max in parallel give the serial answer
CREATE TABLE drv_many AS SELECT (CASE g % 3 WHEN 0 THEN '>= ' || g || ' 次' WHEN 1 THEN '<= ' || g || ' 天' ELSE g || '%～' || g + 1 || '%' END)::indicator AS spec
FROM generate_series(1, 30000) g;
ANALYZE drv_many;
SELECT min(spec), max(spec), count(*) FROM drv_many;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT min(spec), max(spec), count(*) FROM drv_many;
SELECT min(spec), max(spec), count(*) FROM drv_many;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- the unreadable knob: a cell that is no value at all
SELECT score('>= 10 次', '1,5次', 20);
SELECT score('>= 10 次', '1,5次', 20, 'central unreadable=person') AS points,
       (score_detail('>= 10 次', '1,5次', 20, 'central unreadable=person')).needs_person;
SELECT (s).score, (s).needs_person, (s).indicators
FROM (SELECT scorecard(spec, a, 10, 'central unreadable=person') AS s
      FROM (VALUES ('>= 10 次'::indicator, '12次'), ('>= 10 次', '10/12'), ('>= 10 次', NULL)) v(spec, a)) x;
SELECT score('>= 10 次', '1,5次', 20, 'central unreadable=maybe');

-- aggregate arguments have names
SELECT p.oid::regprocedure, pg_get_function_arguments(p.oid)
FROM pg_proc p WHERE p.proname IN ('scorecard', 'scorecard_partial', 'scorecard_merge') ORDER BY p.oid::regprocedure::text;

DROP TABLE drv, drv_stage, drv_many;
