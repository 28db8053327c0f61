/* indicator--1.0--1.1.sql: version 1.1 adds scorecard_percent() */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION indicator UPDATE TO '1.1'" to load this file. \quit

CREATE FUNCTION scorecard_percent(sc scorecard) RETURNS numeric
	AS 'MODULE_PATHNAME', 'scorecard_percent' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION scorecard_percent(scorecard) IS
'百分制: points as a percentage of the weights actually scored (score * 100 / scored_weight), so indicators not applicable or not yet scored do not count against the total';
