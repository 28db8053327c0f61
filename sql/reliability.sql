--
-- Reliability: every function that takes a scorecard_state checks it,
-- weights are exact or refused, and messages quote at most 200 bytes.
--

-- A direct call of the inverse transition cannot take out a row the state
-- does not hold (it returned "indicators=-1", a value its own input
-- function rejects, and a table of such states restored empty).
SELECT scorecard_unstep(NULL::scorecard_state, '>= 1'::indicator, 1::numeric, 1::numeric);
SELECT scorecard_unstep(NULL::scorecard_state, '>= 1'::indicator, NULL::numeric, 1::numeric);
SELECT scorecard_unstep(NULL::scorecard_state, '>= 1'::indicator, '1'::text, 1::numeric);
SELECT scorecard_unstep(scorecard_step(NULL, '>= 1'::indicator, 1::numeric, 1::numeric),
                        '>= 1'::indicator, 0::numeric, 1::numeric);
-- ... but undoes exactly what a step did
SELECT scorecard_unstep(scorecard_step(NULL, '>= 1'::indicator, 1::numeric, 2::numeric),
                        '>= 1'::indicator, 1::numeric, 2::numeric);

-- States that contradict themselves, made by overwriting the bytes of a good
-- one (the only way left to make one; a table written by an older version
-- could hold them): every function that takes a state refuses them.
-- send(): NULL once the binary form is made
CREATE FUNCTION sent(s scorecard_state) RETURNS text LANGUAGE sql AS $$
	SELECT NULL::text WHERE scorecard_state_send(s) IS NOT NULL
