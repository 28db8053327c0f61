-- SQL-level fuzz: thousands of random and mutated strings through the
-- literal reader, the actual-value reader and the importer, and random
-- bytes through COPY BINARY.  Every input is accepted or rejected with an
-- SQLSTATE of class 22 (data exception), or 54000 for texts beyond the
-- documented limits; never XX000, never a crash.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off

BEGIN;
SELECT plan(10);
SELECT setseed(0.20221231);

-- the SQLSTATE a statement ends with ('00000' when it succeeds)
CREATE FUNCTION pg_temp.state_of(stmt text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE stmt;
	RETURN '00000';
EXCEPTION WHEN others THEN
	RETURN SQLSTATE;
END $$;

-- tokens of real tables, and of trouble
CREATE TEMP TABLE tok (t text);
INSERT INTO tok VALUES ('正向'), ('反向'), ('定性'), ('定量'), ('>='), ('≥'), ('＞＝'), ('<'), ('≤'),
	('='), ('＝'), ('大于等于'), ('小于'), ('区间'), ('10'), ('95'), ('0'), ('-5'), ('5,000'),
	('1,5'), ('.'), ('．'), ('３'), ('359.8'), ('99999999999999999999'), ('0.0000000000000000001'),
	('%'), ('％'), ('万元'), ('次'), ('/'), ('／'), ('天'), ('工作日'), ('～'), ('~'), ('-'), ('至'),
	('['), (']'), (','), ('，'), (' '), (E'\t'), ('　'), (E'\n'), ('有效提高'), ('2022年12月前'),
	('达成'), ('部分达成'), ('未达成'), ('9.5'), ('分'), ('2022-11-30'), ('2022年'), ('月'),
	('e5'), ('∞'), ('NaN'), ('😀'), (repeat('x', 70)), (repeat('好', 700)), (''), ('\'), ('"');

CREATE TEMP TABLE lit AS
SELECT g, (SELECT string_agg(t, '' ORDER BY random()) FROM (SELECT t FROM tok ORDER BY random() LIMIT 1 + (g % 6)) x) AS s
FROM generate_series(1, 3000) g;
-- mutations of valid literals: a character inserted, deleted or replaced
INSERT INTO lit
SELECT 10000 + g, overlay(v placing substr('≥<=%次０.,～[]定性-' , 1 + (g % 16), 1)
                         from 1 + (g * 7) % greatest(length(v), 1) for g % 3)
FROM generate_series(1, 3000) g,
     LATERAL (SELECT (ARRAY['正向 大于等于 10 次', '≤60万元', '95%～100%', '[95,100] %', '定性 有效提高',
                             '反向 <= 359.8 万元', '>= 5,000 份', '= 0 %'])[1 + g % 8] AS v) x;

CREATE TEMP TABLE lit_out AS
SELECT g, s, pg_temp.state_of(format('SELECT %L::indicator', s)) AS state FROM lit;
SELECT is((SELECT count(*) FROM lit_out WHERE state !~ '^(00000|22|54000)'), 0::bigint,
	'6000 random and mutated literals: accepted or rejected with class 22 (or 54000 beyond the limits)');
SELECT cmp_ok((SELECT count(*) FROM lit_out WHERE state = '00000'), '>', 100::bigint,
	'the fuzz reaches the accepting paths too');
SELECT is((SELECT count(*) FROM lit_out WHERE state = '00000'
           AND s::indicator::text::indicator <> s::indicator), 0::bigint,
	'every accepted fuzzed literal round-trips');
SELECT is((SELECT count(*) FROM lit_out WHERE (state = '00000') <> indicator_is_valid(s)), 0::bigint,
	'indicator_is_valid agrees with the cast on every fuzzed literal');
SELECT is((SELECT count(*) FROM lit l, LATERAL (SELECT pg_temp.state_of(format(
	'SELECT indicator(%L, %L, %L, %L)', split_part(s, ' ', 1), split_part(s, ' ', 2),
	split_part(s, ' ', 3), split_part(s, ' ', 4))) AS state) x WHERE x.state !~ '^(00000|22|54000)'), 0::bigint,
	'the four-column constructor on fuzzed cells: class 22 or success');

-- actual values
SELECT is((SELECT count(*)
           FROM lit l, (VALUES ('>= 10 次'), ('<= 60 万元'), ('定性 2022年12月前'), ('定性 有效提高'), ('95%～100%')) v(spec),
                LATERAL (SELECT pg_temp.state_of(format('SELECT score(%L::indicator, %L, 10)', v.spec, l.s)) AS state) x
           WHERE l.g % 3 = 0 AND x.state !~ '^(00000|22|54000)'), 0::bigint,
	'10000 fuzzed actual values through score(..., text, ...): class 22 or success');

-- the importer: random lines of tokens and tabs, and random byte soup
SELECT is((SELECT count(*) FROM generate_series(1, 300) k,
           LATERAL (SELECT pg_temp.state_of(format('SELECT count(*) FROM goal_table_rows(%L)',
                    (SELECT string_agg(s, CASE WHEN random() < 0.3 THEN E'\n' ELSE E'\t' END)
                     FROM (SELECT s FROM lit ORDER BY random() LIMIT 40) r))) AS state) x
           WHERE x.state !~ '^(00000|22|54000)'), 0::bigint,
	'300 fuzzed goal tables through the importer: class 22 or success');
SELECT is((SELECT count(*) FROM generate_series(1, 300) k,
           LATERAL (SELECT pg_temp.state_of(format('SELECT count(*) FROM goal_table_problems(%L)',
                    (SELECT string_agg(chr(1 + (random() * 40000)::int % 55295), '') FROM generate_series(1, 500)))) AS state) x
           WHERE x.state !~ '^(00000|22|54000)'), 0::bigint,
	'300 random character soups through the importer: class 22 or success');

-- random bytes through COPY BINARY, for both types
\getenv tmp TMPDIR
CREATE TEMP TABLE bin_i (v indicator);
CREATE TEMP TABLE bin_s (v scorecard_state);
CREATE FUNCTION pg_temp.copy_state(tbl text, payload bytea, path text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	lo oid;
BEGIN
	lo := lo_from_bytea(0, '\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
						|| '\x0001'::bytea || int4send(length(payload)) || payload || '\xffff'::bytea);
	PERFORM lo_export(lo, path);
	PERFORM lo_unlink(lo);
	BEGIN
		EXECUTE format('COPY %I FROM %L (FORMAT binary)', tbl, path);
		RETURN '00000';
	EXCEPTION WHEN others THEN
		RETURN SQLSTATE;
	END;
END $$;
CREATE TEMP TABLE bin_out AS
SELECT k, pg_temp.copy_state(CASE WHEN k % 2 = 0 THEN 'bin_i' ELSE 'bin_s' END,
	CASE WHEN k % 4 < 2
	     THEN (SELECT string_agg(set_byte('\x00'::bytea, 0, (random() * 255)::int), ''::bytea) FROM generate_series(1, 1 + k % 90))
	     ELSE overlay(CASE WHEN k % 2 = 0 THEN indicator_send('反向 <= 359.8 万元') ELSE scorecard_state_send(
	             'v1 indicators=1 met=1 unmet=0 unscored=0 flagged=0 over_completed=0 reason_required=0 manual_review=0 weight=1 score=1 scored_weight=1') END
	          placing set_byte('\x00'::bytea, 0, (random() * 255)::int) from 1 + (k * 7) % 20 for 1) END,
	'/tmp/indicator_fuzz_' || pg_backend_pid() || '.bin') AS state
FROM generate_series(1, 2000) k;
SELECT is((SELECT count(*) FROM bin_out WHERE state !~ '^(00000|22|54000)'), 0::bigint,
	'2000 random and mutated binary values through COPY BINARY: class 22 or success');
SELECT is((SELECT count(*) FROM bin_i WHERE v::text::indicator <> v), 0::bigint,
	'every indicator that binary input accepted round-trips in text');
-- only this backend's file: another test run on the machine may be using its own
DO $$ BEGIN
	EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', 'rm -f /tmp/indicator_fuzz_' || pg_backend_pid() || '.bin');
END $$;

SELECT * FROM finish();
ROLLBACK;
