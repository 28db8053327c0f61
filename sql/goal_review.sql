--
-- Goal-table review (目标审核): every rule fires on a case made for it and
-- stays silent on the clean project; then the bundled and the real tables,
-- whose findings were checked by hand (the reason is beside each).
--
\getenv abs_srcdir PG_ABS_SRCDIR
\set tables :abs_srcdir '/data/goal_tables_2022.txt'

-- a clean project: 产出 50, 效益 30, 满意度 10, budget 10; funds add up
CREATE TEMP TABLE rp (p goal_review_project);
INSERT INTO rp VALUES (ROW('P1', '社区居家养老服务项目', 2022, '民政局', 100, 80, 20, 10,
	'为500名老人提供居家养老服务，提高老人生活质量', NULL, NULL, NULL));
CREATE TEMP TABLE rr (k int, r goal_review_row);
INSERT INTO rr VALUES
 (1, ROW('P1', '产出指标', '数量指标', '服务老人人数', '正向 >= 500 人', 20, 11, NULL)),
 (2, ROW('P1', '产出指标', '质量指标', '服务合格率', '正向 >= 95 %', 10, 12, NULL)),
 (3, ROW('P1', '产出指标', '时效指标', '服务完成时间', '定性 2022年12月前', 10, 13, NULL)),
 (4, ROW('P1', '产出指标', '成本指标', '人均服务成本', '反向 <= 1600 元/人', 10, 14, NULL)),
 (5, ROW('P1', '效益指标', '社会效益指标', '老人生活质量改善比例', '正向 >= 80 %', 15, 15, NULL)),
 (6, ROW('P1', '效益指标', '可持续影响指标', '服务机制持续运行年限', '正向 >= 3 年', 15, 16, NULL)),
 (7, ROW('P1', '满意度指标', '服务对象满意度指标', '服务老人满意度', '正向 >= 90 %', 10, 17, NULL));

CREATE FUNCTION pg_temp.review(policy text DEFAULT 'central', history goal_review_history[] DEFAULT NULL)
RETURNS TABLE (rule text, dimension text, severity text, indicators text[], source_lines int[], message text)
LANGUAGE sql AS $$
	SELECT rule, dimension, severity, indicators, source_lines, message
	FROM goal_review(ARRAY(SELECT p FROM rp), ARRAY(SELECT r FROM rr ORDER BY k), policy, history)
$$;

-- the clean project: no finding, grade 优
SELECT * FROM pg_temp.review();
SELECT errors, warnings, findings, grade
FROM goal_review_grades(ARRAY(SELECT p FROM rp), ARRAY(SELECT r FROM rr ORDER BY k));

