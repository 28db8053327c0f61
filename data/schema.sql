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
	annual_goal text,						-- 年度目标
	policy text NOT NULL DEFAULT 'central',	-- scoring, monitoring and review policy (preset knob=value ...)
	attribute text,							-- 项目属性 (经常性项目 / 一次性项目), where the table has one
	period_start date,						-- 项目期限, where known
	period_end date
);
CREATE INDEX goal_project_name_year ON goal_project (name, year);	-- 历史标准: earlier tables by name

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

-- 目标调整: a target changed during the year.  goal_indicator keeps the
-- target as declared; monitoring and scoring use the target in force.
CREATE TABLE goal_adjustment (
	project_code text NOT NULL,
	source_line integer NOT NULL,
	adjusted_on date NOT NULL,				-- 调整日期
	original indicator NOT NULL,			-- the target before this change
	adjusted indicator NOT NULL,			-- the target from this date on
	reason text NOT NULL,					-- 调整原因
	PRIMARY KEY (project_code, source_line, adjusted_on),
	FOREIGN KEY (project_code, source_line) REFERENCES goal_indicator
);

-- 运行监控 (双监控): each indicator's value to date at a cut-off, and the funds
CREATE TABLE monitor_result (
	project_code text NOT NULL,
	source_line integer NOT NULL,
	as_of date NOT NULL,					-- 监控截止日期: 2022-07-31 for 1-7月
	actual_to_date text,					-- 1-7月执行情况, as the form writes it: 46%, 3次, 达成
	deviation_reason text CHECK (deviation_reason IN ('经费保障', '制度保障', '人员保障', '硬件条件保障', '其他')),
	likelihood text CHECK (likelihood IN ('确定能', '有可能', '完全不可能')),	-- 完成目标可能性
	remedy text,							-- 原因说明及纠偏措施, 备注
	PRIMARY KEY (project_code, source_line, as_of),
	FOREIGN KEY (project_code, source_line) REFERENCES goal_indicator
);

CREATE TABLE budget_monitor (
	project_code text NOT NULL REFERENCES goal_project,
	as_of date NOT NULL,
	budget numeric NOT NULL CHECK (budget >= 0),	-- 年初预算数 (or the adjusted budget), 万元
	spent numeric NOT NULL CHECK (spent >= 0),		-- 1-7月执行数, 万元
	PRIMARY KEY (project_code, as_of)
);

-- The target of a row in force on a day: the last adjustment made by then,
-- else the target as declared.
CREATE FUNCTION target_in_force(code text, line integer, on_day date) RETURNS indicator
LANGUAGE sql STABLE PARALLEL SAFE AS $$
	SELECT coalesce((SELECT g.adjusted FROM goal_adjustment g
	                 WHERE g.project_code = code AND g.source_line = line AND g.adjusted_on <= on_day
	                 ORDER BY g.adjusted_on DESC LIMIT 1),
	                (SELECT i.spec FROM goal_indicator i WHERE i.project_code = code AND i.source_line = line))
$$;
COMMENT ON FUNCTION target_in_force(text, integer, date) IS
'调整后目标: the target of a goal_indicator row in force on a day (the last goal_adjustment by then, else the declared target)';

-- every row with its target in force today (what scoring uses) and as declared
CREATE VIEW goal_indicator_current AS
SELECT i.project_code, i.source_line, i.level1, i.level2, i.name,
       coalesce(a.adjusted, i.spec) AS spec, i.weight, i.note,
       i.spec AS declared_spec, a.adjusted_on
FROM goal_indicator i
LEFT JOIN LATERAL (SELECT g.adjusted, g.adjusted_on FROM goal_adjustment g
                   WHERE g.project_code = i.project_code AND g.source_line = i.source_line
                   ORDER BY g.adjusted_on DESC LIMIT 1) a ON true;
