-- 项目支出绩效自评表 of one project: per level 1 and level 2 the weight and
-- score, then 预算执行率, the total and the grade.
WITH scored AS (
	SELECT level_name(i.level1) AS level1, level_name(i.level2) AS level2,
	       scorecard(i.spec, a.actual, i.weight, p.policy) AS sc
	FROM goal_indicator_current i
	JOIN goal_project p USING (project_code)
	LEFT JOIN actual_result a USING (project_code, source_line)
	WHERE i.project_code = :'project'
	GROUP BY ROLLUP (level_name(i.level1), level_name(i.level2))
), budget AS (
	SELECT p.budget_execution_weight::numeric(10, 2) AS weight,
	       budget_execution_score(b.spent, b.budget, p.budget_execution_weight, p.policy) AS score,
	       budget_execution_rate(b.spent, b.budget) AS rate
	FROM goal_project p JOIN budget_execution b USING (project_code)
	WHERE p.project_code = :'project'
)
SELECT 一级指标, 二级指标, 分值, 得分, 指标数, 达成, 未达成, 待评, 需说明
FROM (
	SELECT coalesce(level1, '绩效指标合计') AS 一级指标, coalesce(level2, '') AS 二级指标,
	       (sc).weight AS 分值, (sc).score AS 得分, (sc).indicators AS 指标数, (sc).met AS 达成,
	       (sc).unmet AS 未达成, (sc).unscored AS 待评, (sc).flagged AS 需说明,
	       coalesce(level_sort_key(level1), 900) AS k1, coalesce(level_sort_key(level2), 0) AS k2
	FROM scored
	UNION ALL
	SELECT '预算执行率', to_char(rate * 100, 'FM990.00') || '%', weight, score, NULL, NULL, NULL, NULL, NULL, 950, 0
	FROM budget
	UNION ALL
	SELECT '总分', grade(s.score + b.score, (SELECT policy FROM goal_project WHERE project_code = :'project')), s.weight + b.weight, s.score + b.score, NULL, NULL, NULL, NULL, NULL, 990, 0
	FROM (SELECT (sc).weight, (sc).score FROM scored WHERE level1 IS NULL) s, budget b
) sheet
ORDER BY k1, k2;