-- R1: no 满意度 row (the weights then miss 满意度's 10 too: R6)
BEGIN;
DELETE FROM rr WHERE k = 7;
SELECT rule, severity, message FROM pg_temp.review();
SELECT grade FROM goal_review_grades(ARRAY(SELECT p FROM rp), ARRAY(SELECT r FROM rr ORDER BY k));
ROLLBACK;

-- R2: a dash, then nothing, for the annual goal
BEGIN;
UPDATE rp SET p.annual_goal = ' — ';
SELECT rule, severity, message FROM pg_temp.review();
UPDATE rp SET p.annual_goal = NULL;
SELECT rule, severity, message FROM pg_temp.review();
ROLLBACK;

-- R3: a placeholder, then an empty target (spec NULL, the cell as printed)
BEGIN;
UPDATE rr SET r.spec = NULL, r.target_cell = '≥**人' WHERE k = 1;
UPDATE rr SET r.spec = NULL, r.target_cell = NULL WHERE k = 2;
SELECT rule, severity, source_lines, message FROM pg_temp.review();
ROLLBACK;

-- R4: a number without a unit; R8: a percentage above 100
BEGIN;
UPDATE rr SET r.spec = '正向 >= 500' WHERE k = 1;
UPDATE rr SET r.spec = '正向 >= 120 %' WHERE k = 2;
SELECT rule, severity, source_lines, message FROM pg_temp.review();
ROLLBACK;
-- ... 100 % itself is no finding
BEGIN;
UPDATE rr SET r.spec = '正向 = 100 %' WHERE k = 2;
SELECT count(*) AS findings FROM pg_temp.review();
ROLLBACK;

-- R5: the same name twice; a 无 row (not applicable, 0 points) is passed over
BEGIN;
UPDATE rr SET r.name = '服务老人人数' WHERE k = 2;
INSERT INTO rr VALUES (8, ROW('P1', '效益指标', '生态效益指标', '无', '定性 无', 0, 18, NULL)),
                      (9, ROW('P1', '效益指标', '经济效益指标', '无', '定性 无', 0, 19, NULL));
SELECT rule, severity, source_lines, message FROM pg_temp.review();
ROLLBACK;

-- R6: a row at 0, a level off its share, a total off 100
BEGIN;
UPDATE rr SET r.weight = 0 WHERE k = 2;
SELECT rule, severity, message FROM pg_temp.review();
ROLLBACK;
BEGIN;
UPDATE rr SET r.weight = 12 WHERE k = 6;
UPDATE rr SET r.weight = 13 WHERE k = 5;
UPDATE rp SET p.budget_execution_weight = 5;
SELECT rule, severity, message FROM pg_temp.review();
ROLLBACK;
-- ... the levels right, the budget line short of 100
BEGIN;
UPDATE rp SET p.budget_execution_weight = 5;
SELECT rule, severity, message FROM pg_temp.review();
ROLLBACK;
-- ... a table that prints no weights at all says nothing
BEGIN;
UPDATE rr SET r.weight = NULL;
SELECT count(*) AS findings FROM pg_temp.review();
ROLLBACK;

-- R7: a cost written >=, warning by default and error under the knob (U1)
BEGIN;
UPDATE rr SET r.spec = '正向 >= 1600 元/人' WHERE k = 4;
SELECT rule, severity, message FROM pg_temp.review();
SELECT rule, severity FROM pg_temp.review('central review_r7=error');
SELECT count(*) AS findings FROM pg_temp.review('review_r7=off');
ROLLBACK;

-- R9: funds that do not add up; within 0.1 万元 they do
BEGIN;
UPDATE rp SET p.fiscal_funds = 70;
SELECT rule, severity, message FROM pg_temp.review();
UPDATE rp SET p.fiscal_funds = 79.95;
SELECT count(*) AS findings FROM pg_temp.review();
SELECT rule FROM pg_temp.review('review_funds_tolerance=0');
ROLLBACK;

-- R10: money costs above 资金总额, converted to 万元 (1,000,000 元 = 100 万元 is within)
BEGIN;
INSERT INTO rr VALUES (8, ROW('P1', '成本指标', '经济成本指标', '设备购置成本', '反向 <= 1000000 元', 0.5, 18, NULL));
UPDATE rr SET r.weight = 9.5 WHERE k = 4;
SELECT count(*) AS findings FROM pg_temp.review();
UPDATE rr SET r.spec = '反向 <= 30 万元' WHERE k = 8;
INSERT INTO rr VALUES (9, ROW('P1', '成本指标', '经济成本指标', '场地租金', '反向 <= 800000 元', 0, 19, NULL));
SELECT rule, severity, source_lines, message FROM pg_temp.review() WHERE rule = 'R10';
-- ... a row that is the sum of the others is their total, counted once (30 + 80 = 110 万元 is over)
INSERT INTO rr VALUES (10, ROW('P1', '成本指标', '经济成本指标', '项目总成本', '反向 <= 110 万元', 0, 20, NULL));
SELECT rule, source_lines, message FROM pg_temp.review() WHERE rule = 'R10';
UPDATE rr SET r.spec = '反向 <= 60 元/人' WHERE k = 9;
UPDATE rr SET r.spec = '反向 <= 30 万元' WHERE k = 10;
SELECT count(*) AS findings FROM pg_temp.review() WHERE rule = 'R10';
ROLLBACK;

-- R11: a deadline after the table's year; then one outside the project's period
BEGIN;
UPDATE rr SET r.spec = '定性 2023年3月前' WHERE k = 3;
SELECT rule, severity, message FROM pg_temp.review();
UPDATE rr SET r.spec = '定性 2022年12月前' WHERE k = 3;
UPDATE rp SET p.period_start = '2022-01-01', p.period_end = '2022-06-30';
SELECT rule, severity, message FROM pg_temp.review();
UPDATE rp SET p.period_end = '2024-12-31';
SELECT count(*) AS findings FROM pg_temp.review();
ROLLBACK;

-- R12: 项目属性 where the table has one
BEGIN;
UPDATE rp SET p.attribute = '新增项目';
SELECT rule, severity, message FROM pg_temp.review();
UPDATE rp SET p.attribute = '';
SELECT rule, severity, message FROM pg_temp.review();
UPDATE rp SET p.attribute = '经常性项目';
SELECT count(*) AS findings FROM pg_temp.review();
ROLLBACK;

-- R13: a name restating its level 2, a target with no measure
BEGIN;
UPDATE rr SET r.name = '社会效益显著', r.spec = '正向 >= 80 %' WHERE k = 5;
UPDATE rr SET r.spec = '定性 有效提高' WHERE k = 6;
SELECT rule, severity, source_lines, message FROM pg_temp.review();
ROLLBACK;
-- ... every 效益 row at one percentage of 95 or more
BEGIN;
UPDATE rr SET r.spec = '正向 >= 95 %' WHERE k IN (5, 6);
SELECT rule, severity, source_lines, message FROM pg_temp.review();
UPDATE rr SET r.spec = '正向 >= 90 %' WHERE k = 6;
SELECT count(*) AS findings FROM pg_temp.review();
ROLLBACK;

-- R14: budget execution under 数量, 满意度 under 质量, a date under 数量, money under 数量
BEGIN;
UPDATE rr SET r.name = '预算执行率', r.spec = '正向 >= 90 %' WHERE k = 1;
UPDATE rr SET r.name = '老人对服务质量满意率' WHERE k = 2;
INSERT INTO rr VALUES (8, ROW('P1', '产出指标', '数量指标', '设备采购完成', '定性 2022年6月底前', 0.5, 18, NULL)),
                      (9, ROW('P1', '产出指标', '数量指标', '采购金额', '反向 <= 5 万元', 0.5, 19, NULL));
UPDATE rr SET r.weight = 9 WHERE k = 4;
SELECT rule, severity, source_lines, message FROM pg_temp.review() WHERE rule = 'R14';
ROLLBACK;

-- R15: the same indicator under 产出 and 效益; a stricter similarity lets it pass
BEGIN;
UPDATE rr SET r.name = '服务老人人数增加' WHERE k = 5;
SELECT rule, severity, source_lines, message FROM pg_temp.review();
SELECT count(*) AS findings FROM pg_temp.review('review_similarity=0.9');
ROLLBACK;

-- R16: a 满意度 subject the project never mentions; a mentioned one is fine
BEGIN;
UPDATE rr SET r.name = '参训学员满意度' WHERE k = 7;
SELECT rule, severity, message FROM pg_temp.review();
UPDATE rr SET r.name = '受益老人满意度' WHERE k = 7;
SELECT count(*) AS findings FROM pg_temp.review();
ROLLBACK;

-- H1, H2: last year's actual above this year's target; a target three years unchanged
SELECT rule, severity, source_lines, message
FROM pg_temp.review('central', ARRAY[
	ROW('P0', '社区居家养老服务项目', 2021, '服务老人人数', '正向 >= 450 人', '520人', 11),
	ROW('P0', '社区居家养老服务项目', 2021, '服务合格率', '正向 >= 95 %', '94%', 12),
	ROW('PX', '社区居家养老服务项目', 2020, '服务合格率', '正向 >= 95 %', NULL, 12),
	ROW('P0', '社区居家养老服务项目', 2021, '服务对象满意度', '正向 >= 90 %', '91%', 17),
	ROW('Q0', '别的项目', 2021, '服务老人人数', '正向 >= 10 人', '900人', 11)]::goal_review_history[]);
-- ... of two earlier rows of one name, the one on the row's own line, whatever the order given
SELECT rule, message FROM pg_temp.review('central', ARRAY[
	ROW('P0', '社区居家养老服务项目', 2021, '服务老人人数', NULL, '900人', 19),
	ROW('P0', '社区居家养老服务项目', 2021, '服务老人人数', NULL, '510人', 11)]::goal_review_history[]);
-- ... a similar indicator name matches too (服务老人数 / 服务老人人数); off by knob
SELECT rule, source_lines
FROM pg_temp.review('central', ARRAY[ROW('P0', '社区居家养老服务项目', 2021, '服务老人数', NULL, '600人', NULL)]::goal_review_history[]);
SELECT count(*) AS findings
FROM pg_temp.review('review_h1=off', ARRAY[ROW('P0', '社区居家养老服务项目', 2021, '服务老人数', NULL, '600人', NULL)]::goal_review_history[]);

-- the grade: 优, 良, 中, 差, and the knob
SELECT review_grade(0, 0) AS a, review_grade(0, 1) AS b, review_grade(2, 5) AS c,
       review_grade(3, 0) AS d, review_grade(0, 0, true) AS e,
       review_grade(0, 2, false, 'review_grade=2/0') AS f, review_grade(1, 0, false, 'review_grade=2/0') AS g;
SELECT review_grade(-1, 0);

-- knobs: listed, and refused when wrong
SELECT knob, value FROM scoring_policy_knobs('central review_r16=off') WHERE knob LIKE 'review%' ORDER BY knob;
SELECT * FROM pg_temp.review('review_r3=severe');
SELECT * FROM pg_temp.review('review_similarity=1.5');
SELECT * FROM pg_temp.review('review_grade=1/2/3');

-- several projects in one call: rows go to their project by code, NULL arrays are nothing
SELECT project_code, rule
FROM goal_review(ARRAY[(SELECT p FROM rp), ROW('P2', '乙', 2022, NULL, NULL, NULL, NULL, NULL, '完成乙', NULL, NULL, NULL)::goal_review_project],
                 ARRAY(SELECT r FROM rr ORDER BY k) ||
                 ARRAY[ROW('P2', '产出指标', '数量指标', '乙数量', '正向 >= 1 个', NULL, 1, NULL)::goal_review_row]);
SELECT count(*) FROM goal_review(NULL, NULL);
SELECT rule FROM goal_review(ARRAY(SELECT p FROM rp), NULL);

-- the importer's output reviewed: a placeholder, a missing unit, a cost written >=
SELECT rule, severity, source_lines, message FROM goal_table_review(
'项目名称	测试项目
项目编码	T1
年度目标	-
绩效指标	一级指标	二级指标	三级指标	指标性质	指标方向	指标值	度量单位	权重(%)
	产出指标	数量指标	培训人数	正向	大于等于	**	人	20
			设备数量	正向	大于等于	5		20
	成本指标	经济成本指标	培训费	正向	大于等于	50	万元	10
	效益指标	社会效益指标	培训覆盖率	正向	大于等于	95	%	30
	满意度指标	服务对象满意度指标	参训人员满意度	正向	大于等于	90	%	10
');

-- two tables without 项目编码 in one text: each is reviewed with its own rows
-- (no R5 for the 群众满意度 both have); a level-1 成本指标 row is a cost (R7), not 产出 (no R14)
SELECT project_code, project_name, rule, source_lines, message FROM goal_table_review(
'项目名称	甲项目
年度目标	完成甲
绩效指标	一级指标	二级指标	三级指标	指标性质	指标方向	指标值	度量单位	权重(%)
	产出指标	数量指标	甲数量	正向	大于等于	5	个	50
	效益指标	社会效益指标	甲效益	正向	大于等于	80	%	30
	满意度指标	服务对象满意度指标	群众满意度	正向	大于等于	90	%	10

项目名称	乙项目
年度目标	完成乙
绩效指标	一级指标	二级指标	三级指标	指标性质	指标方向	指标值	度量单位	权重(%)
	产出指标	数量指标	乙数量	正向	大于等于	5	个	50
	成本指标	经济成本指标	乙成本	正向	大于等于	5	万元	0
	效益指标	社会效益指标	乙效益	正向	大于等于	80	%	30
	满意度指标	服务对象满意度指标	群众满意度	正向	大于等于	90	%	10
');
-- ... and a 成本指标 level 1 with no level 2 is a cost too
SELECT rule, message
FROM goal_review(ARRAY[ROW('C', '丙', 2022, NULL, 100, NULL, NULL, NULL, '完成丙', NULL, NULL, NULL)::goal_review_project],
                 ARRAY[ROW('C', '产出指标', '数量指标', '丙数量', '正向 >= 5 个', NULL, 1, NULL),
                       ROW('C', '成本指标', NULL, '培训费', '正向 >= 500 万元', NULL, 2, NULL),
                       ROW('C', '效益指标', '社会效益指标', '丙效益', '正向 >= 80 %', NULL, 3, NULL),
                       ROW('C', '满意度指标', NULL, '丙对象满意度', '正向 >= 90 %', NULL, 4, NULL)]::goal_review_row[]);

-- two projects of one code, or two without one, would share rows: refused
SELECT * FROM goal_review(ARRAY[ROW('D', '丁', 2022, NULL, NULL, NULL, NULL, NULL, '完成', NULL, NULL, NULL),
                                ROW('D', '丁二', 2022, NULL, NULL, NULL, NULL, NULL, '完成', NULL, NULL, NULL)]::goal_review_project[], NULL);
SELECT * FROM goal_review(ARRAY[ROW(NULL, '戊', 2022, NULL, NULL, NULL, NULL, NULL, '完成', NULL, NULL, NULL),
                                ROW(NULL, '己', 2022, NULL, NULL, NULL, NULL, NULL, '完成', NULL, NULL, NULL)]::goal_review_project[], NULL);
-- a project of more rows than any goal table has
SELECT count(*) FROM goal_review(ARRAY(SELECT p FROM rp),
	ARRAY(SELECT ROW('P1', '产出指标', '数量指标', '指标' || g, '正向 >= 1 个', 0.01, g, NULL)::goal_review_row
	      FROM generate_series(1, 2001) g));

-- The nine bundled 2022 tables, reviewed as imported.  Checked by hand:
--  35263 R5   厨房管道排风清洗 is both a 数量 row (每季度一次) and a 成本 row (10 万元): the cost row wants its own name (…费用)
--  35263 R13  提高场所服务水平 = 有效提高: no measure
--  35263 R16  委托方满意度: nothing in 场所运维经费 names a 委托方 (heuristic; plausible for outsourced upkeep, for a person to judge)
--  35740 R13  有效提高 / 持续提升: no measure
--  35266 R13  有效保障: no measure
--  35266 R16  委托方满意度 again in 网络平台运维经费: the same template line as 35263
--  35268 R13  有效提高 / 有效提升: no measure
--  35268 R15  信息安全事故发生率 (产出) and 避免全年信息安全事故发生 (效益) are one indicator
--  35288 R13  four 社会效益 rows at 有效提高/提升/增强: no measure (稳步有序 is not caught: no verb of increase)
--  35288 R16  办事群众满意度 in a 党建 project: the 政务服务 projects' line, not this one's
--  35374 R13  有效提升 / 有效提高 / 有效推进: no measure
--  35796 R13  有效提升 / 显著增强: no measure
--  35885 R13  采购经济性 = 显著提高: no measure
--  36034 R13  有效提升: no measure
--  36034 R15  信息安全事故发生率 and 避免平台全年信息安全事故发生 are one indicator
-- No table lacks a level, a goal, a unit or a weight, and no cost is written >=.
\set raw `cat :tables`
SELECT project_code, rule, severity, source_lines, indicators
FROM goal_table_review(:'raw')
ORDER BY project_code, length(rule), rule, source_lines;
SELECT g.project_code, g.errors, g.warnings, g.findings, g.grade
FROM goal_review_grades(
	ARRAY(SELECT ROW(p.project_code, p.name, p.year, p.department, p.total_funds, p.fiscal_funds,
	                 p.non_fiscal_funds, p.budget_execution_weight, p.annual_goal, NULL, NULL, NULL)::goal_review_project
	      FROM goal_table_projects(:'raw') p),
	ARRAY(SELECT ROW(r.project_code, r.level1, r.level2, r.name, r.spec, r.weight, r.source_line, NULL)::goal_review_row
	      FROM goal_table_rows(:'raw') r)) g
ORDER BY 1;

-- The real tables of test/data/real, reviewed as imported.  Checked by hand:
--  goal-01, goal-03  nothing: every level present, no weights printed (R6 silent), targets read with units
--  goal-05 R1, R2  博物馆提升改造项目: the excerpt starts a second table and is cut off before its goal and indicators (README); the first table is clean
--  goal-07 R1   the excerpt stops after 产出指标 (README): no 效益, no 满意度
--  goal-07 R4   出差人数 = 8 has no unit (README: "unit missing on one row")
--  goal-07 R6   产出 50 only: the cut-off table's weights miss 效益 and 满意度
--  goal-07 R14  项目财政资金到位时间, 财政资金到位及时支付率: funds arriving is budget execution, scored apart
--               (年度预算总成本 3 万元 is the sum of the other costs 1 + 2 + 0 + 0: counted once, so no R10)
--  goal-09 R4   重点建设工程安排数量 ≥2 has no unit
--  goal-09 R13  基础教育学校办学条件 = 持续改善: no measure
--  goal-11 R2   the 项目库申报表 excerpt has no 年度目标 row
--  goal-11 R13  three 效益 rows whose target is 是: no measure
\set real :abs_srcdir '/test/data/real/'
\set raw `cat :real/goal-01.txt`
SELECT 'goal-01' AS t, project_name, rule, severity, source_lines FROM goal_table_review(:'raw');
\set raw `cat :real/goal-03.txt`
SELECT 'goal-03' AS t, project_name, rule, severity, source_lines FROM goal_table_review(:'raw');
\set raw `cat :real/goal-05.txt`
SELECT 'goal-05' AS t, project_name, rule, severity, source_lines FROM goal_table_review(:'raw');
\set raw `cat :real/goal-07.txt`
SELECT 'goal-07' AS t, project_name, rule, severity, source_lines FROM goal_table_review(:'raw');
\set raw `cat :real/goal-09.txt`
SELECT 'goal-09' AS t, project_name, rule, severity, source_lines FROM goal_table_review(:'raw');
\set raw `cat :real/goal-11.txt`
SELECT 'goal-11' AS t, project_name, rule, severity, source_lines FROM goal_table_review(:'raw');