COMMENT ON VIEW goal_indicator_current IS '绩效指标 (调整后): goal_indicator with the target in force after every adjustment, and the target as declared';
COMMENT ON COLUMN goal_indicator_current.project_code IS '项目编码 (the project)';
COMMENT ON COLUMN goal_indicator_current.source_line IS '行号 (the goal_indicator row)';
COMMENT ON COLUMN goal_indicator_current.level1 IS '一级指标';
COMMENT ON COLUMN goal_indicator_current.level2 IS '二级指标';
COMMENT ON COLUMN goal_indicator_current.name IS '三级指标';
COMMENT ON COLUMN goal_indicator_current.spec IS '目标值 in force (the last adjustment, else as declared)';
COMMENT ON COLUMN goal_indicator_current.weight IS '分值 (points)';
COMMENT ON COLUMN goal_indicator_current.note IS '备注 (note)';
COMMENT ON COLUMN goal_indicator_current.declared_spec IS '原目标值 (the target as the goal table declared it)';
COMMENT ON COLUMN goal_indicator_current.adjusted_on IS '调整日期 (the last adjustment; NULL when never adjusted)';

-- 目标调整情况: every change, with the target before and after
CREATE VIEW goal_change AS
SELECT g.project_code, p.name AS project_name, p.year, g.source_line,
       level_name(i.level1) AS level1, level_name(i.level2) AS level2, i.name,
       g.adjusted_on, g.original::text AS original, g.adjusted::text AS adjusted, g.reason,
       i.spec::text AS declared
FROM goal_adjustment g
JOIN goal_indicator i USING (project_code, source_line)
JOIN goal_project p USING (project_code);
COMMENT ON VIEW goal_change IS '目标调整情况 (one row per adjustment of a target: before, after, date and reason)';
COMMENT ON COLUMN goal_change.project_code IS '项目编码 (project code)';
COMMENT ON COLUMN goal_change.project_name IS '项目名称 (project name)';
COMMENT ON COLUMN goal_change.year IS '年度 (budget year)';
COMMENT ON COLUMN goal_change.source_line IS '行号 (the goal_indicator row)';
COMMENT ON COLUMN goal_change.level1 IS '一级指标 (level 1, canonical)';
COMMENT ON COLUMN goal_change.level2 IS '二级指标 (level 2, canonical)';
COMMENT ON COLUMN goal_change.name IS '三级指标 (the indicator''s name)';
COMMENT ON COLUMN goal_change.adjusted_on IS '调整日期 (date of the change)';
COMMENT ON COLUMN goal_change.original IS '调整前 (the target before the change)';
COMMENT ON COLUMN goal_change.adjusted IS '调整后 (the target after the change)';
COMMENT ON COLUMN goal_change.reason IS '调整原因 (why)';
COMMENT ON COLUMN goal_change.declared IS '原目标值 (the target as first declared)';

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
COMMENT ON COLUMN goal_project.policy IS '评分与监控口径: the policy the views score and monitor the project by (central, 四川, ''central year=2022'' ...)';
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
COMMENT ON TABLE goal_adjustment IS '目标调整 (a target changed during the year, with the date and the reason)';
COMMENT ON COLUMN goal_adjustment.project_code IS '项目编码 (the project)';
COMMENT ON COLUMN goal_adjustment.source_line IS '行号 (the goal_indicator row)';
COMMENT ON COLUMN goal_adjustment.adjusted_on IS '调整日期 (the target applies from this day)';
COMMENT ON COLUMN goal_adjustment.original IS '调整前目标值 (the target before this change)';
COMMENT ON COLUMN goal_adjustment.adjusted IS '调整后目标值 (the target from this day on)';
COMMENT ON COLUMN goal_adjustment.reason IS '调整原因 (why the target changed)';
COMMENT ON TABLE monitor_result IS '运行监控 (monitoring: each indicator''s value to date at a cut-off, with the reason and likelihood the unit gave)';
COMMENT ON COLUMN monitor_result.project_code IS '项目编码 (the project)';
COMMENT ON COLUMN monitor_result.source_line IS '行号 (the goal_indicator row)';
COMMENT ON COLUMN monitor_result.as_of IS '监控截止日期 (the cut-off: 2022-07-31 for 1-7月)';
COMMENT ON COLUMN monitor_result.actual_to_date IS '1-7月执行情况 (the value to date, as the form writes it)';
COMMENT ON COLUMN monitor_result.deviation_reason IS '偏差原因: 经费保障, 制度保障, 人员保障, 硬件条件保障 or 其他';
COMMENT ON COLUMN monitor_result.likelihood IS '完成目标可能性: 确定能, 有可能 or 完全不可能';
COMMENT ON COLUMN monitor_result.remedy IS '原因说明及纠偏措施 (the explanation and the fix), 备注';
COMMENT ON TABLE budget_monitor IS '预算执行监控 (the funds at a cut-off), 万元';
COMMENT ON COLUMN budget_monitor.project_code IS '项目编码 (the project)';
COMMENT ON COLUMN budget_monitor.as_of IS '监控截止日期 (the cut-off)';
COMMENT ON COLUMN budget_monitor.budget IS '年初预算数, 万元 (the budget, or the budget as adjusted)';
COMMENT ON COLUMN budget_monitor.spent IS '1-7月执行数, 万元 (spent by the cut-off)';

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
       a.deviation_reason, i.declared_spec::text AS declared_target
