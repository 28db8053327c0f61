-- Monitoring during the year (运行监控): the rules of
-- monitoring-review-rules.md §2 (S1 as deployed), each worked case and each
-- preset's distinguishing case, then the monitor aggregate.

-- §2 worked cases: t = 100, m = 7 (τ = 7/12)
SELECT (d).progress, (d).light, (d).time_progress, (d).completion
FROM (VALUES (40), (70)) v(a), LATERAL (SELECT monitor_detail('>= 100 次', a::numeric, 7) AS d) x;
-- ... and the budget: E/B = 0.50 and 0.30 at m = 7
SELECT spent, (b).progress, (b).light, (b).rate
FROM (VALUES (50), (30)) v(spent), LATERAL (SELECT budget_progress(spent, 100, 7) AS b) x;
-- the same with the cut-off as a date (month basis: July is 7/12 whatever the day)
SELECT monitor_light('>= 100 次', 40, date '2022-07-31') AS jul31,
       monitor_light('>= 100 次', 40, date '2022-07-01') AS jul1,
       budget_light(50, 100, date '2022-07-31') AS budget;

-- the bands 60/80/120 of p = a/(t τ) × 100, at t = 120, m = 6 (due 60)
SELECT a, (d).progress, (d).light
FROM (VALUES (35.99), (36), (47.99), (48), (71.99), (72), (0)) v(a),
     LATERAL (SELECT monitor_detail('>= 120 次', a, 6) AS d) x ORDER BY a;
-- the light is read from the printed (rounded) progress: 59.996 prints 60.00, yellow
SELECT (monitor_detail('>= 100 次', 34.9975, 7)).progress, monitor_light('>= 100 次', 34.9975, 7);
-- > is pro-rated like >=
SELECT monitor_light('> 100 次', 40, 7) AS gt;
-- = with t ≠ 0 is pro-rated; = with t = 0 is green only at 0
SELECT monitor_light('= 100 %', 40, 7) AS eq_prorated, monitor_light('= 0 起', 0, 7) AS zero_ok,
       monitor_light('= 0 起', 1, 7) AS zero_broken;
-- <= and < are limits: green within, red beyond, never yellow, no progress
SELECT a, (d).light, (d).progress, (d).completion
FROM (VALUES (30), (60), (61)) v(a), LATERAL (SELECT monitor_detail('<= 60 万元', a::numeric, 7) AS d) x;
SELECT monitor_light('< 60 万元', 60, 7) AS lt_at_limit, monitor_light('< 60 万元', 60, 7, 'strict_gt=true') AS lt_strict;
-- a range: inside green, above red, below pro-rated against its lower bound [I]
SELECT a, monitor_light('95%～100%', a, 7) FROM (VALUES (40::numeric), (60), (97), (101)) v(a);
-- completion a/t: 2 decimals, 0 when a or t is 0
SELECT (monitor_detail('>= 3 次', 1, 7)).completion AS third, (monitor_detail('>= 3 次', 0, 7)).completion AS none_yet,
       (monitor_detail('>= 0 次', 5, 7)).completion AS zero_target, monitor_light('>= 0 次', 5, 7) AS zero_target_light;
-- text values to date read as in scoring: units convert, grades, dates
SELECT monitor_light('>= 100 万元', '500000元', 7) AS yuan, monitor_light('>= 100 次', '40次', 7) AS with_unit,
       monitor_light('>= 100 次', '达成', 7) AS grade_against_number, monitor_light('>= 100 万元', '3 人', 7) AS other_unit;
-- 定性: 达成 green, 部分达成 yellow, 未达成 red; the target's own words green; a sentence no light
SELECT monitor_light('定性 有效提高', v, 7) FROM (VALUES ('达成'), ('部分达成'), ('未达成'), ('有效提高'), ('正在推进中')) t(v);
SELECT (monitor_detail('定性 有效提高', '部分达成', 7)).* ;
-- deadlines: not yet due is on time; passed without a date is red; a date decides
SELECT monitor_light('定性 2022年12月前', '进行中', date '2022-07-31') AS not_due,
       monitor_light('定性 2022年6月前', '进行中', date '2022-07-31') AS passed,
       monitor_light('定性 2022年6月前', '2022年5月', date '2022-07-31') AS done_in_time,
       monitor_light('定性 2022年6月前', '2022-07-15', date '2022-07-31') AS done_late,
       monitor_light('定性 2022年7月前', '进行中', 7, 'year=2022') AS due_at_cutoff;
