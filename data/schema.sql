-- Reference schema for one year's goal tables and self-evaluation.
-- Needs the extension: CREATE EXTENSION indicator;

CREATE TABLE goal_project (
	project_code text PRIMARY KEY,			-- 项目编码 (20 or 21 digits: keep as text)
	name text NOT NULL,						-- 项目名称
	year integer NOT NULL,
	department text,						-- 主管部门
	implementer text,						-- 实施单位
	total_funds numeric,					-- 资金总额 (万元)
	fiscal_funds numeric,					-- 财政拨款数
	non_fiscal_funds numeric,				-- 非财政拨款数
	budget_execution_weight numeric,		-- 预算执行率权重 (分值, usually 10)
	annual_goal text						-- 年度目标
);

CREATE TABLE goal_indicator (
	project_code text NOT NULL REFERENCES goal_project,
	source_line integer NOT NULL,			-- line of the source table: the row's identity
	level1 text NOT NULL,					-- 一级指标
	level2 text NOT NULL,					-- 二级指标
	name text NOT NULL,						-- 三级指标
	spec indicator NOT NULL,				-- 指标性质, 指标方向, 目标值, 计量单位
	weight numeric NOT NULL CHECK (weight >= 0),	-- 分值
	note text,								-- 备注
	PRIMARY KEY (project_code, source_line)
);

CREATE TABLE actual_result (				-- 自评: 实际完成值
	project_code text NOT NULL,
	source_line integer NOT NULL,
	actual text,							-- as the form writes it: 96%, 5,200次, 达成, 2022年11月
	deviation_reason text,					-- 偏差原因分析及改进措施
	PRIMARY KEY (project_code, source_line),
	FOREIGN KEY (project_code, source_line) REFERENCES goal_indicator
);

CREATE TABLE budget_execution (				-- 预算执行情况 (万元)
	project_code text PRIMARY KEY REFERENCES goal_project,
	budget numeric NOT NULL,				-- 全年预算数
	spent numeric NOT NULL					-- 全年执行数
);

COMMENT ON TABLE goal_project IS '项目 (budget project): one row per project and year of the goal tables';
COMMENT ON COLUMN goal_project.project_code IS '项目编码 (project code: 20 or 21 digits, kept as text)';
COMMENT ON COLUMN goal_project.name IS '项目名称 (project name)';
COMMENT ON COLUMN goal_project.year IS '年度 (budget year)';
COMMENT ON COLUMN goal_project.department IS '主管部门 (supervising department)';
COMMENT ON COLUMN goal_project.implementer IS '实施单位 (implementing unit)';
COMMENT ON COLUMN goal_project.total_funds IS '资金总额, 万元 (total funds, in 10,000 yuan)';
COMMENT ON COLUMN goal_project.fiscal_funds IS '财政拨款数, 万元 (funds from the budget)';
COMMENT ON COLUMN goal_project.non_fiscal_funds IS '非财政拨款数, 万元 (funds from other sources)';
COMMENT ON COLUMN goal_project.budget_execution_weight IS '预算执行率权重 (the points of budget execution, usually 10)';
COMMENT ON COLUMN goal_project.annual_goal IS '年度目标 (the year''s overall goal)';
COMMENT ON TABLE goal_indicator IS '绩效指标 (performance indicator): one row per indicator of a goal table';
COMMENT ON COLUMN goal_indicator.project_code IS '项目编码 (the project)';
COMMENT ON COLUMN goal_indicator.source_line IS '行号 (line of the source table: the row''s identity)';
COMMENT ON COLUMN goal_indicator.level1 IS '一级指标 (level 1: 产出, 效益, 满意度, 成本)';
COMMENT ON COLUMN goal_indicator.level2 IS '二级指标 (level 2: 数量, 质量, 时效, 成本, 经济效益, ...)';
COMMENT ON COLUMN goal_indicator.name IS '三级指标 (the indicator''s name)';
COMMENT ON COLUMN goal_indicator.spec IS '指标性质, 指标方向, 目标值, 计量单位 (nature, comparator, target and unit)';
COMMENT ON COLUMN goal_indicator.weight IS '分值 (points)';
COMMENT ON COLUMN goal_indicator.note IS '备注 (note)';
COMMENT ON TABLE actual_result IS '自评实际完成值 (self-evaluation: what was achieved)';
COMMENT ON COLUMN actual_result.project_code IS '项目编码 (the project)';
COMMENT ON COLUMN actual_result.source_line IS '行号 (the goal_indicator row)';
COMMENT ON COLUMN actual_result.actual IS '实际完成值, as the form writes it: 96%, 5,200次, 达成, 2022年11月';
COMMENT ON COLUMN actual_result.deviation_reason IS '偏差原因分析及改进措施 (the reason for a deviation, and the remedy)';
COMMENT ON TABLE budget_execution IS '预算执行情况 (budget execution), 万元';
COMMENT ON COLUMN budget_execution.project_code IS '项目编码 (the project)';
COMMENT ON COLUMN budget_execution.budget IS '全年预算数, 万元 (the year''s budget)';
COMMENT ON COLUMN budget_execution.spent IS '全年执行数, 万元 (spent in the year)';

