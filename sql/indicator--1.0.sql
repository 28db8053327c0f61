/* indicator--1.0.sql: the indicator type, its operators and unit functions */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION indicator" to load this file. \quit

--
-- The type
--
CREATE TYPE indicator;

CREATE FUNCTION indicator_in(cstring) RETURNS indicator
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION indicator_out(indicator) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION indicator_recv(internal) RETURNS indicator
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION indicator_send(indicator) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE indicator (
	INPUT = indicator_in,
	OUTPUT = indicator_out,
	RECEIVE = indicator_recv,
	SEND = indicator_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = main
);

COMMENT ON TYPE indicator IS
'budget performance indicator (绩效指标): nature, comparator, target and unit, e.g. ''正向 >= 10 次'', ''≤60万元'', ''95%～100%'', ''定性 有效提高''';

--
-- Construction and validation
--
CREATE FUNCTION indicator(nature text, comparator text, target text, unit text)
	RETURNS indicator
	AS 'MODULE_PATHNAME', 'indicator_from_columns'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION indicator(text, text, text, text) IS
'indicator from a goal table''s four columns (指标性质, 指标方向, 目标值, 计量单位); NULL or empty comparator and unit allowed';

CREATE FUNCTION indicator_is_valid(text) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION indicator_is_valid(text) IS
'true when the text is a valid indicator literal; never raises for bad syntax';

--
-- Accessors
--
CREATE FUNCTION nature(indicator) RETURNS text
	AS 'MODULE_PATHNAME', 'indicator_nature' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nature(indicator) IS 'the nature: 正向, 反向 or 定性';

CREATE FUNCTION comparator(indicator) RETURNS text
	AS 'MODULE_PATHNAME', 'indicator_comparator' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION comparator(indicator) IS
'the comparator: >=, >, =, <, <= or 区间 (a range); NULL for a text target';

CREATE FUNCTION target(indicator) RETURNS numeric
	AS 'MODULE_PATHNAME', 'indicator_target' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION target(indicator) IS
'the numeric target; NULL for ranges (see target_lower/target_upper) and text targets';

CREATE FUNCTION target_lower(indicator) RETURNS numeric
	AS 'MODULE_PATHNAME', 'indicator_target_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION target_lower(indicator) IS
'lower end of the accepted values (target of >=, >, =, lower bound of a range); NULL when unbounded';

CREATE FUNCTION target_upper(indicator) RETURNS numeric
	AS 'MODULE_PATHNAME', 'indicator_target_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION target_upper(indicator) IS
'upper end of the accepted values (target of <=, <, =, upper bound of a range); NULL when unbounded';

CREATE FUNCTION target_range(indicator) RETURNS numrange
	AS 'MODULE_PATHNAME', 'indicator_target_range' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION target_range(indicator) IS
'the accepted values as a numrange, e.g. [10,) for >= 10; NULL for text targets';

CREATE FUNCTION target_text(indicator) RETURNS text
	AS 'MODULE_PATHNAME', 'indicator_target_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION target_text(indicator) IS
'the target as text: 10, 95～100, or the qualitative text';

CREATE FUNCTION unit(indicator) RETURNS text
	AS 'MODULE_PATHNAME', 'indicator_unit' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION unit(indicator) IS 'the canonical unit; NULL when there is none';

--
-- Units
--
CREATE FUNCTION unit_convert(value numeric, from_unit text, to_unit text) RETURNS numeric
	AS 'MODULE_PATHNAME', 'indicator_unit_convert' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION unit_convert(numeric, text, text) IS
'convert a value between units of one dimension, e.g. 万元 to 元, 小时 to 分钟';

CREATE FUNCTION to_unit(indicator, unit text) RETURNS indicator
	AS 'MODULE_PATHNAME', 'indicator_convert' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION to_unit(indicator, text) IS
'the same indicator with its target expressed exactly in another unit of the same dimension';

CREATE FUNCTION unit_dimension(unit text) RETURNS text
	AS 'MODULE_PATHNAME', 'indicator_unit_dimension' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION unit_dimension(text) IS
'the dimension of a catalogue unit (money, time, 次/time ...); NULL for units outside the catalogue';

CREATE FUNCTION unit_canonical(unit text) RETURNS text
	AS 'MODULE_PATHNAME', 'indicator_unit_canonical' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION unit_canonical(text) IS
'the canonical spelling of a unit (％ and 百分比 become %); unknown units are returned verbatim';