-- a deadline without a year takes the cut-off date's, or the year knob's; a month alone has none
SELECT monitor_light('定性 6月前', '进行中', date '2022-07-31') AS from_date,
       monitor_light('定性 6月前', '进行中', 7) AS no_year,
       monitor_light('定性 6月前', '进行中', 7, 'year=2022') AS year_knob;
-- the dash of a target never given: no light
SELECT monitor_light('定性 —', '达成', 7) AS dash;

-- reasons: red and yellow need one (S1), green and blue do not
SELECT a, (d).light, (d).reason_required
FROM (VALUES (20), (40), (50), (80)) v(a), LATERAL (SELECT monitor_detail('>= 100 次', a::numeric, 7) AS d) x;

-- full-year forecast: linear a/τ by default; forecast=current keeps the value to date
SELECT (d).forecast, (d).forecast_met
FROM (VALUES ('central'), ('forecast=current')) p(policy),
     LATERAL (SELECT monitor_detail('>= 100 次', 70::numeric, 7, policy) AS d) x;
SELECT (monitor_detail('<= 60 万元', 40::numeric, 7)).forecast AS cost_forecast,
       (monitor_detail('<= 60 万元', 40::numeric, 7)).forecast_met AS within_budget,
       (monitor_detail('定性 有效提高', '达成', 7)).forecast_met AS words_met;
-- a rate does not accumulate: its forecast is the rate as it stands
SELECT (monitor_detail('>= 90 %', 88::numeric, 7)).forecast AS rate_forecast,
       (monitor_detail('>= 90 %', 88::numeric, 7)).forecast_met AS rate_met;

-- time_basis=day: τ is the day of the year over the year's days
SELECT (monitor_detail('>= 100 次', 40::numeric, date '2022-07-31', 'time_basis=day')).time_progress AS day_2022,
       (monitor_detail('>= 100 次', 40::numeric, date '2024-07-31', 'time_basis=day')).time_progress AS day_leap,
       (monitor_detail('>= 100 次', 40::numeric, 7, 'time_basis=day')).time_progress AS month_given;

-- custom bands
SELECT monitor_light('>= 100 次', 40, 7, 'light_bands=50/70/150') AS custom,
       budget_light(30, 100, 7, 'budget_bands=50/90') AS custom_budget;

-- presets, each by its distinguishing case
-- 山西: 质量, 时效, 成本 are not pro-rated (met so far or red); 数量 is
SELECT monitor_light('>= 95 %', 96, 7, 'shanxi', '质量指标') AS quality_met,
       monitor_light('>= 95 %', 60, 7, 'shanxi', '质量指标') AS quality_behind,
       monitor_light('>= 95 %', 96, 7, 'central', '质量指标') AS central_quality,
       monitor_light('>= 100 次', 40, 7, 'shanxi', '数量指标') AS quantity,
       monitor_light('>= 100 次', 40, 7, 'shanxi', '时效') AS timeliness_short_label,
       monitor_light('>= 100 次', 40, 7, 'shanxi') AS no_level2,
       monitor_light('>= 90 %', 60, 7, 'shanxi', '服务对象满意度指标') AS satisfaction;
-- a level-1 name in prorate stands for its level 2s: the 山西 set written as its README says
SELECT monitor_light('>= 90 %', 60, 7, 'prorate=数量/经济效益/社会效益/生态效益/可持续影响/满意度', '服务对象满意度指标') AS satisfaction_by_level1,
       monitor_light('>= 90 %', 60, 7, 'prorate=效益', '社会效益指标') AS outcome_by_level1,
       monitor_light('>= 90 %', 60, 7, 'prorate=效益', '质量指标') AS quality_outside;
SELECT value FROM scoring_policy_knobs('prorate=满意度') WHERE knob = 'prorate';
-- 宁夏: only red needs a reason
SELECT (monitor_detail('>= 100 次', 40::numeric, 7, 'ningxia')).reason_required AS yellow,
       (monitor_detail('>= 100 次', 20::numeric, 7, 'ningxia')).reason_required AS red;
-- 天津: 完成目标可能性 decides where it is given, also on a row without a light
SELECT (monitor_detail('定性 有效提高', '正在推进中', 7, 'tianjin', NULL, '完全不可能')).reason_required AS unlit_impossible,
       (monitor_detail('定性 有效提高', '正在推进中', 7, 'tianjin')).reason_required AS unlit_no_likelihood;
SELECT l, (monitor_detail('>= 100 次', 70::numeric, 7, 'tianjin', NULL, l)).reason_required AS blue_row,
       (monitor_detail('>= 100 次', 20::numeric, 7, 'tianjin', NULL, l)).reason_required AS red_row
