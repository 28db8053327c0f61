-- 03_round_trip.sql: property checks over tens of thousands of generated
-- literals (natures x comparator spellings x numbers x units, ranges,
-- qualitative texts) and over the 203 bundled 2022 rows: text and binary
-- round trips, stable send bytes, hashing, a total order consistent with
-- the operators, DISTINCT/GROUP BY, and hash, merge and nested-loop joins.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off

BEGIN;

SELECT '/tmp/indicator_pgtap_03_' || pg_backend_pid() AS tmpbase \gset
SELECT :'tmpbase' || '_gen.bin' AS genbin, :'tmpbase' || '_gen.txt' AS gentxt,
       :'tmpbase' || '_gen.csv' AS gencsv, :'tmpbase' || '_wire.bin' AS wirebin,
       :'tmpbase' || '_bundled.bin' AS bundledbin,
       'cat >/dev/null; rm -f ' || :'tmpbase' || '_*' AS cleanup \gset

-- EXPLAIN output of a query, for checking that a plan really is the one forced.
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	r record;
	out text := '';
BEGIN
	FOR r IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		out := out || r."QUERY PLAN" || E'\n';
	END LOOP;
	RETURN out;
END $$;

--
-- The generated literals
--
CREATE TEMP TABLE gen (id serial PRIMARY KEY, kind text, nat text, cmp text, num text, unit text, input text);

-- quantitative: nature x comparator spelling x number x unit, with the blanks
-- between the parts chosen per row (none, space, tab, ideographic space)
INSERT INTO gen (kind, nat, cmp, num, unit, input)
SELECT 'single', nat, cmp, num, unit,
       nat || sep[1 + (h % 4)] || cmp || sep[1 + ((h / 4) % 4)] || num || sep[1 + ((h / 16) % 4)] || unit
FROM (VALUES (''), ('正向'), ('反向'), ('定性'), ('正向指标'), ('逆向'), ('positive'), ('定量')) n(nat),
     (VALUES (''), ('>='), ('≥'), ('＞＝'), ('大于等于'), ('不低于'), ('>'), ('大于'), ('='), ('＝'),
             ('等于'), ('<'), ('小于'), ('低于'), ('<='), ('≤'), ('不超过')) c(cmp),
     (VALUES ('0'), ('10'), ('-5'), ('0.5'), ('359.8'), ('123456789012345678'), ('-999999999999999999'),
             ('0.000000000000000001'), ('-0.000000000000000001'), ('5,000'), ('1,234,567.5'), ('１２３'),
             ('3.14159265358979'), ('100.00'), ('999999999.999999999')) v(num),
     (VALUES (''), ('次'), ('%'), ('％'), ('百分比'), ('万元'), ('元'), ('条/天'), ('条/日'), ('次/月'),
             ('人/工作日'), ('widgets'), ('个工作日'), ('km'), ('平方米'), ('‰'), ('小时'), ('Km/h')) u(unit),
     LATERAL (SELECT abs(hashtext(nat || '|' || cmp || '|' || num || '|' || unit)) AS h,
                     ARRAY[' ', '', E'\t', '　'] AS sep) x;

-- ranges: nature x spelling x bounds x unit
INSERT INTO gen (kind, nat, cmp, num, unit, input)
SELECT 'range', nat, '区间', lo || '..' || hi, unit, nat || ' ' || format(form, lo, hi, unit)
FROM (VALUES (''), ('正向'), ('反向'), ('区间'), ('定性 区间'), ('介于')) n(nat),
     (VALUES ('%1$s%3$s～%2$s%3$s'), ('[%1$s,%2$s] %3$s'), ('%1$s-%2$s %3$s'), ('%1$s至%2$s%3$s'),
             ('【%1$s，%2$s】%3$s'), ('%1$s ~ %2$s %3$s')) f(form),
     (VALUES ('95', '100'), ('-5', '5'), ('0.5', '0.75'), ('1', '1'), ('-999999999999999999', '999999999999999999'),
             ('0.000000000000000001', '0.1'), ('80', '90.5'), ('-10', '-1'), ('0', '0')) b(lo, hi),
     (VALUES (''), ('%'), ('％'), ('万元'), ('条/日'), ('widgets'), ('天')) u(unit);