CREATE FUNCTION indicator_units(OUT unit text, OUT dimension text, OUT factor numeric, OUT aliases text[])
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'indicator_units' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	ROWS 110;
COMMENT ON FUNCTION indicator_units() IS
'the built-in unit catalogue: each unit, its dimension, its factor to the dimension''s base unit, and its aliases';

--
-- Comparison, btree and hash support
--
CREATE FUNCTION indicator_cmp(indicator, indicator) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION indicator_eq(indicator, indicator) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION indicator_ne(indicator, indicator) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION indicator_lt(indicator, indicator) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION indicator_le(indicator, indicator) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION indicator_gt(indicator, indicator) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION indicator_ge(indicator, indicator) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION indicator_hash(indicator) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION indicator_hash_extended(indicator, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION indicator_cmp(indicator, indicator) IS 'btree comparison: nature, comparator, unit, target, text';
COMMENT ON FUNCTION indicator_hash(indicator) IS 'hash, identical on every platform';
COMMENT ON FUNCTION indicator_hash_extended(indicator, bigint) IS 'seeded 64-bit hash, identical on every platform';

CREATE OPERATOR = (
	LEFTARG = indicator, RIGHTARG = indicator, PROCEDURE = indicator_eq,
	COMMUTATOR = =, NEGATOR = <>,
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR <> (
	LEFTARG = indicator, RIGHTARG = indicator, PROCEDURE = indicator_ne,
	COMMUTATOR = <>, NEGATOR = =,
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR < (
	LEFTARG = indicator, RIGHTARG = indicator, PROCEDURE = indicator_lt,
	COMMUTATOR = >, NEGATOR = >=,
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR <= (
	LEFTARG = indicator, RIGHTARG = indicator, PROCEDURE = indicator_le,
	COMMUTATOR = >=, NEGATOR = >,
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR > (
	LEFTARG = indicator, RIGHTARG = indicator, PROCEDURE = indicator_gt,
	COMMUTATOR = <, NEGATOR = <=,
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR >= (
	LEFTARG = indicator, RIGHTARG = indicator, PROCEDURE = indicator_ge,
	COMMUTATOR = <=, NEGATOR = <,
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

CREATE OPERATOR CLASS indicator_ops
	DEFAULT FOR TYPE indicator USING btree AS
		OPERATOR 1 <,
		OPERATOR 2 <=,
		OPERATOR 3 =,
		OPERATOR 4 >=,
		OPERATOR 5 >,
		FUNCTION 1 indicator_cmp(indicator, indicator);

CREATE OPERATOR CLASS indicator_ops
	DEFAULT FOR TYPE indicator USING hash AS
		OPERATOR 1 =,
		FUNCTION 1 indicator_hash(indicator),
		FUNCTION 2 indicator_hash_extended(indicator, bigint);

--
-- Scoring (绩效自评) by the Ministry of Finance rules, with regional policies.
-- A policy is text: a preset ('central', 'hubei', 'jiangxi', 'zhejiang',
-- 'tianjin', 'hebei') optionally followed by knob=value overrides.
--
CREATE TYPE indicator_score AS (
	points numeric,				-- 得分, rounded half up to 2 decimals
	attainment numeric,			-- fraction achieved, 0..1, 4 decimals
	met boolean,				-- the target is met
	deviation numeric,			-- 偏离度: (a-t)/t, or (t-a)/t for <=; NULL where undefined
	over_completed boolean,		-- 偏离度 reached the policy's threshold
	reason_required boolean,	-- points below the weight: 偏差原因 must be written
	manual_review boolean		-- the policy asks for a person to review (天津/河北)
);
COMMENT ON TYPE indicator_score IS 'one scored indicator: points, attainment and the flags of a 自评表 row';

CREATE FUNCTION score(i indicator, actual numeric, weight numeric, policy text DEFAULT 'central')
	RETURNS numeric
	AS 'MODULE_PATHNAME', 'indicator_score_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION score(indicator, numeric, numeric, text) IS
'points of one indicator: exact, rounded half up to 2 decimals, between 0 and weight';

CREATE FUNCTION score(i indicator, actual text, weight numeric, policy text DEFAULT 'central')
	RETURNS numeric
	AS 'MODULE_PATHNAME', 'indicator_score_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION score(indicator, text, numeric, text) IS
'points of one indicator for an actual written as a form writes it: 96%, 5,200次, 达成, 部分达成 7, 2022年11月';

CREATE FUNCTION score_detail(i indicator, actual numeric, weight numeric, policy text DEFAULT 'central')
	RETURNS indicator_score
	AS 'MODULE_PATHNAME', 'indicator_score_detail_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION score_detail(indicator, numeric, numeric, text) IS
'points, attainment, met, 偏离度 and the over-completion, reason-required and manual-review flags';

CREATE FUNCTION score_detail(i indicator, actual text, weight numeric, policy text DEFAULT 'central')
	RETURNS indicator_score
	AS 'MODULE_PATHNAME', 'indicator_score_detail_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION score_detail(indicator, text, numeric, text) IS
'points, attainment, met, 偏离度 and the flags, for an actual written as text';

CREATE FUNCTION attainment(i indicator, actual numeric, policy text DEFAULT 'central')
	RETURNS numeric
	AS 'MODULE_PATHNAME', 'indicator_attainment_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION attainment(indicator, numeric, text) IS
'fraction of the target achieved, 0 to 1, rounded half up to 4 decimals';

CREATE FUNCTION attainment(i indicator, actual text, policy text DEFAULT 'central')
	RETURNS numeric
	AS 'MODULE_PATHNAME', 'indicator_attainment_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION attainment(indicator, text, text) IS
'fraction of the target achieved, for an actual written as text';

CREATE FUNCTION indicator_met(indicator, numeric) RETURNS boolean
	AS 'MODULE_PATHNAME', 'indicator_met_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION indicator_met(indicator, text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'indicator_met_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION indicator_met(indicator, numeric) IS 'the target is met by the actual (central policy)';
COMMENT ON FUNCTION indicator_met(indicator, text) IS 'the target is met by the actual written as text (central policy)';

CREATE OPERATOR @> (
	LEFTARG = indicator, RIGHTARG = numeric, PROCEDURE = indicator_met,
	RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel
);
CREATE OPERATOR @> (
	LEFTARG = indicator, RIGHTARG = text, PROCEDURE = indicator_met,
	RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel
);

CREATE FUNCTION budget_execution_score(spent numeric, budget numeric, weight numeric DEFAULT NULL,
									   policy text DEFAULT 'central')
	RETURNS numeric
	AS 'MODULE_PATHNAME', 'indicator_budget_execution_score'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION budget_execution_score(numeric, numeric, numeric, text) IS
'points of 预算执行率 (spent / budget); a NULL weight means the policy''s (10, 湖北 20)';

CREATE FUNCTION budget_execution_rate(spent numeric, budget numeric, policy text DEFAULT 'central')
	RETURNS numeric
	AS 'MODULE_PATHNAME', 'indicator_budget_execution_rate'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION budget_execution_rate(numeric, numeric, text) IS
'预算执行率 as a fraction, 4 decimals, before any cap';

CREATE FUNCTION grade(total numeric, policy text DEFAULT 'central') RETURNS text
	AS 'MODULE_PATHNAME', 'indicator_grade' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION grade(numeric, text) IS '优, 良, 中 or 差 by the policy''s grade bands (90/80/60)';

CREATE FUNCTION scoring_policy_knobs(policy text DEFAULT 'central',
	OUT knob text, OUT value text, OUT changed boolean, OUT description text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'indicator_scoring_policy_knobs' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	ROWS 24;
COMMENT ON FUNCTION scoring_policy_knobs(text) IS
'every knob of a policy, its value, whether it differs from central, and what it means';

CREATE FUNCTION scoring_policies(OUT preset text, OUT description text, OUT knobs text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'indicator_scoring_policies' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	ROWS 6;
COMMENT ON FUNCTION scoring_policies() IS 'the presets and the knobs each one changes';

--
-- Roll-up: the scorecard aggregate.  Its state is a real type with lossless
-- text and binary I/O, so partial states move between parallel workers and
-- between nodes (Citus, postgres_fdw) as ordinary values.
--
CREATE TYPE scorecard_state;

CREATE FUNCTION scorecard_state_in(cstring) RETURNS scorecard_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION scorecard_state_out(scorecard_state) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION scorecard_state_recv(internal) RETURNS scorecard_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION scorecard_state_send(scorecard_state) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE scorecard_state (
	INPUT = scorecard_state_in,
	OUTPUT = scorecard_state_out,
	RECEIVE = scorecard_state_recv,
	SEND = scorecard_state_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE scorecard_state IS
'partial scorecard: exact sums (six decimals) and counters; text form "v1 indicators=… met=… … weight=… score=… scored_weight=…"';

CREATE TYPE scorecard AS (
	weight numeric,				-- sum of weights (分值)
	score numeric,				-- sum of points (得分)
	indicators bigint,			-- rows with an indicator and a weight
	met bigint,
	unmet bigint,
	unscored bigint,			-- actual NULL
	flagged bigint,				-- over-completed, reason required or manual review
	over_completed bigint,
	reason_required bigint,
	manual_review bigint,
	scored_weight numeric		-- sum of the weights of scored rows
);
COMMENT ON TYPE scorecard IS 'the roll-up of scored indicators';

CREATE FUNCTION scorecard_step(scorecard_state, indicator, numeric, numeric)
	RETURNS scorecard_state AS 'MODULE_PATHNAME', 'scorecard_step_numeric'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION scorecard_step(scorecard_state, indicator, numeric, numeric, text)
	RETURNS scorecard_state AS 'MODULE_PATHNAME', 'scorecard_step_numeric'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION scorecard_step(scorecard_state, indicator, text, numeric)
	RETURNS scorecard_state AS 'MODULE_PATHNAME', 'scorecard_step_text'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION scorecard_step(scorecard_state, indicator, text, numeric, text)
	RETURNS scorecard_state AS 'MODULE_PATHNAME', 'scorecard_step_text'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION scorecard_unstep(scorecard_state, indicator, numeric, numeric)
	RETURNS scorecard_state AS 'MODULE_PATHNAME', 'scorecard_unstep_numeric'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION scorecard_unstep(scorecard_state, indicator, numeric, numeric, text)
	RETURNS scorecard_state AS 'MODULE_PATHNAME', 'scorecard_unstep_numeric'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION scorecard_unstep(scorecard_state, indicator, text, numeric)
	RETURNS scorecard_state AS 'MODULE_PATHNAME', 'scorecard_unstep_text'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION scorecard_unstep(scorecard_state, indicator, text, numeric, text)
	RETURNS scorecard_state AS 'MODULE_PATHNAME', 'scorecard_unstep_text'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION scorecard_combine(scorecard_state, scorecard_state)
	RETURNS scorecard_state AS 'MODULE_PATHNAME'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION scorecard_finish(scorecard_state) RETURNS scorecard
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION scorecard_combine(scorecard_state, scorecard_state) IS 'merge two partial scorecards';
COMMENT ON FUNCTION scorecard_finish(scorecard_state) IS 'the scorecard of a (merged) partial state';

CREATE AGGREGATE scorecard(indicator, numeric, numeric) (
	SFUNC = scorecard_step, STYPE = scorecard_state, FINALFUNC = scorecard_finish,
	COMBINEFUNC = scorecard_combine, PARALLEL = SAFE,
	MSFUNC = scorecard_step, MINVFUNC = scorecard_unstep, MSTYPE = scorecard_state,
	MFINALFUNC = scorecard_finish
);
CREATE AGGREGATE scorecard(indicator, numeric, numeric, text) (
	SFUNC = scorecard_step, STYPE = scorecard_state, FINALFUNC = scorecard_finish,
	COMBINEFUNC = scorecard_combine, PARALLEL = SAFE,
	MSFUNC = scorecard_step, MINVFUNC = scorecard_unstep, MSTYPE = scorecard_state,
	MFINALFUNC = scorecard_finish
);
CREATE AGGREGATE scorecard(indicator, text, numeric) (
	SFUNC = scorecard_step, STYPE = scorecard_state, FINALFUNC = scorecard_finish,
	COMBINEFUNC = scorecard_combine, PARALLEL = SAFE,
	MSFUNC = scorecard_step, MINVFUNC = scorecard_unstep, MSTYPE = scorecard_state,
	MFINALFUNC = scorecard_finish
);
CREATE AGGREGATE scorecard(indicator, text, numeric, text) (
	SFUNC = scorecard_step, STYPE = scorecard_state, FINALFUNC = scorecard_finish,
	COMBINEFUNC = scorecard_combine, PARALLEL = SAFE,
	MSFUNC = scorecard_step, MINVFUNC = scorecard_unstep, MSTYPE = scorecard_state,
	MFINALFUNC = scorecard_finish
);
COMMENT ON AGGREGATE scorecard(indicator, numeric, numeric) IS
'roll-up of scored indicators (indicator, actual, weight), central policy';
COMMENT ON AGGREGATE scorecard(indicator, numeric, numeric, text) IS
'roll-up of scored indicators (indicator, actual, weight, policy)';
COMMENT ON AGGREGATE scorecard(indicator, text, numeric) IS
'roll-up of scored indicators with actuals written as text, central policy';
COMMENT ON AGGREGATE scorecard(indicator, text, numeric, text) IS
'roll-up of scored indicators with actuals written as text, with a policy';

-- The two-phase API: states per partition or shard, merged, then finished.
CREATE AGGREGATE scorecard_state(indicator, numeric, numeric) (
	SFUNC = scorecard_step, STYPE = scorecard_state,
	COMBINEFUNC = scorecard_combine, PARALLEL = SAFE
);
CREATE AGGREGATE scorecard_state(indicator, numeric, numeric, text) (
	SFUNC = scorecard_step, STYPE = scorecard_state,
	COMBINEFUNC = scorecard_combine, PARALLEL = SAFE
);
CREATE AGGREGATE scorecard_state(indicator, text, numeric) (
	SFUNC = scorecard_step, STYPE = scorecard_state,
	COMBINEFUNC = scorecard_combine, PARALLEL = SAFE
);
CREATE AGGREGATE scorecard_state(indicator, text, numeric, text) (
	SFUNC = scorecard_step, STYPE = scorecard_state,
	COMBINEFUNC = scorecard_combine, PARALLEL = SAFE
);
CREATE AGGREGATE scorecard_merge(scorecard_state) (
	SFUNC = scorecard_combine, STYPE = scorecard_state,
	COMBINEFUNC = scorecard_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE scorecard_state(indicator, numeric, numeric) IS
'the partial scorecard state of the rows; finish it with scorecard_finish(scorecard_merge(state))';
COMMENT ON AGGREGATE scorecard_merge(scorecard_state) IS 'merge partial scorecard states';

--
-- The indicator hierarchy (2020 and 2021 frameworks) and the weight check.
--
CREATE FUNCTION level_name(label text) RETURNS text
	AS 'MODULE_PATHNAME', 'indicator_level_name' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION level_name(text) IS
'canonical name of a level-1 or level-2 label (经济效益 → 经济效益指标); NULL when unknown';

CREATE FUNCTION level1_of(label text) RETURNS text
	AS 'MODULE_PATHNAME', 'indicator_level1_of' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION level1_of(text) IS
'the level 1 a label belongs to (数量指标 → 产出指标, 经济成本指标 → 成本指标); NULL when unknown';

CREATE FUNCTION level_sort_key(label text) RETURNS integer
	AS 'MODULE_PATHNAME', 'indicator_level_sort_key' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION level_sort_key(text) IS
'canonical order of level labels for ORDER BY: 产出 (数量, 质量, 时效, 成本), 成本 (2021), 效益, 满意度';

CREATE FUNCTION indicator_levels(OUT name text, OUT depth integer, OUT level1 text,
	OUT sort_key integer, OUT framework text, OUT spellings text[])
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'indicator_levels' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 16;
COMMENT ON FUNCTION indicator_levels() IS 'the level vocabulary of the 2020 and 2021 frameworks';

CREATE FUNCTION weight_check(level1 text[], weight numeric[], budget_weight numeric DEFAULT NULL,
	policy text DEFAULT 'central', OUT item text, OUT expected numeric, OUT actual numeric, OUT ok boolean)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'indicator_weight_check' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE
	ROWS 6;
COMMENT ON FUNCTION weight_check(text[], numeric[], numeric, text) IS
'a project''s weights per level 1 against the policy''s split (50/30/10 and 10 for 预算执行率), then the total';

--
-- The importer: goal tables exported to text (from PDF or spreadsheets).
-- It takes the text itself, never a file name.
--
CREATE FUNCTION goal_table_projects(raw text,
	OUT project_code text, OUT name text, OUT year integer, OUT department text,
	OUT implementer text, OUT total_funds numeric, OUT fiscal_funds numeric,
	OUT non_fiscal_funds numeric, OUT budget_execution_weight numeric, OUT annual_goal text,
	OUT source_line integer)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'goal_table_projects' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION goal_table_projects(text) IS
'one row per project of exported goal tables: 项目编码, 名称, year, 主管部门, 实施单位, 资金, 预算执行率权重, 年度目标';

CREATE FUNCTION goal_table_rows(raw text,
	OUT project_code text, OUT level1 text, OUT level2 text, OUT name text,
	OUT spec indicator, OUT weight numeric, OUT note text, OUT source_line integer)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'goal_table_rows' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION goal_table_rows(text) IS
'one row per indicator of exported goal tables, cells read by what they are, levels filled down';

CREATE FUNCTION goal_table_problems(raw text,
	OUT line integer, OUT content text, OUT reason text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'goal_table_problems' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION goal_table_problems(text) IS
'every line of exported goal tables that is neither part of a project header nor an indicator row, with the reason';
