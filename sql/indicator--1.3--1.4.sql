/*
 * indicator 1.3 -> 1.4: the self-evaluation importer.
 *
 *   - selfeval_projects(), selfeval_rows() and selfeval_problems() read
 *     项目支出绩效自评表 sheets (tab, CSV, pipe, spaces, aligned text, or an
 *     xlsx workbook's bytes): the key lines, the budget block, the printed
 *     total and grade, and each indicator row with its target, actual,
 *     points, printed score and deviation reason.
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION indicator UPDATE TO '1.4'" to load this file. \quit

CREATE FUNCTION selfeval_projects(raw text, format text DEFAULT 'auto',
	OUT project_code text, OUT name text, OUT year integer, OUT department text,
	OUT implementer text, OUT annual_goal text, OUT annual_goal_actual text,
	OUT budget_initial numeric, OUT budget_total numeric, OUT budget_spent numeric,
	OUT budget_weight numeric, OUT budget_rate text, OUT budget_score numeric,
	OUT total_weight numeric, OUT total_score numeric, OUT grade text, OUT title text,
	OUT source_line integer)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'selfeval_projects' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION selfeval_projects(text, text) IS
'one row per self-evaluation sheet (绩效自评表): 项目编码, 名称, year, 主管部门, 实施单位, 年度总体目标 and its 实际完成情况, the budget line (年初预算数, 全年预算数, 全年执行数 in 万元; 分值, 执行率 as printed, 得分), the printed 总分 and grade';

CREATE FUNCTION selfeval_rows(raw text, format text DEFAULT 'auto',
	OUT project_code text, OUT project_name text, OUT level1 text, OUT level2 text,
	OUT name text, OUT spec indicator, OUT target_cell text, OUT actual_cell text,
	OUT weight numeric, OUT score numeric, OUT reason text, OUT source_line integer,
	OUT level1_label text, OUT level2_label text, OUT comparator_inferred boolean,
	OUT import_note text, OUT score_cell text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'selfeval_rows' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION selfeval_rows(text, text) IS
'one row per indicator of self-evaluation sheets: levels (canonical and printed), name, spec (NULL when the target does not read), the target and actual cells as printed, points (分值; NULL where the form has none), the printed score, the deviation reason, and what the reader did';

CREATE FUNCTION selfeval_problems(raw text, format text DEFAULT 'auto',
	OUT line integer, OUT content text, OUT reason text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'selfeval_problems' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION selfeval_problems(text, text) IS
'every cell of self-evaluation sheets that the reader could not place, and every row whose target, points or score does not read, with line and reason';

CREATE FUNCTION selfeval_projects(workbook bytea,
	OUT project_code text, OUT name text, OUT year integer, OUT department text,
	OUT implementer text, OUT annual_goal text, OUT annual_goal_actual text,
	OUT budget_initial numeric, OUT budget_total numeric, OUT budget_spent numeric,
	OUT budget_weight numeric, OUT budget_rate text, OUT budget_score numeric,
	OUT total_weight numeric, OUT total_score numeric, OUT grade text, OUT title text,
	OUT source_line integer)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'selfeval_projects_xlsx' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION selfeval_projects(bytea) IS
'one row per self-evaluation sheet of an xlsx workbook (each worksheet, and each titled sheet within one)';

CREATE FUNCTION selfeval_rows(workbook bytea,
	OUT project_code text, OUT project_name text, OUT level1 text, OUT level2 text,
	OUT name text, OUT spec indicator, OUT target_cell text, OUT actual_cell text,
	OUT weight numeric, OUT score numeric, OUT reason text, OUT source_line integer,
	OUT level1_label text, OUT level2_label text, OUT comparator_inferred boolean,
	OUT import_note text, OUT score_cell text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'selfeval_rows_xlsx' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION selfeval_rows(bytea) IS
'one row per indicator of the self-evaluation sheets in an xlsx workbook: merged cells, numbers and percentages as Excel shows them';

CREATE FUNCTION selfeval_problems(workbook bytea,
	OUT line integer, OUT content text, OUT reason text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'selfeval_problems_xlsx' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION selfeval_problems(bytea) IS
'what the self-evaluation reader could not place in an xlsx workbook, row by row (line = the row in its sheet)';

/*
 * Scoring the cells real sheets hold: an actual that only a person can
 * score (a sentence, a bare grade against a number, a unit that does not
 * convert) no longer raises an error.  score() is NULL for it, and
 * score_detail() and the scorecard say so.
 */
ALTER TYPE indicator_score ADD ATTRIBUTE needs_person boolean;
ALTER TYPE indicator_score ADD ATTRIBUTE person_reason text;
COMMENT ON COLUMN indicator_score.needs_person IS
'the actual cannot be scored by the rules (a sentence, a bare grade against a number, a unit that does not convert): points, attainment and met are NULL';
COMMENT ON COLUMN indicator_score.person_reason IS
'why a person must score the row, in words a reviewer can paste into a report';
ALTER TYPE scorecard ADD ATTRIBUTE needs_person bigint;
COMMENT ON COLUMN scorecard.needs_person IS
'rows whose actual only a person can score: their weights count in weight, not in scored_weight';

/*
 * Review (复核): the score a sheet printed for a row, against the rules.
 */
CREATE TYPE indicator_review AS (
	rule_score numeric,			-- what the rules give (NULL when they cannot say)
	printed_score numeric,		-- the score the sheet printed
	difference numeric,			-- printed_score - rule_score
	verdict text,				-- one of the fixed list (README, "Reviewing self-evaluations")
	explanation text,			-- in Chinese, for a review opinion (复核意见)
	needs_person boolean,		-- the actual does not read
	met boolean					-- the rules say the target was met
);
COMMENT ON TYPE indicator_review IS 'a printed score reviewed against the rules: the rule''s score, the difference, a verdict and its explanation';
COMMENT ON COLUMN indicator_review.rule_score IS 'the points the rules give the row (NULL when a person must score it, or the form has no 分值 and the row missed)';
COMMENT ON COLUMN indicator_review.printed_score IS 'the score the sheet printed (得分)';
COMMENT ON COLUMN indicator_review.difference IS 'printed_score - rule_score';
COMMENT ON COLUMN indicator_review.verdict IS 'agrees, rounding only, full marks despite a miss, deduction although met, above the weight, below the rule, above the rule, needs a person, no printed score, no weight printed';
COMMENT ON COLUMN indicator_review.explanation IS 'the verdict with its numbers, in Chinese, for a review opinion';
COMMENT ON COLUMN indicator_review.needs_person IS 'the actual cannot be scored by the rules';
COMMENT ON COLUMN indicator_review.met IS 'the rules say the target was met (NULL when a person must say)';

CREATE FUNCTION score_review(i indicator, actual text, weight numeric, printed_score numeric,
	policy text DEFAULT 'central')
	RETURNS indicator_review
	AS 'MODULE_PATHNAME', 'indicator_score_review_text' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION score_review(indicator, text, numeric, numeric, text) IS
'review the score a sheet printed for a row against the rules: rule score, difference, verdict, explanation; NULL weight is a form without 分值';
CREATE FUNCTION score_review(i indicator, actual numeric, weight numeric, printed_score numeric,
	policy text DEFAULT 'central')
	RETURNS indicator_review
	AS 'MODULE_PATHNAME', 'indicator_score_review_numeric' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION score_review(indicator, numeric, numeric, numeric, text) IS
'review a printed score against the rules, for a numeric actual';