$$;
-- raw_state is bytea's I/O on a type laid out like scorecard_state, so that
-- a cast between the two keeps the bytes.
-- (the shell-type notices differ between majors: 18 adds the statement's position)
SET client_min_messages = warning;
CREATE TYPE raw_state;
CREATE FUNCTION raw_state_in(cstring) RETURNS raw_state LANGUAGE internal IMMUTABLE STRICT AS 'byteain';
CREATE FUNCTION raw_state_out(raw_state) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'byteaout';
CREATE TYPE raw_state (INPUT = raw_state_in, OUTPUT = raw_state_out,
	INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = plain);
RESET client_min_messages;
CREATE CAST (scorecard_state AS raw_state) WITHOUT FUNCTION;
CREATE CAST (raw_state AS scorecard_state) WITHOUT FUNCTION;
CREATE FUNCTION patched(s scorecard_state, bytes bytea, pos int) RETURNS scorecard_state
LANGUAGE sql IMMUTABLE STRICT AS $$
	SELECT overlay(s::raw_state::text::bytea PLACING bytes FROM pos)::text::raw_state::scorecard_state
$$;
-- the payload: version (4 bytes), then the counters, indicators first; all
-- ones is -1 in either byte order
CREATE TABLE crafted AS
SELECT s AS good,
       patched(s, '\xffffffffffffffff', 5) AS negative,
       patched(s, '\xffffffff', 1) AS version
FROM (SELECT scorecard_step(NULL, '>= 1'::indicator, 1::numeric, 1::numeric) AS s) t;
SELECT good::text FROM crafted;
SELECT negative::text FROM crafted;
SELECT version::text FROM crafted;
SELECT scorecard_state_send(negative) FROM crafted;
SELECT scorecard_finish(negative) FROM crafted;
SELECT scorecard_combine(good, negative) FROM crafted;
SELECT scorecard_combine(negative, good) FROM crafted;
SELECT scorecard_combine(negative, NULL) FROM crafted;
SELECT scorecard_step(negative, '>= 1'::indicator, 1::numeric, 1::numeric) FROM crafted;
SELECT scorecard_step(negative, NULL::indicator, 1::numeric, 1::numeric) FROM crafted;
SELECT scorecard_unstep(negative, '>= 1'::indicator, 1::numeric, 1::numeric) FROM crafted;
SELECT scorecard_merge(s) FROM (SELECT good FROM crafted UNION ALL SELECT negative FROM crafted) t(s);
-- the good state goes through all of them and reads back
SELECT scorecard_combine(good, good)::text::scorecard_state::text = scorecard_combine(good, good)::text AS round_trip
FROM crafted;
-- Every field of the payload overwritten with values at the edges, through
-- every function that takes a state: each call either refuses the state
-- (XX001, or 22023 for a row the state does not hold) or returns a value:
-- a state that reads back from its text, or a scorecard.  Prints the
-- calls that did neither, and how many calls were made.
CREATE FUNCTION outcome(stmt text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	r text;
	t text;
BEGIN
	EXECUTE 'SELECT ' || stmt INTO r;
	IF r IS NULL OR r NOT LIKE '\\x%' THEN
		RETURN 'a value';
	END IF;
	-- a state, as its raw bytes (so that no check hides what was returned)
	BEGIN
		t := r::raw_state::scorecard_state::text;
	EXCEPTION WHEN data_corrupted THEN
		RETURN 'returned an invalid state: ' || stmt;
	END;
	IF t::scorecard_state::text = t THEN
		RETURN 'a value';
	END IF;
	RETURN 'does not read back: ' || t;
EXCEPTION WHEN data_corrupted OR invalid_parameter_value THEN
	RETURN 'refused';
WHEN others THEN
	RETURN SQLSTATE || ' ' || SQLERRM;
END $$;
WITH field(pos) AS (SELECT 1 UNION ALL SELECT generate_series(5, 117, 8)),
val(bytes) AS (VALUES ('\x0000000000000000'::bytea), ('\x0100000000000000'), ('\x0000000000000001'),
                      ('\xffffffffffffffff'), ('\x7fffffffffffffff'), ('\x0000000000000080')),
fn(call) AS (VALUES ('scorecard_state_out(%s)::text'), ('sent(%s)'),
                    ('scorecard_finish(%s)::text'),
                    ('scorecard_combine(%s, (SELECT good FROM crafted))::raw_state::text'),
                    ('scorecard_combine((SELECT good FROM crafted), %s)::raw_state::text'),
                    ('scorecard_combine(%s, NULL)::raw_state::text'),
                    ('scorecard_step(%s, ''>= 1''::indicator, 1::numeric, 1::numeric)::raw_state::text'),
                    ('scorecard_step(%s, ''>= 1''::indicator, NULL::numeric, 1::numeric)::raw_state::text'),
                    ('scorecard_step(%s, NULL::indicator, 1::numeric, 1::numeric)::raw_state::text'),
                    ('scorecard_unstep(%s, ''>= 1''::indicator, 1::numeric, 1::numeric)::raw_state::text'),
                    ('(SELECT scorecard_merge(s)::raw_state::text FROM (VALUES (%s), ((SELECT good FROM crafted))) t(s))')),
calls AS (
	SELECT format(call, format('patched((SELECT good FROM crafted), %L, %s)', bytes, pos)) AS stmt
	FROM field, val, fn)
SELECT o, count(*) FROM (SELECT outcome(stmt) AS o FROM calls) x
WHERE o NOT IN ('refused', 'a value') GROUP BY o
UNION ALL
SELECT 'calls made', count(*) FROM calls;
DROP TABLE crafted;
-- A state stored by 1.3 or before has the version-1 layout (eight counters,
-- no needs_person): made here from a current one by taking the counter out.
-- It reads, prints, sends, merges and finishes as the state it was.
CREATE FUNCTION as_v1(s scorecard_state) RETURNS scorecard_state LANGUAGE sql IMMUTABLE STRICT AS $$
	SELECT overlay(overlay(b PLACING CASE WHEN substring(b FROM 1 FOR 1) = '\x02'::bytea
	                                      THEN '\x01000000'::bytea ELSE '\x00000001'::bytea END FROM 1)
	               PLACING ''::bytea FROM 69 FOR 8)::text::raw_state::scorecard_state
	FROM (SELECT s::raw_state::text::bytea AS b) t
$$;
CREATE TABLE stored_v1 AS
SELECT s, as_v1(s) AS v1
FROM (SELECT scorecard_state(spec, actual, 10) AS s
      FROM (VALUES ('>= 10 次'::indicator, '12次'), ('>= 10 次', '8次'), ('>= 10 次', NULL)) t(spec, actual)) x;
SELECT length(v1::raw_state::text::bytea) AS v1_bytes, length(s::raw_state::text::bytea) AS v2_bytes,
       v1::text = s::text AS same_text, scorecard_state_send(v1) = scorecard_state_send(s) AS same_wire,
       scorecard_finish(v1) = scorecard_finish(s) AS same_scorecard,
       scorecard_combine(v1, v1)::text = scorecard_combine(s, s)::text AS merges
FROM stored_v1;
-- merged with a state that has a row for a person, the result is version 2
SELECT scorecard_combine(v1, scorecard_step(NULL, '>= 10 次'::indicator, '见附件'::text, 5::numeric))::text
FROM stored_v1;
DROP TABLE stored_v1;
DROP FUNCTION as_v1;
DROP FUNCTION patched;
DROP FUNCTION outcome;
DROP FUNCTION sent;
DROP CAST (raw_state AS scorecard_state);
DROP CAST (scorecard_state AS raw_state);
DROP TYPE raw_state CASCADE;

-- Weights are kept exactly or refused: rounding 18+ digits gave points
-- above the weight, and -1e-20 passed as a weight of 0.
SELECT score('定性 好', '达成', 123456789012345678.5);
SELECT score('定性 好', '达成', 12345678901234567.8);
SELECT score('>= 1', 1, -1e-20);
SELECT score('>= 1', 1, 5.000000000000000000000000);
SELECT scorecard(i, a, w) FROM (VALUES ('>= 1'::indicator, 1::numeric, -1e-20)) t(i, a, w);
SELECT scorecard(i, a, w) FROM (VALUES ('>= 1'::indicator, NULL::numeric, -1e-20)) t(i, a, w);
SELECT * FROM weight_check(array['产出指标'], array[-1e-20]);
SELECT budget_execution_score(1e-30, 100, 10);
SELECT budget_execution_score(90, 100, 10);

-- Messages quote at most 200 bytes of an input (131,072 digits were quoted)
SELECT score('>= 10', 1e131071, 10);
SELECT score('>= 10', 1, 1e131071);
SELECT scorecard(i, a, w) FROM (VALUES ('>= 1'::indicator, 1::numeric, 1e300 + 0.5)) t(i, a, w);
SELECT unit_convert(1, repeat('米', 100), '千米');
SELECT (repeat('v1 ', 100))::scorecard_state;