-- qualitative texts, in every spelling of 定性
INSERT INTO gen (kind, nat, cmp, num, unit, input)
SELECT 'text', nat, '', txt, '', nat || sep || txt
FROM (VALUES ('定性'), ('定性指标'), ('qualitative')) n(nat),
     (VALUES (' '), (E'\t'), ('　')) s(sep),
     (VALUES ('有效提高'), ('2022年12月前'), ('7*24小时'), ('365天*24小时'), ('8小时/工作日现场支持'),
             ('每年2次'), ('长期'), ('无'), ('=良好'), ('>= 良好'), ('95～100 %'), ('[1,2] 次'), ('a  b'),
             (E'a\tb'), ('正向 >= 10 次'), (repeat('好', 682)), (''), ('Ünïcödé ✓'), ('x')) t(txt);

-- which generated literals are valid: all but a bare number (no nature, no comparator)
SELECT plan(68);

SELECT is((SELECT count(*)::int FROM gen WHERE indicator_is_valid(input) IS DISTINCT FROM
                  NOT (kind = 'single' AND nat IN ('', '定量') AND cmp = '')),
	0, 'a generated literal is valid unless it has neither nature nor comparator');

CREATE TEMP TABLE vals AS
	SELECT id, kind, nat, cmp, num, unit, input, input::indicator AS v FROM gen WHERE indicator_is_valid(input);
ALTER TABLE vals ADD PRIMARY KEY (id);
ANALYZE vals;

SELECT cmp_ok((SELECT count(*)::int FROM vals), '>=', 38000, 'at least 38000 valid literals generated');
SELECT cmp_ok((SELECT count(DISTINCT v::text)::int FROM vals), '>=', 3500, 'at least 3500 distinct values among them');

--
-- Text round trips
--
SELECT is((SELECT count(*)::int FROM vals WHERE v::text::indicator <> v), 0,
	'in(out(x)) = x for every value');
SELECT is((SELECT count(*)::int FROM vals WHERE v::text::indicator::text <> v::text), 0,
	'out(in(out(x))) = out(x) for every value');
SELECT is((SELECT count(*)::int FROM vals WHERE indicator_send(v::text::indicator) <> indicator_send(v)), 0,
	'the canonical text reads back to the same bytes');
SELECT is((SELECT count(*)::int FROM vals
           WHERE cmp <> '' AND kind = 'single' AND indicator(nat, cmp, num, unit) <> v), 0,
	'the four-column constructor agrees with the joined literal');
SELECT is((SELECT count(*)::int FROM vals
           WHERE (nature(v) || coalesce(' ' || comparator(v), '') || ' ' || target_text(v)
                  || coalesce(' ' || unit(v), ''))::indicator <> v
             AND NOT (nature(v) = '定性' AND comparator(v) IS NULL)), 0,
	'nature, comparator, target_text and unit rebuild every quantitative value');
SELECT is((SELECT count(*)::int FROM vals
           WHERE nature(v) = '定性' AND comparator(v) IS NULL
             AND ('定性 ' || target_text(v))::indicator <> v), 0,
	'定性 plus target_text rebuilds every qualitative value');

--
-- Binary: send is stable and injective; COPY binary, text and CSV round trips
--
SELECT is((SELECT count(*)::int FROM (SELECT v::text FROM vals GROUP BY 1
                                      HAVING count(DISTINCT indicator_send(v)) > 1) s), 0,
	'equal values send identical bytes');
SELECT is((SELECT count(DISTINCT indicator_send(v))::int FROM vals), (SELECT count(DISTINCT v::text)::int FROM vals),
	'different values send different bytes');
SELECT is((SELECT count(*)::int FROM vals WHERE get_byte(indicator_send(v), 0) <> 1), 0,
	'every value is sent as wire format version 1');

COPY (SELECT id, v FROM vals) TO :'genbin' (FORMAT binary);
COPY (SELECT id, v FROM vals) TO :'gentxt';
COPY (SELECT id, v FROM vals) TO :'gencsv' (FORMAT csv);
CREATE TEMP TABLE from_bin (id int, v indicator);
CREATE TEMP TABLE from_txt (id int, v indicator);
CREATE TEMP TABLE from_csv (id int, v indicator);
COPY from_bin FROM :'genbin' (FORMAT binary);
COPY from_txt FROM :'gentxt';
COPY from_csv FROM :'gencsv' (FORMAT csv);