FROM (VALUES ('确定能'), ('有可能'), ('完全不可能'), (NULL)) v(l);
-- 河北: more than 20 % above the target, or an = target exceeded, needs a reason
SELECT (monitor_detail('>= 100 次', 121::numeric, 7, 'hebei')).reason_required AS far_above,
       (monitor_detail('>= 100 次', 120::numeric, 7, 'hebei')).reason_required AS at_threshold,
       (monitor_detail('>= 100 次', 121::numeric, 7, 'central')).reason_required AS central,
       (monitor_detail('= 100 %', 101::numeric, 12, 'hebei')).reason_required AS eq_above,
       (monitor_detail('= 100 %', 100::numeric, 12, 'hebei')).reason_required AS eq_on;
-- 四川: checkpoints at the end of April, June, August, October; a 10-point gap
SELECT as_of, (b).checkpoint, (b).checkpoint_warning
FROM (VALUES (date '2022-04-29'), (date '2022-04-30'), (date '2022-07-31'), (date '2022-12-31')) v(as_of),
     LATERAL (SELECT budget_progress(30, 100, as_of, 'sichuan') AS b) x;
SELECT (budget_progress(45, 100, 7, 'sichuan')).checkpoint_warning AS above_40,
       (budget_progress(39.99, 100, 7, 'sichuan')).checkpoint_warning AS below_40,
       (budget_progress(10, 100, 3, 'sichuan')).checkpoint AS none_yet,
       (budget_progress(10, 100, 7)).checkpoint AS central_none;
SELECT progress_gap(70, 59.99, 'sichuan') AS gap, progress_gap(70, 60, 'sichuan') AS exactly_10,
       progress_gap(50, 70, 'sichuan') AS either_side, progress_gap(70, 0) AS central_off;
-- 合肥: the project light from the budget light and whether any indicator is red
SELECT g, b, project_light(g, b, 'hefei') AS hefei, project_light(g, b) AS central
FROM (VALUES ('绿', '绿'), ('蓝', '绿'), ('红', '绿'), ('绿', '黄'), ('黄', '红'), (NULL, '绿')) v(g, b);
SELECT project_light('red', 'green', 'hefei') AS english;

-- the budget: a NULL or zero budget counts as nothing spent (E/B := 0)
SELECT budget_light(10, NULL, 7) AS no_budget, budget_light(10, 0, 7) AS zero_budget,
       (budget_progress(10, 0, 7)).rate AS rate, (budget_progress(30, 100, 7)).forecast AS full_year;
-- a NULL policy is the central one, as in scoring and in the aggregate
SELECT monitor_light('>= 100 次', 40, 7, NULL) AS null_policy, budget_light(50, 100, 7, NULL) AS null_policy_budget,
       project_light('红', '绿', NULL) AS null_policy_project, progress_gap(70, 50, NULL) AS null_policy_gap,
       progress_gap(NULL, 50, 'sichuan') AS no_goal_progress;
SELECT budget_light(NULL, 100, 7) AS no_spending, monitor_light(NULL, 40, 7) AS no_indicator,
       monitor_light('>= 100 次', NULL::numeric, 7) AS no_value, monitor_light('>= 100 次', 40, NULL::integer) AS no_cutoff;

-- the knobs, listed and checked
SELECT knob, value FROM scoring_policy_knobs('central') WHERE description LIKE 'monitoring:%';
SELECT * FROM try_sql($$SELECT monitor_light('>= 100 次', 40, 7, 'light_bands=80/60/120')$$);
SELECT * FROM try_sql($$SELECT monitor_light('>= 100 次', 40, 7, 'reason_lights=red/purple')$$);
SELECT * FROM try_sql($$SELECT monitor_light('>= 100 次', 40, 7, 'prorate=数量/味道')$$);
SELECT * FROM try_sql($$SELECT budget_light(1, 2, 7, 'checkpoints=6:40/4:25')$$);
SELECT * FROM try_sql($$SELECT budget_light(1, 2, 7, 'checkpoints=13:40')$$);
SELECT monitor_light('>= 100 次', 40, 7, 'reason_lights=none prorate=none') AS none_prorated,
       (monitor_detail('>= 100 次', 40::numeric, 7, 'reason_lights=all')).reason_required AS all_lights;
