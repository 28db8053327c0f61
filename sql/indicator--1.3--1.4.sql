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

CREATE TYPE selfeval_sheet AS (
	project_code text,			-- 项目编码
	name text,					-- 项目名称, or the title before its form words
	year integer,				-- from the title or the year line under it
	department text,			-- 主管部门
	implementer text,			-- 实施单位
	annual_goal text,			-- 年度总体目标: 预期目标
	annual_goal_actual text,	-- 年度总体目标: 实际完成情况
	budget_initial numeric,		-- 年初预算数 (万元)
	budget_total numeric,		-- 全年预算数 (万元)
	budget_spent numeric,		-- 全年执行数 (万元)
	budget_weight numeric,		-- the budget line's 分值
	budget_rate text,			-- 执行率 as printed
	budget_score numeric,		-- the budget line's 得分
	total_weight numeric,		-- 总分: the sheet's points
	total_score numeric,		-- 总分: the score printed
	grade text,					-- 优 良 中 差 as printed
	title text,
	source_line integer,
	sheet integer				-- 1, 2, ...: the sheet's place in the input
);
COMMENT ON TYPE selfeval_sheet IS 'one self-evaluation sheet (绩效自评表) as selfeval_projects() reads it';
COMMENT ON COLUMN selfeval_sheet.budget_total IS '全年预算数, in 万元 (a block headed 项目资金（元） is converted)';
COMMENT ON COLUMN selfeval_sheet.budget_rate IS '执行率 exactly as printed (97.80%, 20)';
COMMENT ON COLUMN selfeval_sheet.total_score IS 'the 总分 the sheet printed; sheet_review() checks it against the rows';
COMMENT ON COLUMN selfeval_sheet.sheet IS 'the sheet''s place in the input: 1, 2, ... (selfeval_rows().sheet refers to it)';

CREATE TYPE selfeval_row AS (
	project_code text,
	project_name text,
	level1 text,				-- canonical, NULL outside the goal-table hierarchy
	level2 text,
	name text,
	spec indicator,				-- NULL when the target does not read
	target_cell text,			-- as printed (指标性质, 指标值, 度量单位 joined)
	actual_cell text,			-- 实际完成值 as printed
	weight numeric,				-- 分值; NULL where the form has none; 20% is 20
	score numeric,				-- the printed 得分, NULL when it is not a number
	reason text,				-- 偏差原因分析及改进措施
	source_line integer,
	level1_label text,			-- as printed, filled down
	level2_label text,
	comparator_inferred boolean,
	import_note text,			-- what the reader did to the row
	score_cell text,			-- the 得分 cell as printed
	sheet integer				-- the selfeval_sheet it belongs to
);
COMMENT ON TYPE selfeval_row IS 'one indicator row of a self-evaluation sheet as selfeval_rows() reads it';
COMMENT ON COLUMN selfeval_row.weight IS '分值; NULL where the form has none (湖北/云南); a 权重 of 20% is 20 points';
COMMENT ON COLUMN selfeval_row.score IS 'the 得分 the sheet printed, as a number; NULL when the cell is not one (it stays in score_cell)';
COMMENT ON COLUMN selfeval_row.spec IS 'the target as an indicator, by the importer''s inference rules; NULL when it does not read';

CREATE FUNCTION selfeval_projects(raw text, format text DEFAULT 'auto')
	RETURNS SETOF selfeval_sheet
	AS 'MODULE_PATHNAME', 'selfeval_projects' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION selfeval_projects(text, text) IS
'one row per self-evaluation sheet (绩效自评表): 项目编码, 名称, year, 主管部门, 实施单位, 年度总体目标 and its 实际完成情况, the budget line (年初预算数, 全年预算数, 全年执行数 in 万元; 分值, 执行率 as printed, 得分), the printed 总分 and grade';

CREATE FUNCTION selfeval_rows(raw text, format text DEFAULT 'auto')
	RETURNS SETOF selfeval_row
	AS 'MODULE_PATHNAME', 'selfeval_rows' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION selfeval_rows(text, text) IS
'one row per indicator of self-evaluation sheets: levels (canonical and printed), name, spec (NULL when the target does not read), the target and actual cells as printed, points (分值; NULL where the form has none), the printed score, the deviation reason, and what the reader did';