SELECT is((SELECT count(*)::int FROM vals a JOIN from_bin b USING (id)
           WHERE a.v = b.v AND a.v::text = b.v::text AND indicator_send(a.v) = indicator_send(b.v)),
	(SELECT count(*)::int FROM vals), 'COPY BINARY out and in preserves every value');
SELECT is((SELECT count(*)::int FROM from_bin), (SELECT count(*)::int FROM vals), 'COPY BINARY loads every row');
SELECT is((SELECT count(*)::int FROM vals a JOIN from_txt b USING (id)
           WHERE a.v = b.v AND indicator_send(a.v) = indicator_send(b.v)),
	(SELECT count(*)::int FROM vals), 'COPY text out and in preserves every value');
SELECT is((SELECT count(*)::int FROM vals a JOIN from_csv b USING (id)
           WHERE a.v = b.v AND indicator_send(a.v) = indicator_send(b.v)),
	(SELECT count(*)::int FROM vals), 'COPY CSV out and in preserves every value');

-- binary input canonicalises: the same values sent with an unnormalised
-- scale (mantissa x 10, scale + 1) and a unit alias read as the originals
CREATE TEMP TABLE wire AS
	SELECT id, v,
	       substring(indicator_send(v) FROM 1 FOR 3)
	       || int8send((lo * power(10::numeric, sc))::bigint) || int2send(sc::smallint)
	       || CASE WHEN hi IS NOT NULL
	               THEN int8send((hi * power(10::numeric, sc))::bigint) || int2send(sc::smallint)
	               ELSE ''::bytea END
	       || int4send(octet_length(convert_to(u, 'UTF8'))) || convert_to(u, 'UTF8') AS payload
	FROM (SELECT id, v, lo, hi, greatest(scale(lo), coalesce(scale(hi), 0)) + 1 AS sc, u
	      FROM (SELECT id, v, coalesce(target(v), target_lower(v)) AS lo,
	                   CASE WHEN comparator(v) = '区间' THEN target_upper(v) END AS hi,
	                   CASE coalesce(unit(v), '') WHEN '%' THEN '百分比' WHEN '天' THEN '日'
	                        WHEN '条/天' THEN '条 / 日' WHEN '工作日' THEN '个工作日'
	                        ELSE coalesce(unit(v), '') END AS u
	            FROM vals WHERE comparator(v) IS NOT NULL) s0) s
	WHERE sc <= 18 AND abs(lo * power(10::numeric, sc)) < 1e18
	  AND (hi IS NULL OR abs(hi * power(10::numeric, sc)) < 1e18);
SELECT lo_from_bytea(0,
	'\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
	|| (SELECT string_agg('\x0002'::bytea || int4send(4) || int4send(id) || int4send(octet_length(payload)) || payload,
	                      ''::bytea ORDER BY id) FROM wire)
	|| '\xffff'::bytea) AS wire_lo \gset
SELECT lo_export(:wire_lo, :'wirebin') IS NOT NULL AS exported \gset
SELECT lo_unlink(:wire_lo) IS NOT NULL AS unlinked \gset
CREATE TEMP TABLE from_wire (id int, v indicator);
COPY from_wire FROM :'wirebin' (FORMAT binary);
SELECT cmp_ok((SELECT count(*)::int FROM wire), '>=', 20000, 'at least 20000 unnormalised payloads built');
SELECT is((SELECT count(*)::int FROM wire w JOIN from_wire f USING (id)
           WHERE f.v = w.v AND indicator_send(f.v) = indicator_send(w.v)),
	(SELECT count(*)::int FROM wire), 'binary input with unnormalised scales and unit aliases reads as the canonical values');

--
-- Hashing
--
SELECT is((SELECT count(*)::int FROM (SELECT v::text FROM vals GROUP BY 1
                                      HAVING count(DISTINCT indicator_hash(v)) > 1) s), 0,
	'equal values have equal indicator_hash');
SELECT is((SELECT count(*)::int FROM (SELECT v::text, s.seed FROM vals,
                                             (VALUES (0::bigint), (1), (42), (-1), (9223372036854775807)) s(seed)
                                      GROUP BY 1, 2
                                      HAVING count(DISTINCT indicator_hash_extended(v, s.seed)) > 1) s), 0,
	'equal values have equal indicator_hash_extended for seeds 0, 1, 42, -1 and 2^63-1');