--
-- Views for BI tools and drivers.  Each has one grain, so that summing any
-- of its columns never counts a row twice; every field is a plain column
-- (text, numeric, integer, boolean), never a composite or an indicator;
-- and a cell that does not read leaves its row for a person
-- (needs_person) instead of failing the query (the unreadable=person knob).
--
CREATE VIEW indicator_result AS
SELECT i.project_code, p.name AS project_name, p.year, i.source_line,
       level_name(i.level1) AS level1, level_name(i.level2) AS level2, i.name,
       nature(i.spec) AS nature, comparator(i.spec) AS comparator, i.spec::text AS target,
       target_lower(i.spec) AS target_lower, target_upper(i.spec) AS target_upper,
       target_text(i.spec) AS target_text, unit(i.spec) AS unit,
       i.weight, a.actual,
       d.points AS score, d.attainment, d.met, d.deviation, d.over_completed,
       d.reason_required, d.manual_review,
       coalesce(d.needs_person, false) AS needs_person, d.person_reason,
       a.deviation_reason
FROM goal_indicator i
JOIN goal_project p USING (project_code)
LEFT JOIN actual_result a USING (project_code, source_line)
LEFT JOIN LATERAL score_detail(i.spec, a.actual, i.weight, 'central unreadable=person') d ON true;
COMMENT ON VIEW indicator_result IS '指标得分明细 (one row per indicator: its target, actual and score, every field a plain column)';

CREATE VIEW scorecard_result AS
SELECT s.project_code, p.name AS project_name, p.year, '二级指标'::text AS level,
       s.level1, s.level2, s.level1_key, s.level2_key,
       (s.sc).weight, (s.sc).score, (s.sc).indicators, (s.sc).met, (s.sc).unmet,
       (s.sc).unscored, (s.sc).needs_person, (s.sc).flagged, (s.sc).over_completed,
       (s.sc).reason_required, (s.sc).manual_review, (s.sc).scored_weight,
       NULL::numeric AS budget_execution_rate
FROM (
	SELECT i.project_code, level_name(i.level1) AS level1, level_name(i.level2) AS level2,
	       level_sort_key(level_name(i.level1)) AS level1_key, level_sort_key(level_name(i.level2)) AS level2_key,
	       scorecard(i.spec, a.actual, i.weight, 'central unreadable=person') AS sc
	FROM goal_indicator i
	LEFT JOIN actual_result a USING (project_code, source_line)
	GROUP BY i.project_code, level_name(i.level1), level_name(i.level2)
) s
JOIN goal_project p USING (project_code)
UNION ALL
SELECT p.project_code, p.name, p.year, '预算执行率', '预算执行率', NULL, 950, 0,
       p.budget_execution_weight, budget_execution_score(b.spent, b.budget, p.budget_execution_weight),
       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, p.budget_execution_weight,
       budget_execution_rate(b.spent, b.budget)
FROM goal_project p JOIN budget_execution b USING (project_code);
COMMENT ON VIEW scorecard_result IS '自评得分汇总 (one row per project and level-2 group, and one for 预算执行率: summed by project they give the 总分; level 1 and totals are sums of these rows)';

CREATE VIEW project_result AS
SELECT p.project_code, p.name AS project_name, p.year, p.department, p.implementer,
       s.weight, s.score, grade(s.score) AS grade, s.indicators, s.needs_person, s.unscored,
       s.budget_execution_rate
FROM goal_project p
JOIN (
	SELECT project_code, sum(weight) AS weight, sum(score) AS score, sum(indicators) AS indicators,
	       sum(needs_person) AS needs_person, sum(unscored) AS unscored,
	       max(budget_execution_rate) AS budget_execution_rate
	FROM scorecard_result GROUP BY project_code
) s USING (project_code);
COMMENT ON VIEW project_result IS '项目自评结果 (one row per project: 总分, grade and counts)';

