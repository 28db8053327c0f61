-- Generated goal tables for the review's properties (test/pgtap/09_review.sql)
-- and benchmark (test/bench/review.sh): gen_review(n) returns n projects of
-- 12 rows each, deterministic (no random()), with every rule's trigger
-- planted at its own period: project i gets a placeholder target when
-- i % 11 = 0, a cost written >= when i % 7 = 0, funds off when i % 13 = 0,
-- no 满意度 when i % 59 = 0, and so on, so that a property sees each of
-- R1-R16 fire and stay silent.
CREATE FUNCTION pg_temp.gen_review_projects(n int) RETURNS SETOF goal_review_project
LANGUAGE sql IMMUTABLE AS $$
SELECT ROW('G' || i, (ARRAY['社区居家养老服务', '农村公路养护', '中小学校舍维修', '政务服务大厅运行', '森林防火'])[1 + i % 5] || '项目' || i,
           2022, '部门' || (i % 20), 100 + i % 50, 100 + i % 50 - i % 7 + CASE WHEN i % 13 = 0 THEN 5 ELSE 0 END, i % 7,
           CASE WHEN i % 19 = 0 THEN 5 ELSE 10 END,
           CASE WHEN i % 17 = 0 THEN '-' ELSE '完成项目' || i || '的年度任务，提高服务水平' END,
           CASE WHEN i % 23 = 0 THEN '新增' END, NULL, CASE WHEN i % 29 = 0 THEN date '2022-06-30' END)::goal_review_project
FROM generate_series(1, n) i
$$;

CREATE FUNCTION pg_temp.gen_review_rows(n int) RETURNS SETOF goal_review_row
LANGUAGE sql IMMUTABLE AS $$
SELECT ROW('G' || i, l1, l2,
           CASE WHEN k = 7 AND i % 31 = 0 THEN '服务人数增加' WHEN k = 2 AND i % 37 = 0 THEN '服务人数'
                WHEN k = 3 AND i % 67 = 0 THEN '资金支付率'
                WHEN k = 12 AND i % 41 = 0 THEN '参训学员满意度' WHEN k = 8 AND i % 43 = 0 THEN '社会效益' ELSE nm END,
           CASE WHEN k = 1 AND i % 11 = 0 THEN NULL
                WHEN k = 1 AND i % 3 = 0 THEN '正向 >= 500'::indicator
                WHEN k = 6 AND i % 7 = 0 THEN '正向 >= 20 万元'::indicator
                WHEN k = 6 AND i % 61 = 0 THEN '反向 <= 500 万元'::indicator
                WHEN k = 3 AND i % 5 = 0 THEN '正向 >= 120 %'::indicator
                WHEN k = 4 AND i % 47 = 0 THEN '定性 2023年3月前'::indicator
                WHEN k = 8 AND i % 2 = 0 THEN '定性 有效提高'::indicator
                ELSE spec END,
           CASE WHEN k = 9 AND i % 53 = 0 THEN 0 ELSE w END, 10 + k,
           CASE WHEN k = 1 AND i % 11 = 0 THEN '≥**人' END)::goal_review_row
FROM generate_series(1, n) i,
     (VALUES (1, '产出指标', '数量指标', '服务人数', '正向 >= 500 人'::indicator, 10),
             (2, '产出指标', '数量指标', '服务次数', '正向 >= 24 次', 10),
             (3, '产出指标', '质量指标', '服务合格率', '正向 >= 95 %', 10),
             (4, '产出指标', '时效指标', '完成时间', '定性 2022年12月前', 5),
             (5, '产出指标', '时效指标', '按时完成率', '正向 = 100 %', 5),
             (6, '产出指标', '成本指标', '项目成本', '反向 <= 20 万元', 10),
             (7, '效益指标', '社会效益指标', '受益群众覆盖率', '正向 >= 90 %', 10),
             (8, '效益指标', '社会效益指标', '群众办事时间缩短', '正向 >= 10 %', 10),
             (9, '效益指标', '可持续影响指标', '长效机制运行年限', '正向 >= 3 年', 5),
             (10, '效益指标', '经济效益指标', '节约运行费用', '反向 <= 5 万元', 5),
             (11, '满意度指标', '服务对象满意度指标', '服务对象满意度', '正向 >= 90 %', 5),
             (12, '满意度指标', '服务对象满意度指标', '群众满意度', '正向 >= 85 %', 5)) t(k, l1, l2, nm, spec, w)
WHERE NOT (k >= 11 AND i % 59 = 0)
ORDER BY i, k
$$;