SELECT is((SELECT count(*)::int FROM vals WHERE indicator_hash(v) <> indicator_hash(v::text::indicator)
                                          OR indicator_hash_extended(v, 7) <> indicator_hash_extended(v::text::indicator, 7)), 0,
	'a value and its re-read canonical text hash alike');
SELECT is((SELECT count(*)::int FROM vals
           WHERE indicator_hash(v) <> (indicator_hash_extended(v, 0) & 4294967295)::bit(32)::int), 0,
	'indicator_hash is the low 32 bits of indicator_hash_extended(v, 0)');
SELECT cmp_ok((SELECT count(DISTINCT indicator_hash(v))::numeric / count(DISTINCT v::text) FROM vals), '>', 0.999,
	'distinct values almost never share a 32-bit hash');
SELECT cmp_ok((SELECT count(*)::int FROM (SELECT DISTINCT v FROM vals) d
               WHERE indicator_hash_extended(v, 0) = indicator_hash_extended(v, 1)), '<=', 1,
	'the seed changes the extended hash');

--
-- Comparison: a sample of values, all pairs and triples
--
CREATE TEMP TABLE sample AS
	SELECT DISTINCT ON (v::text) v FROM vals ORDER BY v::text, id;
CREATE TEMP TABLE s300 AS SELECT v FROM sample ORDER BY md5(v::text) LIMIT 300;
CREATE TEMP TABLE s60 AS SELECT v FROM sample ORDER BY md5('t' || v::text) LIMIT 60;

SELECT is((SELECT count(*)::int FROM s300 a, s300 b
           WHERE sign(indicator_cmp(a.v, b.v)) <> -sign(indicator_cmp(b.v, a.v))), 0,
	'indicator_cmp is antisymmetric (90000 pairs)');
SELECT is((SELECT count(*)::int FROM s300 a, s300 b
           WHERE (a.v = b.v) <> (indicator_cmp(a.v, b.v) = 0)
              OR (a.v <> b.v) <> (indicator_cmp(a.v, b.v) <> 0)
              OR (a.v < b.v) <> (indicator_cmp(a.v, b.v) < 0)
              OR (a.v <= b.v) <> (indicator_cmp(a.v, b.v) <= 0)
              OR (a.v > b.v) <> (indicator_cmp(a.v, b.v) > 0)
              OR (a.v >= b.v) <> (indicator_cmp(a.v, b.v) >= 0)), 0,
	'the six operators agree with indicator_cmp (90000 pairs)');
SELECT is((SELECT count(*)::int FROM s300 a, s300 b WHERE (a.v = b.v) <> (a.v::text = b.v::text)), 0,
	'two values are equal exactly when their canonical texts are');
SELECT is((SELECT count(*)::int FROM s300 WHERE indicator_cmp(v, v) <> 0 OR NOT v = v OR v < v), 0,
	'indicator_cmp is reflexive');
SELECT is((SELECT count(*)::int FROM s60 a, s60 b, s60 c
           WHERE a.v <= b.v AND b.v <= c.v AND NOT a.v <= c.v), 0,
	'<= is transitive (216000 triples)');
SELECT is((SELECT count(*)::int FROM s60 a, s60 b, s60 c
           WHERE a.v < b.v AND b.v < c.v AND NOT a.v < c.v), 0,
	'< is transitive (216000 triples)');

--
-- ORDER BY is a total order, independent of input order and access path
--
CREATE TEMP TABLE shuffled AS SELECT v FROM vals ORDER BY md5(id::text || 'shuffle');
CREATE TEMP TABLE sorted_once AS SELECT row_number() OVER () AS pos, t FROM (SELECT v::text AS t FROM vals ORDER BY v) s;
CREATE TEMP TABLE sorted_twice AS SELECT row_number() OVER () AS pos, t FROM (SELECT v::text AS t FROM shuffled ORDER BY v) s;
SELECT is((SELECT count(*)::int FROM sorted_once a JOIN sorted_twice b USING (pos) WHERE a.t = b.t),
	(SELECT count(*)::int FROM vals), 'sorting a shuffled copy gives the identical sequence');