COMMENT ON COLUMN indicator_result.project_code IS '项目编码 (project code)';
COMMENT ON COLUMN indicator_result.project_name IS '项目名称 (project name)';
COMMENT ON COLUMN indicator_result.year IS '年度 (budget year)';
COMMENT ON COLUMN indicator_result.source_line IS '行号 (the goal_indicator row)';
COMMENT ON COLUMN indicator_result.level1 IS '一级指标 (level 1, canonical)';
COMMENT ON COLUMN indicator_result.level2 IS '二级指标 (level 2, canonical)';
COMMENT ON COLUMN indicator_result.name IS '三级指标 (the indicator''s name)';
COMMENT ON COLUMN indicator_result.nature IS '指标性质: 正向, 反向 or 定性 (nature)';
COMMENT ON COLUMN indicator_result.comparator IS '指标方向: >=, >, =, <=, < or range (comparator)';
COMMENT ON COLUMN indicator_result.target IS '目标值, the whole indicator as text (正向 >= 10 次)';
COMMENT ON COLUMN indicator_result.target_lower IS '目标值下限 (the target, or a range''s lower bound)';
COMMENT ON COLUMN indicator_result.target_upper IS '目标值上限 (a range''s upper bound)';
COMMENT ON COLUMN indicator_result.target_text IS '定性目标 (a qualitative target''s text)';
COMMENT ON COLUMN indicator_result.unit IS '计量单位 (unit)';
COMMENT ON COLUMN indicator_result.weight IS '分值 (points)';
COMMENT ON COLUMN indicator_result.actual IS '实际完成值, as the form writes it';
COMMENT ON COLUMN indicator_result.score IS '得分 (points scored; NULL when not yet scored or a person must score it)';
COMMENT ON COLUMN indicator_result.attainment IS '完成率 (fraction of the target achieved, 0 to 1)';
COMMENT ON COLUMN indicator_result.met IS '是否达成 (the target is met)';
COMMENT ON COLUMN indicator_result.deviation IS '偏离度 (deviation from the target)';
COMMENT ON COLUMN indicator_result.over_completed IS '超额完成 (偏离度 reached the threshold)';
COMMENT ON COLUMN indicator_result.reason_required IS '需说明偏差原因 (scored below the weight)';
COMMENT ON COLUMN indicator_result.manual_review IS '需人工复核 (天津/河北)';
COMMENT ON COLUMN indicator_result.needs_person IS '需人工评分 (the actual cannot be scored by the rules)';
COMMENT ON COLUMN indicator_result.person_reason IS '人工评分原因 (why a person must score the row)';
COMMENT ON COLUMN indicator_result.deviation_reason IS '偏差原因分析及改进措施 (the reason given)';
COMMENT ON COLUMN scorecard_result.project_code IS '项目编码 (project code)';
COMMENT ON COLUMN scorecard_result.project_name IS '项目名称 (project name)';
COMMENT ON COLUMN scorecard_result.year IS '年度 (budget year)';
COMMENT ON COLUMN scorecard_result.level IS '行类型: 二级指标 (a level-2 group) or 预算执行率 (the budget line)';
COMMENT ON COLUMN scorecard_result.level1 IS '一级指标 (level 1; 预算执行率 on the budget line)';
COMMENT ON COLUMN scorecard_result.level2 IS '二级指标 (level 2; NULL on the budget line)';
COMMENT ON COLUMN scorecard_result.level1_key IS '一级指标排序 (sort key of level 1, as the forms order them)';
COMMENT ON COLUMN scorecard_result.level2_key IS '二级指标排序 (sort key of level 2)';
COMMENT ON COLUMN scorecard_result.weight IS '分值 (points of the group or the budget line)';
COMMENT ON COLUMN scorecard_result.score IS '得分 (points scored)';
COMMENT ON COLUMN scorecard_result.indicators IS '指标数 (indicators in the group)';
COMMENT ON COLUMN scorecard_result.met IS '达成数 (indicators met)';
COMMENT ON COLUMN scorecard_result.unmet IS '未达成数 (indicators missed)';
COMMENT ON COLUMN scorecard_result.unscored IS '待评数 (indicators without an actual)';
COMMENT ON COLUMN scorecard_result.needs_person IS '需人工评分数 (indicators only a person can score)';
COMMENT ON COLUMN scorecard_result.flagged IS '需说明数 (over-completed, reason required or manual review)';
COMMENT ON COLUMN scorecard_result.over_completed IS '超额完成数';
COMMENT ON COLUMN scorecard_result.reason_required IS '需说明偏差原因数';
COMMENT ON COLUMN scorecard_result.manual_review IS '需人工复核数';
COMMENT ON COLUMN scorecard_result.scored_weight IS '已评分值 (weights of the scored indicators)';
COMMENT ON COLUMN scorecard_result.budget_execution_rate IS '预算执行率 (spent / budget, on the budget line)';
COMMENT ON COLUMN project_result.project_code IS '项目编码 (project code)';
COMMENT ON COLUMN project_result.project_name IS '项目名称 (project name)';
COMMENT ON COLUMN project_result.year IS '年度 (budget year)';
COMMENT ON COLUMN project_result.department IS '主管部门 (supervising department)';
COMMENT ON COLUMN project_result.implementer IS '实施单位 (implementing unit)';
COMMENT ON COLUMN project_result.weight IS '总分值 (points of the sheet, usually 100)';
COMMENT ON COLUMN project_result.score IS '总分 (the total score, the budget line included)';
COMMENT ON COLUMN project_result.grade IS '评价等级: 优, 良, 中, 差 (grade of the total)';
COMMENT ON COLUMN project_result.indicators IS '指标数 (indicators of the project)';
COMMENT ON COLUMN project_result.needs_person IS '需人工评分数 (indicators only a person can score)';
COMMENT ON COLUMN project_result.unscored IS '待评数 (indicators without an actual)';
COMMENT ON COLUMN project_result.budget_execution_rate IS '预算执行率 (spent / budget)';