-- bad arguments
SELECT * FROM try_sql($$SELECT monitor_light('>= 100 次', 40, 13)$$);
SELECT * FROM try_sql($$SELECT monitor_light('>= 100 次', 40, 0)$$);
SELECT * FROM try_sql($$SELECT monitor_light('>= 100 次', 40, 'infinity'::date)$$);
SELECT * FROM try_sql($$SELECT monitor_detail('>= 100 次', 40::numeric, 7, 'tianjin', NULL, '大概吧')$$);
SELECT * FROM try_sql($$SELECT project_light('紫', '绿')$$);
SELECT * FROM try_sql($$SELECT budget_light(-1, 100, 7)$$);

-- the monitor aggregate, rolled up like scorecard
CREATE TABLE mon (level1 text, level2 text, spec indicator, actual numeric, weight numeric);
INSERT INTO mon VALUES
	('产出指标', '数量指标', '>= 100 次', 40, 10),
	('产出指标', '数量指标', '>= 100 次', 70, 10),
	('产出指标', '质量指标', '>= 95 %', 96, 10),
	('产出指标', '时效指标', '<= 60 天', 70, 10),
	('效益指标', '社会效益指标', '>= 90 %', 10, 20),
	('满意度指标', '服务对象满意度指标', '>= 90 %', NULL, 10),
	('满意度指标', '服务对象满意度指标', NULL, 50, 10),
	('满意度指标', '服务对象满意度指标', '>= 90 %', 50, NULL);
SELECT level1, level2, (monitor(spec, actual, weight, 7)).*
FROM mon GROUP BY ROLLUP (level1, level2) ORDER BY level_sort_key(level1), level_sort_key(level2);
-- 山西 with each row's level 2: the quality row is green, not blue
SELECT (monitor(spec, actual, weight, 7, 'shanxi', level2)).* FROM mon;
-- the project's light is the worst: red > yellow > green > blue
SELECT (monitor(spec, actual, weight, 7)).light FROM mon WHERE level2 IN ('数量指标', '质量指标');
SELECT (monitor(spec, actual, weight, 7)).light FROM mon WHERE level2 = '质量指标';
SELECT monitor(spec, actual, weight, 7) IS NULL AS no_rows FROM mon WHERE false;
-- text actuals and a date cut-off
SELECT (monitor(spec, actual::text, weight, date '2022-07-31')).* FROM mon;

-- the state: text form, checked on input, round trips through text and binary
SELECT monitor_step(NULL, '>= 100 次', 40::numeric, 10, 7)::text AS one_row;
SELECT monitor_finish(monitor_step(NULL, '>= 100 次', 40::numeric, 10, 7)) AS finished;
SELECT s::text::monitor_state::text = s::text AS text_round_trip
FROM (SELECT monitor_step(NULL, spec, actual, weight, 7) AS s FROM mon WHERE spec IS NOT NULL AND weight IS NOT NULL) x;
SELECT * FROM try_sql($$SELECT 'v1 indicators=1 red=0 yellow=0 green=0 blue=0 unlit=0 reasons=0 weight=1 completion_weight=0 completion=0'::monitor_state$$);
SELECT * FROM try_sql($$SELECT 'v1 indicators=1 red=1 yellow=0 green=0 blue=0 unlit=0 reasons=0 weight=1 completion_weight=1 completion=100.00000001'::monitor_state$$);
SELECT * FROM try_sql($$SELECT 'v2 indicators=0'::monitor_state$$);
SELECT 'v1 indicators=1 red=1 yellow=0 green=0 blue=0 unlit=0 reasons=1 weight=1 completion_weight=1 completion=100'::monitor_state::text AS full_completion;
-- a state per row, through binary COPY and back
CREATE TABLE mon_states (n int, s monitor_state);
INSERT INTO mon_states
SELECT row_number() OVER (), monitor_step(NULL, spec, actual, weight, 7) FROM mon;
DO $$
DECLARE
	f text := '/tmp/indicator_monitor_state_' || pg_backend_pid() || '.bin';
BEGIN
	EXECUTE format('COPY (SELECT n + 100, s FROM mon_states WHERE s IS NOT NULL) TO %L (FORMAT binary)', f);
	EXECUTE format('COPY mon_states FROM %L (FORMAT binary)', f);
END $$;
SELECT count(*) FILTER (WHERE a.s::text = b.s::text) AS identical, count(*) AS copied
FROM mon_states a JOIN mon_states b ON b.n = a.n + 100;
-- merging the rows' states gives the aggregate of the rows
SELECT (SELECT monitor(spec, actual, weight, 7)::text FROM mon) =
       (SELECT monitor_merge(s)::text FROM mon_states WHERE n < 100) AS merged_equals_whole;