SELECT is((SELECT count(*)::int FROM (SELECT v, lag(v) OVER (ORDER BY v DESC) AS prev FROM shuffled) s
           WHERE prev IS NOT NULL AND prev < v), 0,
	'ORDER BY v DESC is non-increasing');
SELECT is((SELECT array_agg(t ORDER BY pos) FROM (SELECT row_number() OVER () AS pos, t FROM
               (SELECT v::text AS t FROM shuffled ORDER BY v DESC) s) d),
	(SELECT array_agg(t ORDER BY pos DESC) FROM sorted_once),
	'ORDER BY v DESC is the exact reverse of ORDER BY v');

-- the documented sort key: nature, comparator, unit (bytewise), target, text
SELECT is((SELECT array_agg(t ORDER BY pos) FROM sorted_once),
	(SELECT array_agg(v::text ORDER BY
	        array_position(ARRAY['正向', '反向', '定性'], nature(v)),
	        coalesce(array_position(ARRAY['>=', '>', '=', '<', '<=', '区间'], comparator(v)), 0),
	        coalesce(unit(v), '') COLLATE "C",
	        coalesce(target(v), target_lower(v)), target_upper(v),
	        CASE WHEN comparator(v) IS NULL THEN target_text(v) END COLLATE "C")
	 FROM vals),
	'ORDER BY follows the documented key: nature, comparator, unit, target, text');

-- a btree index returns the same sequence
CREATE INDEX shuffled_v ON shuffled (v);
ANALYZE shuffled;
SET LOCAL enable_seqscan = off;
SET LOCAL enable_bitmapscan = off;
SET LOCAL enable_sort = off;
SELECT matches(pg_temp.plan_of('SELECT v::text FROM shuffled ORDER BY v'), 'Index (Only )?Scan using shuffled_v',
	'ORDER BY v can be answered by the btree index');
CREATE TEMP TABLE sorted_index AS SELECT row_number() OVER () AS pos, t FROM (SELECT v::text AS t FROM shuffled ORDER BY v) s;
RESET enable_seqscan;
RESET enable_bitmapscan;
RESET enable_sort;
SELECT is((SELECT count(*)::int FROM sorted_once a JOIN sorted_index b USING (pos) WHERE a.t = b.t),
	(SELECT count(*)::int FROM vals), 'the btree index scan gives the identical sequence');
SELECT is((SELECT count(*)::int FROM vals a WHERE (SELECT count(*) FROM shuffled b WHERE b.v = a.v) = 0), 0,
	'every value is found through the btree index');

--
-- DISTINCT and GROUP BY
--
SELECT is((SELECT count(DISTINCT v)::int FROM vals), (SELECT count(DISTINCT v::text)::int FROM vals),
	'count(DISTINCT v) = count of distinct canonical texts');
SET LOCAL enable_sort = off;
SELECT matches(pg_temp.plan_of('SELECT v, count(*) FROM vals GROUP BY v'), 'HashAggregate',
	'GROUP BY can hash');
SELECT is((SELECT count(*)::int FROM (SELECT v, count(*) FROM vals GROUP BY v) g),
	(SELECT count(DISTINCT v::text)::int FROM vals), 'hashed GROUP BY finds every distinct value once');
RESET enable_sort;
SET LOCAL enable_hashagg = off;
SELECT matches(pg_temp.plan_of('SELECT v, count(*) FROM vals GROUP BY v'), 'GroupAggregate',
	'GROUP BY can sort');
SELECT is((SELECT count(*)::int FROM (SELECT v, count(*) FROM vals GROUP BY v) g),
	(SELECT count(DISTINCT v::text)::int FROM vals), 'sorted GROUP BY finds every distinct value once');
RESET enable_hashagg;
SELECT is((SELECT array_agg(n ORDER BY t) FROM (SELECT v::text AS t, count(*) AS n FROM vals GROUP BY v) g),
	(SELECT array_agg(n ORDER BY t) FROM (SELECT v::text AS t, count(*) AS n FROM vals GROUP BY v::text) g),
	'GROUP BY v counts the same groups as GROUP BY the canonical text');