FROM goal_indicator_current i
JOIN goal_project p USING (project_code)
LEFT JOIN actual_result a USING (project_code, source_line)
LEFT JOIN LATERAL score_detail(i.spec, a.actual, i.weight, p.policy || ' unreadable=person') d ON true;
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
	       scorecard(i.spec, a.actual, i.weight, p.policy || ' unreadable=person') AS sc
	FROM goal_indicator_current i
	JOIN goal_project p USING (project_code)
	LEFT JOIN actual_result a USING (project_code, source_line)
	GROUP BY i.project_code, level_name(i.level1), level_name(i.level2)
) s
JOIN goal_project p USING (project_code)
UNION ALL
SELECT p.project_code, p.name, p.year, '预算执行率', '预算执行率', NULL, 950, 0,
       p.budget_execution_weight, budget_execution_score(b.spent, b.budget, p.budget_execution_weight, p.policy),
       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, p.budget_execution_weight,
       budget_execution_rate(b.spent, b.budget)
FROM goal_project p JOIN budget_execution b USING (project_code);
COMMENT ON VIEW scorecard_result IS '自评得分汇总 (one row per project and level-2 group, and one for 预算执行率: summed by project they give the 总分; level 1 and totals are sums of these rows)';

CREATE VIEW project_result AS
SELECT p.project_code, p.name AS project_name, p.year, p.department, p.implementer,
       s.weight, s.score, grade(s.score, p.policy) AS grade, s.indicators, s.needs_person, s.unscored,
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
COMMENT ON COLUMN indicator_result.declared_target IS '原目标值 (the target as declared; target is the one in force after adjustments)';
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

--
-- Monitoring views (运行监控), one grain each like the views above: the
-- target in force at the cut-off, the project's policy, and a cell that
-- does not read left for a person (no light) instead of failing the query.
--
CREATE VIEW indicator_monitor_result AS
SELECT m.project_code, p.name AS project_name, p.year, m.as_of, m.source_line,
       level_name(i.level1) AS level1, level_name(i.level2) AS level2, i.name,
       t.spec::text AS target, i.spec::text AS declared_target, t.spec <> i.spec AS adjusted,
       i.weight, m.actual_to_date,
       d.progress, d.time_progress, d.completion, d.light, d.reason_required,
       d.forecast, d.forecast_met,
       m.deviation_reason, m.likelihood, m.remedy,
       d.reason_required AND m.deviation_reason IS NULL AS reason_missing
FROM monitor_result m
JOIN goal_indicator i USING (project_code, source_line)
JOIN goal_project p USING (project_code)
CROSS JOIN LATERAL (SELECT target_in_force(m.project_code, m.source_line, m.as_of) AS spec) t
LEFT JOIN LATERAL monitor_detail(t.spec, m.actual_to_date, m.as_of, p.policy || ' unreadable=person',
                                 level_name(i.level2), m.likelihood) d ON true;
COMMENT ON VIEW indicator_monitor_result IS '指标监控明细 (one row per indicator and cut-off: value to date, progress, light, forecast, reason)';

CREATE VIEW budget_monitor_result AS
SELECT b.project_code, p.name AS project_name, p.year, b.as_of, b.budget, b.spent,
       x.rate, x.time_progress, x.progress, x.light, x.forecast, x.checkpoint, x.checkpoint_warning