CREATE FUNCTION selfeval_problems(raw text, format text DEFAULT 'auto',
	OUT line integer, OUT content text, OUT reason text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'selfeval_problems' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION selfeval_problems(text, text) IS
'every cell of self-evaluation sheets that the reader could not place, and every row whose target, points or score does not read, with line and reason';

CREATE FUNCTION selfeval_projects(workbook bytea)
	RETURNS SETOF selfeval_sheet
	AS 'MODULE_PATHNAME', 'selfeval_projects_xlsx' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION selfeval_projects(bytea) IS
'one row per self-evaluation sheet of an xlsx workbook (each worksheet, and each titled sheet within one)';

CREATE FUNCTION selfeval_rows(workbook bytea)
	RETURNS SETOF selfeval_row
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


/*
 * Checking whole sheets: what the sheet alone decides, as findings a
 * reviewer can paste.  selfeval_findings() works on the importer's rows (or
 * on any rows of the same types); sheet_review() reads a sheet and runs it.
 */
CREATE FUNCTION selfeval_findings(sheets selfeval_sheet[], rows selfeval_row[], policy text DEFAULT 'central',
	OUT sheet integer, OUT project_name text, OUT check_code text, OUT severity text, OUT finding text)
	RETURNS SETOF record LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
SELECT p.sheet, p.name, f.check_code, f.severity, f.finding
FROM unnest(sheets) p,
     -- the sheet's year for deadlines without one, unless the caller gave a year
     LATERAL (SELECT coalesce(policy, 'central') ||
                     CASE WHEN p.year IS NOT NULL AND coalesce(policy, '') !~* '(^|[\s,;])year\s*='
                          THEN ' year=' || p.year ELSE '' END AS pol) pol,
     LATERAL (
	WITH r AS (
		SELECT x.*, v.verdict, v.rule_score, v.needs_person,
		       -- over-completion does not depend on the weight: 100 where the form has none
		       CASE WHEN NOT v.needs_person AND x.spec IS NOT NULL AND x.actual_cell IS NOT NULL
		            THEN (score_detail(x.spec, x.actual_cell, coalesce(greatest(x.weight, 0), 100), pol.pol)).over_completed
		       END AS over_completed
		FROM unnest(rows) x,
		     LATERAL score_review(x.spec, x.actual_cell, x.weight, x.score, pol.pol) v
		WHERE x.sheet = p.sheet
	), sums AS (
		SELECT count(*) AS n, sum(score) AS scores, count(score) AS scored,
		       count(*) FILTER (WHERE weight IS NOT NULL) AS weighted,
		       count(*) FILTER (WHERE score IS NOT NULL AND weight IS NOT NULL AND score = weight) AS full_marks,
		       count(*) FILTER (WHERE weight IS NULL AND verdict = 'agrees') AS met_unweighted,
		       array_agg(coalesce(level1, level1_label) ORDER BY source_line) FILTER (WHERE weight >= 0) AS l1,
		       array_agg(weight ORDER BY source_line) FILTER (WHERE weight >= 0) AS w
		FROM r
	), budget AS (
		-- amounts that cannot be a budget (negative) are left out rather than fail the review
		SELECT CASE WHEN p.budget_spent >= 0 AND p.budget_total >= 0 AND coalesce(p.budget_weight, 0) >= 0
		                 AND (p.budget_spent <= p.budget_total OR
		                      (SELECT k.value FROM scoring_policy_knobs(pol.pol) k WHERE k.knob = 'budget_reject_over') = 'false')
		            THEN budget_execution_score(p.budget_spent, p.budget_total, p.budget_weight, pol.pol) END AS rule,
		       CASE WHEN p.budget_spent >= 0 AND p.budget_total >= 0
		            THEN budget_execution_rate(p.budget_spent, p.budget_total, pol.pol) END AS rate,
		       CASE WHEN p.budget_rate ~ '^\s*[0-9]+(\.[0-9]+)?\s*[%％]?\s*$'
		            THEN regexp_replace(p.budget_rate, '[^0-9.]', '', 'g')::numeric END AS printed_rate
	)
	-- the printed total against the rows and the budget line
	SELECT 1 AS k, 'total' AS check_code, 'error' AS severity,
	       format('自评表总分%s分，与各指标得分合计%s分加预算执行得分%s分（共%s分）不一致，相差%s分',
	              p.total_score, coalesce(s.scores, 0), coalesce(p.budget_score, 0),
	              coalesce(s.scores, 0) + coalesce(p.budget_score, 0),
	              p.total_score - coalesce(s.scores, 0) - coalesce(p.budget_score, 0)) AS finding
	FROM sums s
	WHERE p.total_score IS NOT NULL AND s.scored > 0
	  AND p.total_score <> coalesce(s.scores, 0) + coalesce(p.budget_score, 0)
	UNION ALL
	-- the budget line's score against its rate under the policy
	SELECT 2, 'budget_score',
	       CASE WHEN p.budget_score IN (round(b.rule, 0), trunc(b.rule, 0), round(b.rule, 1), trunc(b.rule, 1))
	            THEN 'finding' ELSE 'warning' END,
	       format('全年执行数%s万元、全年预算数%s万元，执行率%s%%，按评分规则预算执行得分应为%s分，自评表为%s分%s',
	              p.budget_spent, p.budget_total, round(b.rate * 100, 2), b.rule, p.budget_score,
	              CASE WHEN p.budget_score IN (round(b.rule, 0), trunc(b.rule, 0), round(b.rule, 1), trunc(b.rule, 1))
	                   THEN '，差异仅为取整' ELSE '' END)
	FROM budget b
	WHERE p.budget_score IS NOT NULL AND b.rule IS NOT NULL AND b.rule <> p.budget_score
	UNION ALL
	-- the printed rate against spent / budget
	SELECT 3, 'budget_rate', 'warning',
	       format('自评表执行率为%s，按全年执行数%s万元、全年预算数%s万元计算应为%s%%', p.budget_rate,
	              p.budget_spent, p.budget_total, round(b.rate * 100, 2))
	FROM budget b
	WHERE b.printed_rate IS NOT NULL AND b.rate IS NOT NULL AND abs(b.printed_rate - b.rate * 100) > 0.5
	UNION ALL
	-- the level weights against the policy's split
	SELECT 4, 'weights', 'warning',
	       format('%s%s分，评分规则（%s）为%s分',
	              CASE WHEN c.item = '合计' THEN '各项分值总计' ELSE c.item || '分值合计' END,
	              c.actual, coalesce(policy, 'central'), c.expected)
	FROM sums s, LATERAL weight_check(s.l1, s.w, greatest(p.budget_weight, 0), pol.pol) c
	WHERE s.weighted > 0 AND NOT c.ok AND c.expected IS NOT NULL
	  -- a sheet of another framework (项目决策, 项目管理 ...) has another split
	  AND NOT EXISTS (SELECT 1 FROM r WHERE r.level1 IS NULL AND r.level1_label IS NOT NULL)
	UNION ALL
	-- every row at full marks: a self-evaluation going through the motions
	SELECT 5, 'all_full_marks', 'finding',
	       format('全部%s项指标均为满分，自评可能流于形式，建议核查佐证材料', s.n)
	FROM sums s
	WHERE s.n >= 3 AND s.scored = s.n AND (s.full_marks = s.n OR (s.weighted = 0 AND s.met_unweighted = s.n))
	UNION ALL
	-- rows whose printed score departs from the rules
	SELECT 6, 'departures', 'warning',
	       format('%s项指标的自评得分与评分规则不一致：%s', count(*),
	              string_agg(format('%s（%s）', name, verdict), '；' ORDER BY source_line))
	FROM r
	WHERE verdict NOT IN ('agrees', 'rounding only', 'needs a person', 'no printed score', 'no weight printed')
	HAVING count(*) > 0
	UNION ALL
	-- a score below the weight needs its deviation reason (S1, S2: 偏差原因必填)
	SELECT 8, 'reason_missing', 'warning',
	       format('%s项指标得分低于分值但未填写偏差原因分析及改进措施：%s', count(*),
	              string_agg(name, '；' ORDER BY source_line))
	FROM r
	WHERE score IS NOT NULL AND weight IS NOT NULL AND score < weight AND coalesce(btrim(reason), '') = ''
	HAVING count(*) > 0
	UNION ALL
	-- far beyond the target: no deduction, but the reason is asked for (偏离度)
	SELECT 9, 'over_completion', 'finding',
	       format('%s项指标实际完成值大幅超过指标值，不扣分，但应说明指标值设定是否偏低：%s', count(*),
	              string_agg(format('%s（指标值%s，完成%s）', name, target_cell, actual_cell), '；' ORDER BY source_line))
	FROM r
	WHERE over_completed
	HAVING count(*) > 0
	UNION ALL
	-- rows a person must score
	SELECT 7, 'needs_person', 'finding',
	       format('%s项指标需人工复核：%s', count(*), string_agg(name, '；' ORDER BY source_line))
	FROM r
	WHERE verdict IN ('needs a person', 'no weight printed', 'no printed score')
	HAVING count(*) > 0
	ORDER BY 1
) f
ORDER BY p.sheet, f.k
$f$;
COMMENT ON FUNCTION selfeval_findings(selfeval_sheet[], selfeval_row[], text) IS
'the checks of whole self-evaluation sheets (总分 against the rows and the budget line, the budget score and rate, the level weights, every row at full marks, rows departing from the rules, scores below the weight without a reason, over-completion, rows for a person), one row per finding, in Chinese';

CREATE FUNCTION sheet_review(raw text, format text DEFAULT 'auto', policy text DEFAULT 'central',
	OUT sheet integer, OUT project_name text, OUT check_code text, OUT severity text, OUT finding text)
	RETURNS SETOF record LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
SELECT * FROM selfeval_findings(ARRAY(SELECT p FROM selfeval_projects(raw, format) p),
                                ARRAY(SELECT r FROM selfeval_rows(raw, format) r), policy)
$f$;
COMMENT ON FUNCTION sheet_review(text, text, text) IS
'read self-evaluation sheets and check each whole sheet: one row per finding (selfeval_findings)';

CREATE FUNCTION sheet_review(workbook bytea, policy text DEFAULT 'central',
	OUT sheet integer, OUT project_name text, OUT check_code text, OUT severity text, OUT finding text)
	RETURNS SETOF record LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
SELECT * FROM selfeval_findings(ARRAY(SELECT p FROM selfeval_projects(workbook) p),
                                ARRAY(SELECT r FROM selfeval_rows(workbook) r), policy)
$f$;
COMMENT ON FUNCTION sheet_review(bytea, text) IS
'check each sheet of an xlsx workbook of self-evaluations: one row per finding';