--
-- Joins: hash, merge and nested loop find the same pairs
--
CREATE TEMP TABLE ja AS SELECT id, v FROM vals WHERE id % 13 = 0;
CREATE TEMP TABLE jb AS SELECT id, v FROM vals WHERE id % 11 = 0;
ANALYZE ja;
ANALYZE jb;
CREATE TEMP TABLE expected_pairs AS
	SELECT sum(a.n * b.n)::int AS n FROM (SELECT v::text AS t, count(*) AS n FROM ja GROUP BY 1) a
	JOIN (SELECT v::text AS t, count(*) AS n FROM jb GROUP BY 1) b USING (t);
SELECT cmp_ok((SELECT n FROM expected_pairs), '>=', 1000, 'the join sample has at least 1000 matching pairs');

SET LOCAL enable_mergejoin = off;
SET LOCAL enable_nestloop = off;
SELECT matches(pg_temp.plan_of('SELECT count(*) FROM ja JOIN jb ON ja.v = jb.v'), 'Hash Join', 'hash join forced');
SELECT is((SELECT count(*)::int FROM ja JOIN jb ON ja.v = jb.v), (SELECT n FROM expected_pairs),
	'hash join finds every matching pair');
RESET enable_mergejoin;
RESET enable_nestloop;

SET LOCAL enable_hashjoin = off;
SET LOCAL enable_nestloop = off;
SELECT matches(pg_temp.plan_of('SELECT count(*) FROM ja JOIN jb ON ja.v = jb.v'), 'Merge Join', 'merge join forced');
SELECT is((SELECT count(*)::int FROM ja JOIN jb ON ja.v = jb.v), (SELECT n FROM expected_pairs),
	'merge join finds every matching pair');
RESET enable_hashjoin;
RESET enable_nestloop;

SET LOCAL enable_hashjoin = off;
SET LOCAL enable_mergejoin = off;
SELECT matches(pg_temp.plan_of('SELECT count(*) FROM ja JOIN jb ON ja.v = jb.v'), 'Nested Loop', 'nested loop forced');
SELECT is((SELECT count(*)::int FROM ja JOIN jb ON ja.v = jb.v), (SELECT n FROM expected_pairs),
	'nested loop finds every matching pair');
RESET enable_hashjoin;
RESET enable_mergejoin;

--
-- Parallel query gives the serial results.  Workers cannot read temporary
-- tables, so this uses a plain table that the final ROLLBACK removes.
--
CREATE TABLE pgtap_indicator_parallel AS SELECT id, v FROM vals;
ANALYZE pgtap_indicator_parallel;
SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial_groups AS
	SELECT v::text AS t, count(*) AS n FROM pgtap_indicator_parallel GROUP BY v;
CREATE TEMP TABLE serial_sums AS
	SELECT sum(indicator_hash(v)::numeric) AS h, sum(indicator_hash_extended(v, 3)::numeric) AS hx,
	       count(*) FILTER (WHERE v::text::indicator = v) AS rt
	FROM pgtap_indicator_parallel;
SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL enable_sort = off;
SELECT matches(pg_temp.plan_of('SELECT v::text, count(*) FROM pgtap_indicator_parallel GROUP BY v'),
	'Gather(.|\n)*Partial HashAggregate', 'GROUP BY runs as a parallel partial aggregate');
SELECT is((SELECT count(*)::int FROM (SELECT v::text AS t, count(*) AS n FROM pgtap_indicator_parallel GROUP BY v) p
           FULL JOIN serial_groups s USING (t) WHERE p.n IS DISTINCT FROM s.n), 0,
	'parallel GROUP BY gives the serial groups and counts');
RESET enable_sort;
SELECT matches(pg_temp.plan_of('SELECT sum(indicator_hash(v)) FROM pgtap_indicator_parallel'),
	'Gather(.|\n)*Parallel Seq Scan', 'functions over the table run in parallel workers');
SELECT is((SELECT ARRAY[sum(indicator_hash(v)::numeric), sum(indicator_hash_extended(v, 3)::numeric),
                        count(*) FILTER (WHERE v::text::indicator = v)]
           FROM pgtap_indicator_parallel),
	(SELECT ARRAY[h, hx, rt] FROM serial_sums),
	'parallel workers compute the serial hashes and round trips');
SELECT matches(pg_temp.plan_of('SELECT v FROM pgtap_indicator_parallel ORDER BY v'),
	'Gather Merge', 'ORDER BY runs as a parallel sort');