FROM budget_monitor b
JOIN goal_project p USING (project_code)
CROSS JOIN LATERAL budget_progress(b.spent, b.budget, b.as_of, p.policy) x;
COMMENT ON VIEW budget_monitor_result IS '预算执行监控 (one row per project and cut-off: execution rate, progress against time, light, forecast)';

CREATE VIEW project_monitor_result AS
SELECT g.project_code, p.name AS project_name, p.year, g.as_of,
       (g.m).light AS goal_light, (g.m).indicators, (g.m).red, (g.m).yellow, (g.m).green,
       (g.m).blue, (g.m).unlit, (g.m).reasons, g.reasons_missing, (g.m).progress AS goal_progress,
       b.light AS budget_light, b.rate AS budget_rate,
       project_light((g.m).light, b.light, p.policy) AS project_light,
       progress_gap((g.m).progress, b.rate, p.policy) AS progress_gap
FROM (
	SELECT m.project_code, m.as_of,
	       monitor(target_in_force(m.project_code, m.source_line, m.as_of), m.actual_to_date, i.weight,
	               m.as_of, p.policy || ' unreadable=person', level_name(i.level2)) AS m,
	       count(*) FILTER (WHERE r.reason_missing) AS reasons_missing
	FROM monitor_result m
	JOIN goal_indicator i USING (project_code, source_line)
	JOIN goal_project p USING (project_code)
	JOIN indicator_monitor_result r USING (project_code, source_line, as_of)
	GROUP BY m.project_code, m.as_of
) g
JOIN goal_project p USING (project_code)
LEFT JOIN budget_monitor_result b USING (project_code, as_of);
COMMENT ON VIEW project_monitor_result IS '项目监控结果 (one row per project and cut-off: goal light, counts per light, budget light, project light)';