-- the aggregate counts what monitor_light says row by row, and serial and
-- parallel plans agree to the bit
CREATE TABLE big_mon AS
SELECT (ARRAY['产出指标', '效益指标', '满意度指标'])[1 + g % 3] AS level1,
       (ARRAY['数量指标', '质量指标', '社会效益指标', '服务对象满意度指标'])[1 + g % 4] AS level2,
       (ARRAY['>= 100 次', '<= 60 万元', '= 100 %', '95%～100%', '= 0 起', '>= 3.5 小时', '> 12 个'])[1 + g % 7]::indicator AS spec,
       ((g * 7919) % 16000)::numeric / 100 AS actual,
       ((g % 9) + 1)::numeric / 2 AS weight,
       1 + g % 12 AS month
FROM generate_series(1, 100000) g;
ANALYZE big_mon;
SELECT count(*) FILTER (WHERE (m).red <> r OR (m).yellow <> y OR (m).green <> gr OR (m).blue <> b OR (m).unlit <> u) AS disagreeing_groups,
       count(*) AS groups
FROM (SELECT spec, month, monitor(spec, actual, weight, month) AS m,
             count(*) FILTER (WHERE l = '红') AS r, count(*) FILTER (WHERE l = '黄') AS y,
             count(*) FILTER (WHERE l = '绿') AS gr, count(*) FILTER (WHERE l = '蓝') AS b,
             count(*) FILTER (WHERE l IS NULL) AS u
      FROM big_mon, LATERAL (SELECT monitor_light(spec, actual, month) AS l) x
      GROUP BY spec, month) t;
CREATE TABLE serial_mon AS
SELECT level1, level2, monitor(spec, actual, weight, month, 'shanxi', level2)::text AS r
FROM big_mon GROUP BY ROLLUP (level1, level2);
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
                       THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END, 'on', false) AS forced;
EXPLAIN (COSTS OFF) SELECT monitor(spec, actual, weight, month) FROM big_mon;
SELECT (SELECT monitor(spec, actual, weight, month, 'shanxi', level2)::text FROM big_mon) =
       (SELECT r FROM serial_mon WHERE level1 IS NULL AND level2 IS NULL) AS grand_total_identical;
SELECT count(*) AS groups, count(*) FILTER (WHERE p.r = s.r) AS identical
FROM (SELECT level1, level2, monitor(spec, actual, weight, month, 'shanxi', level2)::text AS r
      FROM big_mon GROUP BY level1, level2) p
JOIN serial_mon s ON s.level1 = p.level1 AND s.level2 = p.level2;
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
                       THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END, 'off', false) AS reset;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
-- grouping sets monitor each row once and count it in every set (the row
-- cache): sorted and hashed, with a policy and a level 2 that vary by row,
-- they agree with one GROUP BY per set
ALTER TABLE big_mon ADD COLUMN policy text;
UPDATE big_mon SET policy = (ARRAY['central', 'shanxi', 'ningxia', 'hebei'])[1 + month % 4];
CREATE TABLE per_set AS
SELECT level1, level2, monitor(spec, actual, weight, month, policy, level2)::text AS r FROM big_mon GROUP BY level1, level2
UNION ALL SELECT level1, NULL, monitor(spec, actual, weight, month, policy, level2)::text FROM big_mon GROUP BY level1
UNION ALL SELECT NULL, level2, monitor(spec, actual, weight, month, policy, level2)::text FROM big_mon GROUP BY level2
UNION ALL SELECT NULL, NULL, monitor(spec, actual, weight, month, policy, level2)::text FROM big_mon;
SET enable_hashagg = off;
SELECT count(*) AS sets, count(*) FILTER (WHERE c.r = p.r) AS identical
FROM (SELECT level1, level2, monitor(spec, actual, weight, month, policy, level2)::text AS r
      FROM big_mon GROUP BY CUBE (level1, level2)) c
JOIN per_set p ON p.level1 IS NOT DISTINCT FROM c.level1 AND p.level2 IS NOT DISTINCT FROM c.level2;
RESET enable_hashagg;
SET enable_sort = off;
SELECT count(*) AS sets, count(*) FILTER (WHERE c.r = p.r) AS identical
FROM (SELECT level1, level2, monitor(spec, actual::text, weight, month, policy, level2)::text AS r
      FROM big_mon GROUP BY GROUPING SETS ((level1, level2), (level1), (level2), ())) c
JOIN (SELECT level1, level2, r FROM per_set) p ON p.level1 IS NOT DISTINCT FROM c.level1 AND p.level2 IS NOT DISTINCT FROM c.level2;
RESET enable_sort;
DROP TABLE mon, mon_states, big_mon, serial_mon, per_set;
