/*
 * indicator 1.4 -> 1.5: drivers and BI tools.
 *
 *   - strings from drivers (character varying) read as indicators;
 *   - LIKE, min and max on indicator columns;
 *   - names for the aggregates' arguments, and a comment on every object.
 * The unreadable=person policy knob is in the library (policy.c).
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION indicator UPDATE TO '1.5'" to load this file. \quit

--
-- Strings from drivers.  pgJDBC's setString() and psqlODBC send strings
-- typed character varying; without a cast they reach neither an indicator
-- column (42804), nor a comparison (42883), nor score() (42883).  The cast
-- from varchar is implicit, so that they reach all three with the drivers'
-- default settings.  The cast from text is for assignment only (INSERT ...
-- SELECT from a staging table, UPDATE, ALTER COLUMN ... TYPE indicator):
-- text is what SQL itself computes, and an implicit cast from it would
-- turn a mistyped comparison into a parse of every row.  Casts the other
-- way stay explicit (spec::text): implicit casts to text make PostgreSQL
-- pick text operators silently, which 8.3 removed for good reasons.
--
CREATE CAST (varchar AS indicator) WITH INOUT AS IMPLICIT;
CREATE CAST (text AS indicator) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (varchar AS indicator) IS
'字符串到指标 (implicit): what pgJDBC setString() and psqlODBC send reads as an indicator, in columns, comparisons and function arguments';
COMMENT ON CAST (text AS indicator) IS
'文本到指标 (on assignment): INSERT, UPDATE and ALTER COLUMN ... TYPE indicator read text as indicators';

--
-- BI tools: LIKE on an indicator column compares its text, and min/max
-- follow the btree order.  The LIKE functions are SQL so that the planner
-- inlines them into spec::text LIKE pattern.
--
CREATE FUNCTION indicator_like(indicator, text) RETURNS boolean
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	AS $$ SELECT $1::pg_catalog.text OPERATOR(pg_catalog.~~) $2 $$;
CREATE FUNCTION indicator_not_like(indicator, text) RETURNS boolean
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	AS $$ SELECT $1::pg_catalog.text OPERATOR(pg_catalog.!~~) $2 $$;
CREATE FUNCTION indicator_ilike(indicator, text) RETURNS boolean
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	AS $$ SELECT $1::pg_catalog.text OPERATOR(pg_catalog.~~*) $2 $$;
CREATE FUNCTION indicator_not_ilike(indicator, text) RETURNS boolean
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	AS $$ SELECT $1::pg_catalog.text OPERATOR(pg_catalog.!~~*) $2 $$;
COMMENT ON FUNCTION indicator_like(indicator, text) IS '指标文本匹配 LIKE: the indicator''s text (as it prints) matches the pattern';
COMMENT ON FUNCTION indicator_not_like(indicator, text) IS '指标文本不匹配 NOT LIKE: the indicator''s text does not match the pattern';
COMMENT ON FUNCTION indicator_ilike(indicator, text) IS '指标文本匹配 ILIKE (case-insensitive)';
COMMENT ON FUNCTION indicator_not_ilike(indicator, text) IS '指标文本不匹配 NOT ILIKE (case-insensitive)';
CREATE OPERATOR ~~ (LEFTARG = indicator, RIGHTARG = text, FUNCTION = indicator_like,
	NEGATOR = !~~, RESTRICT = pg_catalog.likesel, JOIN = pg_catalog.likejoinsel);
CREATE OPERATOR !~~ (LEFTARG = indicator, RIGHTARG = text, FUNCTION = indicator_not_like,
	NEGATOR = ~~, RESTRICT = pg_catalog.nlikesel, JOIN = pg_catalog.nlikejoinsel);
CREATE OPERATOR ~~* (LEFTARG = indicator, RIGHTARG = text, FUNCTION = indicator_ilike,
	NEGATOR = !~~*, RESTRICT = pg_catalog.iclikesel, JOIN = pg_catalog.iclikejoinsel);
CREATE OPERATOR !~~* (LEFTARG = indicator, RIGHTARG = text, FUNCTION = indicator_not_ilike,
	NEGATOR = ~~*, RESTRICT = pg_catalog.icnlikesel, JOIN = pg_catalog.icnlikejoinsel);
COMMENT ON OPERATOR ~~ (indicator, text) IS '指标 LIKE 模式: spec LIKE ''%万元''';
COMMENT ON OPERATOR !~~ (indicator, text) IS '指标 NOT LIKE 模式';
COMMENT ON OPERATOR ~~* (indicator, text) IS '指标 ILIKE 模式 (case-insensitive)';
COMMENT ON OPERATOR !~~* (indicator, text) IS '指标 NOT ILIKE 模式 (case-insensitive)';

CREATE FUNCTION indicator_smaller(indicator, indicator) RETURNS indicator
	AS 'MODULE_PATHNAME', 'indicator_smaller' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION indicator_larger(indicator, indicator) RETURNS indicator
	AS 'MODULE_PATHNAME', 'indicator_larger' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION indicator_smaller(indicator, indicator) IS '较小者: the first of the two in the btree order (min''s step)';
COMMENT ON FUNCTION indicator_larger(indicator, indicator) IS '较大者: the last of the two in the btree order (max''s step)';
CREATE AGGREGATE min(indicator) (SFUNC = indicator_smaller, STYPE = indicator,
	COMBINEFUNC = indicator_smaller, SORTOP = <, PARALLEL = SAFE);
CREATE AGGREGATE max(indicator) (SFUNC = indicator_larger, STYPE = indicator,
	COMBINEFUNC = indicator_larger, SORTOP = >, PARALLEL = SAFE);
COMMENT ON AGGREGATE min(indicator) IS '最小值: the first indicator in the btree order (the order of ORDER BY spec)';
COMMENT ON AGGREGATE max(indicator) IS '最大值: the last indicator in the btree order';

--
-- Aggregate arguments get names (JDBC getProcedureColumns, BI tools'
-- function lists).  CREATE OR REPLACE may add names where there were none;
-- the aggregates are otherwise unchanged, and views over them stay.
--
CREATE OR REPLACE AGGREGATE scorecard(i indicator, actual numeric, weight numeric) (
	SFUNC = scorecard_step, STYPE = scorecard_state, FINALFUNC = scorecard_finish,
	COMBINEFUNC = scorecard_combine, PARALLEL = SAFE,
	MSFUNC = scorecard_step, MINVFUNC = scorecard_unstep, MSTYPE = scorecard_state,
	MFINALFUNC = scorecard_finish
);
CREATE OR REPLACE AGGREGATE scorecard(i indicator, actual numeric, weight numeric, policy text) (
	SFUNC = scorecard_step, STYPE = scorecard_state, FINALFUNC = scorecard_finish,
	COMBINEFUNC = scorecard_combine, PARALLEL = SAFE,
	MSFUNC = scorecard_step, MINVFUNC = scorecard_unstep, MSTYPE = scorecard_state,
	MFINALFUNC = scorecard_finish
);
CREATE OR REPLACE AGGREGATE scorecard(i indicator, actual text, weight numeric) (
	SFUNC = scorecard_step, STYPE = scorecard_state, FINALFUNC = scorecard_finish,
	COMBINEFUNC = scorecard_combine, PARALLEL = SAFE,
	MSFUNC = scorecard_step, MINVFUNC = scorecard_unstep, MSTYPE = scorecard_state,
	MFINALFUNC = scorecard_finish
);
CREATE OR REPLACE AGGREGATE scorecard(i indicator, actual text, weight numeric, policy text) (
	SFUNC = scorecard_step, STYPE = scorecard_state, FINALFUNC = scorecard_finish,
	COMBINEFUNC = scorecard_combine, PARALLEL = SAFE,
	MSFUNC = scorecard_step, MINVFUNC = scorecard_unstep, MSTYPE = scorecard_state,
	MFINALFUNC = scorecard_finish
);
CREATE OR REPLACE AGGREGATE scorecard_partial(i indicator, actual numeric, weight numeric) (
	SFUNC = scorecard_step, STYPE = scorecard_state, COMBINEFUNC = scorecard_combine, PARALLEL = SAFE);
CREATE OR REPLACE AGGREGATE scorecard_partial(i indicator, actual numeric, weight numeric, policy text) (
	SFUNC = scorecard_step, STYPE = scorecard_state, COMBINEFUNC = scorecard_combine, PARALLEL = SAFE);
CREATE OR REPLACE AGGREGATE scorecard_partial(i indicator, actual text, weight numeric) (
	SFUNC = scorecard_step, STYPE = scorecard_state, COMBINEFUNC = scorecard_combine, PARALLEL = SAFE);
CREATE OR REPLACE AGGREGATE scorecard_partial(i indicator, actual text, weight numeric, policy text) (
	SFUNC = scorecard_step, STYPE = scorecard_state, COMBINEFUNC = scorecard_combine, PARALLEL = SAFE);
CREATE OR REPLACE AGGREGATE scorecard_state(i indicator, actual numeric, weight numeric) (
	SFUNC = scorecard_step, STYPE = scorecard_state, COMBINEFUNC = scorecard_combine, PARALLEL = SAFE);
CREATE OR REPLACE AGGREGATE scorecard_state(i indicator, actual numeric, weight numeric, policy text) (
	SFUNC = scorecard_step, STYPE = scorecard_state, COMBINEFUNC = scorecard_combine, PARALLEL = SAFE);
CREATE OR REPLACE AGGREGATE scorecard_state(i indicator, actual text, weight numeric) (
	SFUNC = scorecard_step, STYPE = scorecard_state, COMBINEFUNC = scorecard_combine, PARALLEL = SAFE);
CREATE OR REPLACE AGGREGATE scorecard_state(i indicator, actual text, weight numeric, policy text) (
	SFUNC = scorecard_step, STYPE = scorecard_state, COMBINEFUNC = scorecard_combine, PARALLEL = SAFE);
CREATE OR REPLACE AGGREGATE scorecard_merge(state scorecard_state) (
	SFUNC = scorecard_combine, STYPE = scorecard_state, COMBINEFUNC = scorecard_combine, PARALLEL = SAFE);

--
-- Comments on everything: Chinese meaning, then English.
--
COMMENT ON FUNCTION indicator_in(cstring) IS '指标的文本输入: reads a literal as tables print it (正向 >= 10 次, ≤60万元, 95%～100%, 定性 有效提高)';
COMMENT ON FUNCTION indicator_out(indicator) IS '指标的文本输出: the canonical literal (正向 >= 10 次)';
COMMENT ON FUNCTION indicator_recv(internal) IS '指标的二进制输入: the binary form (COPY BINARY, drivers in binary mode), validated';
COMMENT ON FUNCTION indicator_send(indicator) IS '指标的二进制输出: the versioned binary form';
COMMENT ON FUNCTION indicator_eq(indicator, indicator) IS '相等: the same nature, comparator, target and unit';
COMMENT ON FUNCTION indicator_ne(indicator, indicator) IS '不相等';
COMMENT ON FUNCTION indicator_lt(indicator, indicator) IS '小于, in the btree order';
COMMENT ON FUNCTION indicator_le(indicator, indicator) IS '小于等于, in the btree order';
COMMENT ON FUNCTION indicator_gt(indicator, indicator) IS '大于, in the btree order';
COMMENT ON FUNCTION indicator_ge(indicator, indicator) IS '大于等于, in the btree order';
COMMENT ON OPERATOR = (indicator, indicator) IS '相等: the same nature, comparator, target and unit';
COMMENT ON OPERATOR <> (indicator, indicator) IS '不相等';
COMMENT ON OPERATOR < (indicator, indicator) IS '小于: by unit, then comparator, then target (the btree order)';
COMMENT ON OPERATOR <= (indicator, indicator) IS '小于等于 (the btree order)';
COMMENT ON OPERATOR > (indicator, indicator) IS '大于 (the btree order)';
COMMENT ON OPERATOR >= (indicator, indicator) IS '大于等于 (the btree order)';
COMMENT ON OPERATOR @> (indicator, numeric) IS '达成: the target is met by the actual (central policy)';
COMMENT ON OPERATOR @> (indicator, text) IS '达成: the target is met by the actual written as text (central policy)';
COMMENT ON OPERATOR FAMILY indicator_ops USING btree IS '指标排序 (btree): ORDER BY, indexes, merge joins';
COMMENT ON OPERATOR CLASS indicator_ops USING btree IS '指标排序 (btree): the default order of indicators';
COMMENT ON OPERATOR FAMILY indicator_ops USING hash IS '指标散列 (hash): hash joins, hash indexes and hash partitioning';
COMMENT ON OPERATOR CLASS indicator_ops USING hash IS '指标散列 (hash): the default hash of indicators';
COMMENT ON FUNCTION scorecard_state_in(cstring) IS '汇总中间状态的文本输入: a partial scorecard as text (for two-phase and distributed aggregation), validated';
COMMENT ON FUNCTION scorecard_state_out(scorecard_state) IS '汇总中间状态的文本输出';
COMMENT ON FUNCTION scorecard_state_recv(internal) IS '汇总中间状态的二进制输入, validated';
COMMENT ON FUNCTION scorecard_state_send(scorecard_state) IS '汇总中间状态的二进制输出';
COMMENT ON FUNCTION scorecard_step(scorecard_state, indicator, numeric, numeric) IS '汇总的累加步骤: adds one scored row to the state (the scorecard aggregates'' step)';
COMMENT ON FUNCTION scorecard_step(scorecard_state, indicator, numeric, numeric, text) IS '汇总的累加步骤, with a policy';
COMMENT ON FUNCTION scorecard_step(scorecard_state, indicator, text, numeric) IS '汇总的累加步骤, for an actual written as text';
COMMENT ON FUNCTION scorecard_step(scorecard_state, indicator, text, numeric, text) IS '汇总的累加步骤, for an actual written as text, with a policy';
COMMENT ON FUNCTION scorecard_unstep(scorecard_state, indicator, numeric, numeric) IS '汇总的移出步骤: removes one row from the state (moving windows)';
COMMENT ON FUNCTION scorecard_unstep(scorecard_state, indicator, numeric, numeric, text) IS '汇总的移出步骤, with a policy';
COMMENT ON FUNCTION scorecard_unstep(scorecard_state, indicator, text, numeric) IS '汇总的移出步骤, for an actual written as text';
COMMENT ON FUNCTION scorecard_unstep(scorecard_state, indicator, text, numeric, text) IS '汇总的移出步骤, for an actual written as text, with a policy';
COMMENT ON AGGREGATE scorecard_state(indicator, numeric, numeric, text) IS '汇总中间状态 (deprecated alias of scorecard_partial(indicator, numeric, numeric, text))';
COMMENT ON AGGREGATE scorecard_state(indicator, text, numeric) IS '汇总中间状态 (deprecated alias of scorecard_partial(indicator, text, numeric))';
COMMENT ON AGGREGATE scorecard_state(indicator, text, numeric, text) IS '汇总中间状态 (deprecated alias of scorecard_partial(indicator, text, numeric, text))';

COMMENT ON COLUMN indicator_score.points IS '得分: the points, between 0 and the weight, rounded as the policy says (2 decimals half up by default); NULL when a person must score the row';
COMMENT ON COLUMN indicator_score.attainment IS '完成率: the fraction of the target achieved, 0 to 1, 4 decimals';
COMMENT ON COLUMN indicator_score.met IS '是否达成: the target is met';
COMMENT ON COLUMN indicator_score.deviation IS '偏离度: (actual - target) / target, or (target - actual) / target for <= targets; NULL where undefined (target 0, 定性)';
COMMENT ON COLUMN indicator_score.over_completed IS '超额完成: 偏离度 reached the policy''s over_threshold (a reason must be written)';
COMMENT ON COLUMN indicator_score.reason_required IS '需说明偏差原因: the points are below the weight, so 偏差原因分析 must be written';
COMMENT ON COLUMN indicator_score.manual_review IS '需人工复核: the policy asks a person to review the row (天津/河北)';

COMMENT ON COLUMN scorecard.weight IS '分值合计: the sum of the weights';
COMMENT ON COLUMN scorecard.score IS '得分合计: the sum of the points';
COMMENT ON COLUMN scorecard.indicators IS '指标数: rows with an indicator and a weight';
COMMENT ON COLUMN scorecard.met IS '达成数: rows whose target is met';
COMMENT ON COLUMN scorecard.unmet IS '未达成数: rows whose target is missed';
COMMENT ON COLUMN scorecard.unscored IS '待评数: rows without an actual (NULL)';
COMMENT ON COLUMN scorecard.flagged IS '需说明数: rows over-completed, with a reason required, or for manual review';
COMMENT ON COLUMN scorecard.over_completed IS '超额完成数';
COMMENT ON COLUMN scorecard.reason_required IS '需说明偏差原因数: rows scored below their weight';
COMMENT ON COLUMN scorecard.manual_review IS '需人工复核数 (天津/河北)';
COMMENT ON COLUMN scorecard.scored_weight IS '已评分值: the sum of the weights of scored rows (score / scored_weight is the rate so far)';

COMMENT ON COLUMN selfeval_sheet.project_code IS '项目编码 (project code)';
COMMENT ON COLUMN selfeval_sheet.name IS '项目名称 (project name), or the title before its form words';
COMMENT ON COLUMN selfeval_sheet.year IS '年度: from the title or the year line under it';
COMMENT ON COLUMN selfeval_sheet.department IS '主管部门 (supervising department)';
COMMENT ON COLUMN selfeval_sheet.implementer IS '实施单位 (implementing unit)';
COMMENT ON COLUMN selfeval_sheet.annual_goal IS '年度总体目标: 预期目标 (the year''s goal)';
COMMENT ON COLUMN selfeval_sheet.annual_goal_actual IS '年度总体目标: 实际完成情况 (what was done)';
COMMENT ON COLUMN selfeval_sheet.budget_initial IS '年初预算数, in 万元 (the budget at the start of the year)';
COMMENT ON COLUMN selfeval_sheet.budget_spent IS '全年执行数, in 万元 (spent in the year)';
COMMENT ON COLUMN selfeval_sheet.budget_weight IS '预算执行率的分值 (the budget line''s points)';
COMMENT ON COLUMN selfeval_sheet.budget_score IS '预算执行率的得分 (the budget line''s printed score)';
COMMENT ON COLUMN selfeval_sheet.total_weight IS '总分的分值 (the sheet''s points, usually 100)';
COMMENT ON COLUMN selfeval_sheet.grade IS '评价等级 as printed: 优, 良, 中, 差';
COMMENT ON COLUMN selfeval_sheet.title IS '表题 (the sheet''s title line)';
COMMENT ON COLUMN selfeval_sheet.source_line IS '起始行: the line (or row) of the input where the sheet starts';

COMMENT ON COLUMN selfeval_row.project_code IS '项目编码 of the sheet the row belongs to';
COMMENT ON COLUMN selfeval_row.project_name IS '项目名称 of the sheet the row belongs to';
COMMENT ON COLUMN selfeval_row.level1 IS '一级指标, canonical (产出指标, 效益指标, 满意度指标, 成本指标); NULL outside the goal-table hierarchy (项目决策, 项目管理)';
COMMENT ON COLUMN selfeval_row.level2 IS '二级指标, canonical (数量指标, 质量指标, ...)';
COMMENT ON COLUMN selfeval_row.name IS '三级指标 (the indicator''s name)';
COMMENT ON COLUMN selfeval_row.target_cell IS '年度指标值 as printed (指标性质, 指标值 and 度量单位 joined)';
COMMENT ON COLUMN selfeval_row.actual_cell IS '实际完成值 as printed';
COMMENT ON COLUMN selfeval_row.reason IS '偏差原因分析及改进措施 (the deviation reason)';
COMMENT ON COLUMN selfeval_row.source_line IS '行号: the line (or row) of the input';
COMMENT ON COLUMN selfeval_row.level1_label IS '一级指标 as printed, filled down from merged cells';
COMMENT ON COLUMN selfeval_row.level2_label IS '二级指标 as printed, filled down';
COMMENT ON COLUMN selfeval_row.comparator_inferred IS '比较符为推断: the target had no comparator and the importer''s rules gave one';
COMMENT ON COLUMN selfeval_row.import_note IS '导入说明: what the reader did to the row';
COMMENT ON COLUMN selfeval_row.score_cell IS '得分 as printed';
COMMENT ON COLUMN selfeval_row.sheet IS '所属自评表: the selfeval_sheet.sheet the row belongs to';