COMMENT ON COLUMN indicator_monitor_result.project_code IS '项目编码 (project code)';
COMMENT ON COLUMN indicator_monitor_result.project_name IS '项目名称 (project name)';
COMMENT ON COLUMN indicator_monitor_result.year IS '年度 (budget year)';
COMMENT ON COLUMN indicator_monitor_result.as_of IS '监控截止日期 (the cut-off)';
COMMENT ON COLUMN indicator_monitor_result.source_line IS '行号 (the goal_indicator row)';
COMMENT ON COLUMN indicator_monitor_result.level1 IS '一级指标 (level 1, canonical)';
COMMENT ON COLUMN indicator_monitor_result.level2 IS '二级指标 (level 2, canonical)';
COMMENT ON COLUMN indicator_monitor_result.name IS '三级指标 (the indicator''s name)';
COMMENT ON COLUMN indicator_monitor_result.target IS '年度指标值 in force at the cut-off (after adjustments made by then)';
COMMENT ON COLUMN indicator_monitor_result.declared_target IS '原目标值 (the target as declared)';
COMMENT ON COLUMN indicator_monitor_result.adjusted IS '已调整 (the target in force differs from the declared one)';
COMMENT ON COLUMN indicator_monitor_result.weight IS '分值 (points)';
COMMENT ON COLUMN indicator_monitor_result.actual_to_date IS '1-7月执行情况 (the value to date, as written)';
COMMENT ON COLUMN indicator_monitor_result.progress IS '进度 p = a / (t × τ) × 100 (NULL when not pro-rated)';
COMMENT ON COLUMN indicator_monitor_result.time_progress IS '序时进度 τ × 100';
COMMENT ON COLUMN indicator_monitor_result.completion IS '完成率 a / t × 100 (NULL for 定性)';
COMMENT ON COLUMN indicator_monitor_result.light IS '监控灯: 红, 黄, 绿, 蓝 (NULL: a person must judge)';
COMMENT ON COLUMN indicator_monitor_result.reason_required IS '需填写偏差原因';
COMMENT ON COLUMN indicator_monitor_result.forecast IS '全年预计完成值 (numbers)';
COMMENT ON COLUMN indicator_monitor_result.forecast_met IS '预计能否完成';
COMMENT ON COLUMN indicator_monitor_result.deviation_reason IS '偏差原因 (as given)';
COMMENT ON COLUMN indicator_monitor_result.likelihood IS '完成目标可能性 (as given)';
COMMENT ON COLUMN indicator_monitor_result.remedy IS '原因说明及纠偏措施';
COMMENT ON COLUMN indicator_monitor_result.reason_missing IS '缺偏差原因 (a reason is required and none is given)';
COMMENT ON COLUMN budget_monitor_result.project_code IS '项目编码 (project code)';
COMMENT ON COLUMN budget_monitor_result.project_name IS '项目名称 (project name)';
COMMENT ON COLUMN budget_monitor_result.year IS '年度 (budget year)';
COMMENT ON COLUMN budget_monitor_result.as_of IS '监控截止日期 (the cut-off)';
COMMENT ON COLUMN budget_monitor_result.budget IS '年初预算数, 万元';
COMMENT ON COLUMN budget_monitor_result.spent IS '1-7月执行数, 万元';
COMMENT ON COLUMN budget_monitor_result.rate IS '执行率 % (spent / budget × 100)';
COMMENT ON COLUMN budget_monitor_result.time_progress IS '序时进度 %';
COMMENT ON COLUMN budget_monitor_result.progress IS '预算执行进度 % (rate / time progress × 100)';
COMMENT ON COLUMN budget_monitor_result.light IS '预算执行灯: 红, 黄, 绿';
COMMENT ON COLUMN budget_monitor_result.forecast IS '全年预计执行数, 万元 (spent / τ)';
COMMENT ON COLUMN budget_monitor_result.checkpoint IS '节点要求 % (四川: cumulative execution due by the last checkpoint passed)';
COMMENT ON COLUMN budget_monitor_result.checkpoint_warning IS '节点预警 (四川: the rate is below the checkpoint)';
COMMENT ON COLUMN project_monitor_result.project_code IS '项目编码 (project code)';
COMMENT ON COLUMN project_monitor_result.project_name IS '项目名称 (project name)';
COMMENT ON COLUMN project_monitor_result.year IS '年度 (budget year)';
COMMENT ON COLUMN project_monitor_result.as_of IS '监控截止日期 (the cut-off)';
COMMENT ON COLUMN project_monitor_result.goal_light IS '目标灯: the worst indicator light';
COMMENT ON COLUMN project_monitor_result.indicators IS '指标数';
COMMENT ON COLUMN project_monitor_result.red IS '红灯数';
COMMENT ON COLUMN project_monitor_result.yellow IS '黄灯数';
COMMENT ON COLUMN project_monitor_result.green IS '绿灯数';
COMMENT ON COLUMN project_monitor_result.blue IS '蓝灯数';
COMMENT ON COLUMN project_monitor_result.unlit IS '未亮灯数 (no value, or a person must judge)';
COMMENT ON COLUMN project_monitor_result.reasons IS '需说明偏差原因数';
COMMENT ON COLUMN project_monitor_result.reasons_missing IS '缺偏差原因数 (required and not given)';
COMMENT ON COLUMN project_monitor_result.goal_progress IS '目标完成进度 % (weighted mean completion of the targets to reach)';
COMMENT ON COLUMN project_monitor_result.budget_light IS '预算执行灯';
COMMENT ON COLUMN project_monitor_result.budget_rate IS '预算执行率 %';
COMMENT ON COLUMN project_monitor_result.project_light IS '项目监控灯 (the goal light, or 合肥''s two-flag light)';
COMMENT ON COLUMN project_monitor_result.progress_gap IS '进度偏差预警 (四川: goal and budget progress more than 10 points apart)';

-- 目标审核: each project's goal table reviewed (R1-R16), against the tables
-- of the two years before it where they are held (历史标准 H1, H2).  An
-- earlier table is found by the project's name: here a code is one
-- project of one year (the codes carry the year), so it cannot match.
CREATE VIEW goal_review_result AS
SELECT p.project_code, p.name AS project_name, p.year, f.rule, f.dimension, f.severity, f.indicators,
       f.source_lines, f.message
