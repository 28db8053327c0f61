--
-- Upgrades: install version 1.0, fill tables, ALTER EXTENSION ... UPDATE,
-- and check that data, indexes and behaviour survive.
--
CREATE DATABASE indicator_upgrade;
\c indicator_upgrade
CREATE EXTENSION indicator VERSION '1.0';
SELECT extversion FROM pg_extension WHERE extname = 'indicator';
CREATE TABLE t (id int PRIMARY KEY, spec indicator, actual text, weight numeric);
INSERT INTO t SELECT g, (ARRAY['>= 10 次', '<= 60 万元', '95%～100%', '定性 有效提高'])[1 + g % 4]::indicator,
	(ARRAY['12次', '65万元', '97%', '部分达成'])[1 + g % 4], 1 + g % 5
FROM generate_series(1, 1000) g;
CREATE INDEX t_spec ON t (spec);
CREATE INDEX t_spec_hash ON t USING hash (spec);
CREATE TABLE states AS SELECT spec, scorecard_state(spec, actual, weight) AS s FROM t GROUP BY spec;
CREATE TABLE before AS
SELECT (SELECT string_agg(spec::text || actual || weight, ',' ORDER BY id) FROM t) AS data,
       (SELECT scorecard(spec, actual, weight)::text FROM t) AS card,
       (SELECT string_agg(s::text, ',' ORDER BY spec) FROM states) AS st;
-- the function 1.1 adds is not there yet
SELECT count(*) AS percent_functions FROM pg_proc WHERE proname = 'scorecard_percent';
-- 1.0's catalog calls to_unit() by its old C name, which the library keeps;
-- before 1.2 a NULL policy gave NULL
SELECT to_unit('≤60万元', '元') AS old_symbol, score('>= 95 %', 90, 10, NULL) AS null_policy_1_0;

-- a view over the aggregates (1.5 names their arguments with CREATE OR REPLACE)
CREATE VIEW card_view AS SELECT scorecard(spec, actual, weight) AS sc, scorecard_state(spec, actual, weight) AS st FROM t;
ALTER EXTENSION indicator UPDATE;
SELECT extversion FROM pg_extension WHERE extname = 'indicator';
SELECT (sc).score = (SELECT scorecard(spec, actual, weight) FROM t).score AS view_survives,
       pg_get_function_arguments('scorecard(indicator, text, numeric)'::regprocedure) AS named
FROM card_view;
SELECT (SELECT string_agg(spec::text || actual || weight, ',' ORDER BY id) FROM t) = data AS data_same,
       -- 1.4 added needs_person at the end of the scorecard: none here
       (SELECT scorecard(spec, actual, weight)::text FROM t) = regexp_replace(card, '\)$', ',0)') AS scores_same,
       (SELECT string_agg(s::text, ',' ORDER BY spec) FROM states) = st AS states_same
FROM before;
SET enable_seqscan = off;
SELECT count(*) AS via_index FROM t WHERE spec = '>= 10 次';
RESET enable_seqscan;
SELECT scorecard_percent(scorecard(spec, actual, weight)) FROM t;
SELECT scorecard_percent(scorecard(spec, NULL::text, weight)) IS NULL AS nothing_scored FROM t;
-- 1.2: to_unit() by its new C name, a NULL policy is central, scorecard_partial()
SELECT to_unit('≤60万元', '元') AS new_symbol, score('>= 95 %', 90, 10, NULL) AS null_policy_1_2,
       (SELECT scorecard_partial(spec, actual, weight)::text FROM t) = (SELECT scorecard_state(spec, actual, weight)::text FROM t) AS partial_same;
-- a fresh install of the default version has the same objects as 1.0 updated
-- (the array types PostgreSQL 17 and later also make members are not counted,
-- so that every version prints the same number)
SELECT count(*) AS objects FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
WHERE e.extname = 'indicator' AND d.deptype = 'e'
  AND NOT (d.classid = 'pg_type'::regclass
           AND EXISTS (SELECT 1 FROM pg_type t WHERE t.oid = d.objid AND t.typelem <> 0 AND t.typlen = -1
                                                 AND t.typname LIKE '\_%'));
\c contrib_regression
DROP DATABASE indicator_upgrade;
SELECT extversion FROM pg_extension WHERE extname = 'indicator';
-- (the array types PostgreSQL 17 and later also make members are not counted,
-- so that every version prints the same number)
SELECT count(*) AS objects FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
WHERE e.extname = 'indicator' AND d.deptype = 'e'
  AND NOT (d.classid = 'pg_type'::regclass
           AND EXISTS (SELECT 1 FROM pg_type t WHERE t.oid = d.objid AND t.typelem <> 0 AND t.typlen = -1
                                                 AND t.typname LIKE '\_%'));
