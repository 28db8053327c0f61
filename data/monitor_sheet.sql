-- 项目支出绩效目标执行监控表 of one project at a cut-off:
--   psql -v project=15060022200000035288 -v as_of=2022-07-31 -f data/monitor_sheet.sql
-- The funds block, then one row per indicator, then the project's light.
-- Targets are those in force at the cut-off; the policy is the project's.
SELECT '1-' || extract(month FROM date :'as_of') || '月执行数' AS spent_column,
       '1-' || extract(month FROM date :'as_of') || '月执行情况' AS done_column \gset

-- 资金情况 (万元)
SELECT b.budget AS 年初预算数, b.spent AS :"spent_column", b.rate || '%' AS 执行率,
       b.time_progress || '%' AS 序时进度, b.light AS 预算执行灯, b.forecast AS 全年预计执行数,
       CASE WHEN b.checkpoint_warning THEN '低于' || b.checkpoint || '%节点' ELSE '' END AS 节点预警
FROM budget_monitor_result b
WHERE b.project_code = :'project' AND b.as_of = :'as_of';

-- 绩效指标
SELECT r.level1 AS 一级指标, r.level2 AS 二级指标, r.name AS 三级指标,
       r.target || CASE WHEN r.adjusted THEN '（原' || r.declared_target || '）' ELSE '' END AS 年度指标值,
       coalesce(r.actual_to_date, '') AS :"done_column",
       coalesce(r.progress || '%', '') AS 进度, coalesce(r.light, '待人工判断') AS 监控灯,
       CASE WHEN r.light IS NULL THEN ''
            WHEN r.forecast IS NOT NULL
                 THEN r.forecast::text || coalesce(unit(target_in_force(r.project_code, r.source_line, r.as_of)), '')
                      || CASE WHEN r.forecast_met THEN '，预计能完成' ELSE '，预计不能完成' END
            WHEN r.forecast_met THEN '预计能完成' ELSE '预计不能完成' END AS 全年预计完成情况,
       CASE WHEN r.reason_missing THEN '需说明（未填）'
            WHEN r.reason_required THEN '需说明：' || r.deviation_reason
            ELSE '' END AS 偏差原因,
       coalesce(r.likelihood, '') AS 完成目标可能性
FROM indicator_monitor_result r
WHERE r.project_code = :'project' AND r.as_of = :'as_of'
ORDER BY level_sort_key(r.level1), level_sort_key(r.level2), r.source_line;

-- 项目监控结论
SELECT coalesce(m.project_light, '待人工判断') AS 项目监控灯, m.goal_light AS 目标灯, m.budget_light AS 预算执行灯,
       m.red AS 红, m.yellow AS 黄, m.green AS 绿, m.blue AS 蓝, m.unlit AS 未亮灯,
       m.reasons AS 需说明原因, m.reasons_missing AS 未填原因,
       m.goal_progress || '%' AS 目标完成进度, m.budget_rate || '%' AS 预算执行率,
       CASE WHEN m.progress_gap THEN '目标与预算进度偏差过大' ELSE '' END AS 进度偏差
FROM project_monitor_result m
WHERE m.project_code = :'project' AND m.as_of = :'as_of';