FROM goal_project p,
     LATERAL goal_review(
	ARRAY[ROW(p.project_code, p.name, p.year, p.department, p.total_funds, p.fiscal_funds,
	          p.non_fiscal_funds, p.budget_execution_weight, p.annual_goal, p.attribute,
	          p.period_start, p.period_end)::goal_review_project],
	ARRAY(SELECT ROW(i.project_code, i.level1, i.level2, i.name, i.spec, i.weight, i.source_line, NULL)::goal_review_row
	      FROM goal_indicator i WHERE i.project_code = p.project_code ORDER BY i.source_line),
	p.policy,
	ARRAY(SELECT ROW(h.project_code, hp.name, hp.year, h.name, h.spec, a.actual, h.source_line)::goal_review_history
	      FROM goal_project hp
	      JOIN goal_indicator h ON h.project_code = hp.project_code
	      LEFT JOIN actual_result a ON a.project_code = h.project_code AND a.source_line = h.source_line
	      WHERE hp.year IN (p.year - 1, p.year - 2)
	        AND hp.name = p.name)) f;

-- each project's review grade (88号: 优 into the budget, 良 after
-- consultation, 中 revise and resubmit, 差 not budgeted)
CREATE VIEW project_review_result AS
SELECT p.project_code, p.name, p.year,
       count(f.rule) FILTER (WHERE f.severity = 'error') AS errors,
       count(f.rule) FILTER (WHERE f.severity = 'warning') AS warnings,
       count(f.rule) FILTER (WHERE f.severity = 'finding') AS findings,
       review_grade(count(f.rule) FILTER (WHERE f.severity = 'error'),
                    count(f.rule) FILTER (WHERE f.severity = 'warning'),
                    coalesce(bool_or(f.rule = 'R1' AND f.severity = 'error'), false), p.policy) AS grade
FROM goal_project p
     LEFT JOIN goal_review_result f ON f.project_code = p.project_code AND f.year = p.year
GROUP BY p.project_code, p.name, p.year, p.policy;
COMMENT ON COLUMN goal_project.attribute IS '项目属性 (经常性项目 / 一次性项目) where the table has one; NULL: the table has none (R12 silent)';
COMMENT ON COLUMN goal_project.period_start IS '项目期限: first day, where known (R11)';
COMMENT ON COLUMN goal_project.period_end IS '项目期限: last day, where known (R11)';
COMMENT ON VIEW goal_review_result IS '目标审核: the findings of every project''s goal table (goal_review), with earlier years'' tables as 历史标准';
COMMENT ON COLUMN goal_review_result.project_code IS '项目编码';
COMMENT ON COLUMN goal_review_result.project_name IS '项目名称';
COMMENT ON COLUMN goal_review_result.year IS '年度 of the table reviewed';
COMMENT ON COLUMN goal_review_result.rule IS 'R1-R16, H1, H2 (README: Reviewing goal tables)';
COMMENT ON COLUMN goal_review_result.dimension IS '88号 dimension: 完整性, 相关性, 适当性 or 可行性';
COMMENT ON COLUMN goal_review_result.severity IS 'error, warning or finding, as the policy''s review_* knob sets it';
COMMENT ON COLUMN goal_review_result.indicators IS '三级指标 concerned (empty for a finding about the whole project)';
COMMENT ON COLUMN goal_review_result.source_lines IS 'their source lines (goal_indicator.source_line)';
COMMENT ON COLUMN goal_review_result.message IS '审核意见: the finding in Chinese, to paste into a review opinion';
COMMENT ON VIEW project_review_result IS '目标审核: each project''s counts of findings and its 88号 grade 优/良/中/差';
COMMENT ON COLUMN project_review_result.project_code IS '项目编码';
COMMENT ON COLUMN project_review_result.name IS '项目名称';
COMMENT ON COLUMN project_review_result.year IS '年度';
COMMENT ON COLUMN project_review_result.errors IS 'findings at severity error';
COMMENT ON COLUMN project_review_result.warnings IS 'findings at severity warning';
COMMENT ON COLUMN project_review_result.findings IS 'findings at severity finding (for a person; never lower the grade)';
COMMENT ON COLUMN project_review_result.grade IS '优 (into the budget), 良 (after consultation), 中 (revise and resubmit), 差 (not budgeted): review_grade()';