SELECT is((SELECT count(*)::int FROM
               (SELECT row_number() OVER () AS pos, t FROM (SELECT v::text AS t FROM pgtap_indicator_parallel ORDER BY v) s) p
           JOIN sorted_once USING (pos) WHERE p.t = sorted_once.t),
	(SELECT count(*)::int FROM vals), 'parallel ORDER BY gives the serial sequence');
SET LOCAL enable_mergejoin = off;
SET LOCAL enable_nestloop = off;
SELECT matches(pg_temp.plan_of('SELECT count(*) FROM pgtap_indicator_parallel a JOIN pgtap_indicator_parallel b ON a.v = b.v'),
	'Parallel Hash', 'the self-join runs as a parallel hash join');
SELECT is((SELECT count(*)::bigint FROM pgtap_indicator_parallel a JOIN pgtap_indicator_parallel b ON a.v = b.v),
	(SELECT sum(n * n)::bigint FROM serial_groups), 'parallel hash join finds every matching pair');
RESET enable_mergejoin;
RESET enable_nestloop;
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;

--
-- The 203 bundled rows of 2022
--
\getenv datadir INDICATOR_DATA
\set rows :datadir '/goal_rows_2022.csv'
CREATE TEMP TABLE staging (
	project_code text, level1 text, level2 text, name text,
	nature text, comparator text, target text, unit text,
	weight numeric, source_line int
);
COPY staging FROM :'rows' (FORMAT csv, HEADER);
CREATE TEMP TABLE typed AS
	SELECT source_line, indicator(nature, comparator, target, unit) AS spec FROM staging;

SELECT is((SELECT count(*)::int FROM typed), 203, '203 bundled rows become indicators');
SELECT is((SELECT count(DISTINCT project_code)::int FROM staging), 9, 'the bundled rows span 9 projects');
SELECT is((SELECT count(*)::int FROM typed WHERE spec::text::indicator <> spec OR spec::text::indicator::text <> spec::text), 0,
	'every bundled indicator round-trips in text');
COPY typed TO :'bundledbin' (FORMAT binary);
CREATE TEMP TABLE typed_back (LIKE typed);
COPY typed_back FROM :'bundledbin' (FORMAT binary);
SELECT is((SELECT count(*)::int FROM typed t JOIN typed_back b USING (source_line)
           WHERE t.spec = b.spec AND t.spec::text = b.spec::text), 203,
	'every bundled indicator round-trips through COPY BINARY');
SELECT is((SELECT count(*)::int FROM staging s JOIN typed t USING (source_line) WHERE nature(t.spec) <> s.nature), 0,
	'nature() agrees with the nature cell');
SELECT is((SELECT count(*)::int FROM staging s JOIN typed t USING (source_line)
           WHERE comparator(t.spec) IS DISTINCT FROM
                 CASE s.comparator WHEN '大于等于' THEN '>=' WHEN '等于' THEN '=' WHEN '小于等于' THEN '<=' END), 0,
	'comparator() agrees with the comparator cell');
SELECT is((SELECT count(*)::int FROM staging s JOIN typed t USING (source_line)
           WHERE s.nature <> '定性' AND target(t.spec) IS DISTINCT FROM s.target::numeric), 0,
	'target() agrees with the target cell');
SELECT is((SELECT count(*)::int FROM staging s JOIN typed t USING (source_line)
           WHERE s.nature = '定性' AND (target_text(t.spec) <> s.target || coalesce(s.unit, '') OR target(t.spec) IS NOT NULL)), 0,
	'定性 rows: target_text() = target || unit and target() is NULL');
SELECT is((SELECT count(*)::int FROM staging s JOIN typed t USING (source_line)
           WHERE unit(t.spec) IS DISTINCT FROM CASE WHEN s.nature = '定性' THEN NULL ELSE nullif(s.unit, '') END), 0,
	'unit() agrees with the unit cell');
SELECT is((SELECT count(*)::int FROM staging s JOIN typed t USING (source_line)
           WHERE concat_ws(' ', s.nature, nullif(s.comparator, ''), s.target, nullif(s.unit, ''))::indicator <> t.spec), 0,
	'the four cells joined by spaces read as the constructed value');

COPY (SELECT) TO PROGRAM :'cleanup';

SELECT * FROM finish();
ROLLBACK;
