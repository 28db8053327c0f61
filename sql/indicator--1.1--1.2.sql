/*
 * indicator--1.1--1.2.sql: version 1.2
 *   - a NULL policy is the central policy in every function, as it already
 *     was in the aggregates, budget_execution_score() and weight_check();
 *   - the partial-state aggregate is scorecard_partial(); scorecard_state()
 *     stays as a deprecated alias of it;
 *   - to_unit() calls the C function of the same name.
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION indicator UPDATE TO '1.2'" to load this file. \quit

ALTER FUNCTION score(indicator, numeric, numeric, text) CALLED ON NULL INPUT;
ALTER FUNCTION score(indicator, text, numeric, text) CALLED ON NULL INPUT;
ALTER FUNCTION score_detail(indicator, numeric, numeric, text) CALLED ON NULL INPUT;
ALTER FUNCTION score_detail(indicator, text, numeric, text) CALLED ON NULL INPUT;
ALTER FUNCTION attainment(indicator, numeric, text) CALLED ON NULL INPUT;
ALTER FUNCTION attainment(indicator, text, text) CALLED ON NULL INPUT;
ALTER FUNCTION grade(numeric, text) CALLED ON NULL INPUT;

CREATE OR REPLACE FUNCTION to_unit(indicator, unit text) RETURNS indicator
	AS 'MODULE_PATHNAME', 'indicator_to_unit' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE AGGREGATE scorecard_partial(indicator, numeric, numeric) (
	SFUNC = scorecard_step, STYPE = scorecard_state,
	COMBINEFUNC = scorecard_combine, PARALLEL = SAFE
);
CREATE AGGREGATE scorecard_partial(indicator, numeric, numeric, text) (
	SFUNC = scorecard_step, STYPE = scorecard_state,
	COMBINEFUNC = scorecard_combine, PARALLEL = SAFE
);
CREATE AGGREGATE scorecard_partial(indicator, text, numeric) (
	SFUNC = scorecard_step, STYPE = scorecard_state,
	COMBINEFUNC = scorecard_combine, PARALLEL = SAFE
);
CREATE AGGREGATE scorecard_partial(indicator, text, numeric, text) (
	SFUNC = scorecard_step, STYPE = scorecard_state,
	COMBINEFUNC = scorecard_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE scorecard_partial(indicator, numeric, numeric) IS
'the partial scorecard state of the rows; finish it with scorecard_finish(scorecard_merge(state))';
COMMENT ON AGGREGATE scorecard_partial(indicator, numeric, numeric, text) IS
'the partial scorecard state of the rows, with a policy; finish it with scorecard_finish(scorecard_merge(state))';
COMMENT ON AGGREGATE scorecard_partial(indicator, text, numeric) IS
'the partial scorecard state of the rows with actuals written as text';
COMMENT ON AGGREGATE scorecard_partial(indicator, text, numeric, text) IS
'the partial scorecard state of the rows with actuals written as text, with a policy';

COMMENT ON AGGREGATE scorecard_state(indicator, numeric, numeric) IS
'deprecated alias of scorecard_partial(indicator, numeric, numeric), kept for queries written for 1.0 and 1.1';
COMMENT ON AGGREGATE scorecard_state(indicator, numeric, numeric, text) IS
'deprecated alias of scorecard_partial(indicator, numeric, numeric, text)';
COMMENT ON AGGREGATE scorecard_state(indicator, text, numeric) IS
'deprecated alias of scorecard_partial(indicator, text, numeric)';
COMMENT ON AGGREGATE scorecard_state(indicator, text, numeric, text) IS
'deprecated alias of scorecard_partial(indicator, text, numeric, text)';
