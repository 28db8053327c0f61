/*
 * indicator--1.2--1.3.sql: version 1.3
 *   - the importer reads every format users have (tab, CSV, pipe tables,
 *     one cell per line, spaces, aligned columns, run-together text), by
 *     detection or a format argument;
 *   - goal_table_rows() returns the labels as printed, whether the
 *     comparator was inferred, and what the reader did (import_note); a row
 *     whose indicator does not read is returned with spec NULL (and
 *     reported), a row without weight with weight NULL;
 *   - goal_table_problems() checks weights against a policy's split;
 *   - indicator(nature, comparator, target, unit, level2) reads bare
 *     targets by the level 2.
 *
 * The three importer functions change their result columns, so they are
 * dropped and created again: a view over them must be dropped before the
 * update and created again after it (the update stops with a dependency
 * error otherwise, changing nothing).
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION indicator UPDATE TO '1.3'" to load this file. \quit

DROP FUNCTION goal_table_projects(text);
DROP FUNCTION goal_table_rows(text);
DROP FUNCTION goal_table_problems(text);

CREATE FUNCTION goal_table_projects(raw text, format text DEFAULT 'auto',
	OUT project_code text, OUT name text, OUT year integer, OUT department text,
	OUT implementer text, OUT total_funds numeric, OUT fiscal_funds numeric,
	OUT non_fiscal_funds numeric, OUT budget_execution_weight numeric, OUT annual_goal text,
	OUT source_line integer)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'goal_table_projects' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION goal_table_projects(text, text) IS
'one row per project of goal tables in any format (auto, tsv, csv, pipe, lines, spaces, aligned, runon): 项目编码, 名称, year, 主管部门, 实施单位, 资金 (万元), 预算执行率权重, 年度目标';

CREATE FUNCTION goal_table_rows(raw text, format text DEFAULT 'auto',
	OUT project_code text, OUT level1 text, OUT level2 text, OUT name text,
	OUT spec indicator, OUT weight numeric, OUT note text, OUT source_line integer,
	OUT level1_label text, OUT level2_label text, OUT comparator_inferred boolean,
	OUT import_note text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'goal_table_rows' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION goal_table_rows(text, text) IS
'one row per indicator of goal tables in any format: canonical and printed levels, name, spec (NULL when it does not read), weight, note, whether the comparator was inferred, and what the reader did';

CREATE FUNCTION goal_table_problems(raw text, format text DEFAULT 'auto', policy text DEFAULT 'central',
	OUT line integer, OUT content text, OUT reason text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'goal_table_problems' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION goal_table_problems(text, text, text) IS
'every cell of goal tables that is neither a project header nor an indicator row, every row whose level, target or weight does not read, and weights off the policy''s split, with line and reason';

CREATE FUNCTION indicator(nature text, comparator text, target text, unit text, level2 text)
	RETURNS indicator
	AS 'MODULE_PATHNAME', 'indicator_from_columns_level'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION indicator(text, text, text, text, text) IS
'indicator from a goal table row''s columns and its level 2: a bare target (63人, 100%) takes <= under a cost level 2, >= otherwise; a date or period is a qualitative deadline';

-- the same over an xlsx workbook's bytes (every sheet; merged cells count for every cell they cover)
CREATE FUNCTION goal_table_projects(workbook bytea,
	OUT project_code text, OUT name text, OUT year integer, OUT department text,
	OUT implementer text, OUT total_funds numeric, OUT fiscal_funds numeric,
	OUT non_fiscal_funds numeric, OUT budget_execution_weight numeric, OUT annual_goal text,
	OUT source_line integer)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'goal_table_projects_xlsx' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION goal_table_projects(bytea) IS
'one row per project of the goal tables in an xlsx workbook (every sheet); source_line is the row in its sheet';

CREATE FUNCTION goal_table_rows(workbook bytea,
	OUT project_code text, OUT level1 text, OUT level2 text, OUT name text,
	OUT spec indicator, OUT weight numeric, OUT note text, OUT source_line integer,
	OUT level1_label text, OUT level2_label text, OUT comparator_inferred boolean,
	OUT import_note text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'goal_table_rows_xlsx' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION goal_table_rows(bytea) IS
'one row per indicator of the goal tables in an xlsx workbook: merged cells, shared strings, percentages and dates as Excel shows them';

CREATE FUNCTION goal_table_problems(workbook bytea, policy text DEFAULT 'central',
	OUT line integer, OUT content text, OUT reason text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'goal_table_problems_xlsx' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION goal_table_problems(bytea, text) IS
'what the importer could not place in an xlsx workbook, row by row (line = the row in its sheet), and weights off the policy''s split';
