--
-- The scorecard aggregate: roll-ups, exactness across plans, the state
-- type's text and binary forms, the two-phase API and window use.
--
CREATE TABLE sc (id int, level1 text, level2 text, spec indicator, actual numeric, actual_text text, weight numeric);
INSERT INTO sc VALUES
	(1, '产出指标', '数量指标', '>= 10 次', 12, '12次', 6),
	(2, '产出指标', '数量指标', '>= 3 次', 2, '2次', 6),
	(3, '产出指标', '质量指标', '>= 90 %', 95, '95%', 6),
	(4, '产出指标', '质量指标', '正向 = 100 %', 100, '100%', 6),
	(5, '产出指标', '时效指标', '定性 2022年12月前', NULL, '2022年11月', 6),
	(6, '产出指标', '成本指标', '<= 60 万元', 65, '65万元', 8),
	(7, '产出指标', '成本指标', '<= 20 万元', NULL, NULL, 12),
	(8, '效益指标', '社会效益', '定性 有效提高', NULL, '部分达成', 10),
	(9, '效益指标', '社会效益', '定性 有效提升', NULL, '达成', 10),
	(10, '效益指标', '可持续影响', '定性 长期', NULL, '达成 9', 10),
	(11, '满意度指标', '服务对象满意度', '>= 90 %', 96, '96%', 5),
	(12, '满意度指标', '服务对象满意度', '>= 95 %', 120, '120%', 5),
	(13, '效益指标', '经济效益', '定性 无', NULL, NULL, 0);

-- one project's tree in one query
SELECT level1, level2, (scorecard(spec, actual_text, weight)).*
FROM sc GROUP BY ROLLUP (level1, level2) ORDER BY level1 NULLS LAST, level2 NULLS LAST;
-- numeric actuals: qualitative rows have none and count as unscored
SELECT (scorecard(spec, actual, weight)).* FROM sc;
-- a policy changes the points
SELECT (scorecard(spec, actual_text, weight)).score AS central,
       (scorecard(spec, actual_text, weight, 'reverse_mode=linear_2x')).score AS linear_2x
FROM sc;

-- empty input and all-NULL actuals
SELECT scorecard(spec, actual, weight) IS NULL AS empty_is_null FROM sc WHERE false;
SELECT (scorecard(spec, NULL::numeric, weight)).* FROM sc;
SELECT (scorecard(NULL::indicator, actual, weight)) IS NULL AS no_indicators FROM sc;
-- CUBE and GROUPING SETS
SELECT level1, grouping(level1, level2) AS g, (scorecard(spec, actual_text, weight)).score
FROM sc GROUP BY CUBE (level1, level2) HAVING grouping(level1, level2) IN (1, 3) ORDER BY g, level1 NULLS LAST;
SELECT level1, level2, (scorecard(spec, actual_text, weight)).indicators
FROM sc GROUP BY GROUPING SETS ((level1), (level2), ()) ORDER BY 1 NULLS LAST, 2 NULLS LAST;

-- window use, with the exact inverse transition for moving frames
SELECT id, (scorecard(spec, actual_text, weight) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)).score AS moving,
       (scorecard(spec, actual_text, weight) OVER (PARTITION BY level1 ORDER BY id)).score AS running
FROM sc ORDER BY id;
-- the moving frame equals the same rows aggregated directly
SELECT count(*) AS frames,
       count(*) FILTER (WHERE w.s = (SELECT scorecard(spec, actual_text, weight) FROM sc s2
                                     WHERE s2.id BETWEEN w.id - 2 AND w.id)) AS identical
FROM (SELECT id, scorecard(spec, actual_text, weight) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS s
      FROM sc) w;

-- the state: text and binary round trips are lossless
SELECT scorecard_state(spec, actual_text, weight) FROM sc;
SELECT s::text::scorecard_state::text = s::text AS text_round_trip
FROM (SELECT scorecard_state(spec, actual_text, weight) AS s FROM sc) t;
\getenv abs_builddir PG_ABS_BUILDDIR
\set statefile :abs_builddir '/results/scorecard_state.bin'
CREATE TABLE states AS SELECT level1, scorecard_state(spec, actual_text, weight) AS s FROM sc GROUP BY level1;
COPY states TO :'statefile' (FORMAT binary);
CREATE TABLE states_back (LIKE states);
COPY states_back FROM :'statefile' (FORMAT binary);
SELECT count(*) AS states, count(*) FILTER (WHERE a.s::text = b.s::text) AS binary_round_trips
FROM states a JOIN states_back b USING (level1);

-- two-phase: finish(merge(states)) over any partition equals the direct aggregate
SELECT scorecard_finish(scorecard_merge(s::text::scorecard_state)) = (SELECT scorecard(spec, actual_text, weight) FROM sc)
	AS by_level1
FROM states;
SELECT scorecard_finish(scorecard_merge(s)) = (SELECT scorecard(spec, actual_text, weight) FROM sc) AS by_row
FROM (SELECT scorecard_state(spec, actual_text, weight) AS s FROM sc GROUP BY id) t;
SELECT scorecard_combine(NULL, NULL) IS NULL AS null_null,
       scorecard_combine(NULL, s)::text = s::text AS null_s,
       scorecard_combine(s, NULL)::text = s::text AS s_null
FROM states WHERE level1 = '产出指标';

-- bad state text and bytes
SELECT stmt, t.state, t.message, t.detail
FROM (VALUES ($$SELECT 'v2 indicators=1'::scorecard_state$$),
             ($$SELECT 'v1 indicators=1'::scorecard_state$$),
             ($$SELECT 'v1 indicators=1 met=1 unmet=1 unscored=0 flagged=0 over_completed=0 reason_required=0 manual_review=0 weight=1 score=1 scored_weight=1'::scorecard_state$$),
             ($$SELECT 'v1 indicators=1 met=1 unmet=0 unscored=0 flagged=0 over_completed=0 reason_required=0 manual_review=0 weight=1 score=2 scored_weight=1'::scorecard_state$$),
             ($$SELECT 'v1 indicators=1 met=1 unmet=0 unscored=0 flagged=0 over_completed=0 reason_required=0 manual_review=0 weight=1.0000001 score=1 scored_weight=1'::scorecard_state$$),
             ($$SELECT 'v1 indicators=1 met=1 unmet=0 unscored=0 flagged=0 over_completed=0 reason_required=0 manual_review=0 weight=1 score=1 scored_weight=1 extra'::scorecard_state$$),
             -- counters whose sum wraps around 64 bits (found by the fuzzer)
             ($$SELECT 'v1 indicators=9223372036854775807 met=9223372036854775807 unmet=9223372036854775807 unscored=2 flagged=0 over_completed=0 reason_required=0 manual_review=0 weight=1 score=1 scored_weight=1'::scorecard_state$$)) s(stmt),
     LATERAL try_sql(stmt) t;
-- the largest sum the state holds prints with 39 digits and reads back
SELECT bool_and(s::text::scorecard_state::text = s::text) AS widest_sum_round_trip,
       scorecard_merge(s)::text = min(s::text) AS widest_sum_merges
FROM (SELECT 'v1 indicators=1 met=1 unmet=0 unscored=0 flagged=0 over_completed=0 reason_required=0 manual_review=0 weight=170141183460469231731687303715884.105727 score=0 scored_weight=0'::scorecard_state AS s) t;
SELECT (try_sql($$SELECT scorecard(spec, actual, weight) FROM (VALUES ('>= 1'::indicator, 1::numeric, 1.0000001::numeric)) v(spec, actual, weight)$$)).*;
SELECT (try_sql($$SELECT scorecard(spec, actual, weight) FROM (VALUES ('>= 1'::indicator, 1::numeric, -1::numeric)) v(spec, actual, weight)$$)).*;

-- every aggregate of the extension qualifies for parallel and distributed
-- plans: a combine function, a state type that is not a pseudo-type, PARALLEL SAFE
SELECT p.oid::regprocedure AS aggregate, a.aggcombinefn <> 0 AS has_combine,
       t.typtype <> 'p' AS real_state_type, p.proparallel = 's' AS parallel_safe,
       a.aggkind = 'n' AS no_order_by
FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid JOIN pg_type t ON t.oid = a.aggtranstype
JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'indicator'
ORDER BY 1::text;

-- serial against forced-parallel plans over 200k rows: identical
CREATE TABLE big_sc AS
SELECT g AS id, 'L' || (g % 3) AS level1, 'M' || (g % 7) AS level2,
       (ARRAY['>= 100 次', '<= 60 万元', '正向 = 100 %', '95%～100%', '= 0 %', '>= 3.5 小时'])[1 + g % 6]::indicator AS spec,
       ((g * 7919) % 16000)::numeric / 100 AS actual,
       ((g % 9) + 1)::numeric / 2 AS weight
FROM generate_series(1, 200000) g;
ANALYZE big_sc;
CREATE TABLE serial_result AS
SELECT level1, level2, scorecard(spec, actual, weight)::text AS r FROM big_sc GROUP BY ROLLUP (level1, level2);
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
-- force_parallel_mode is called debug_parallel_query since PostgreSQL 16
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
                       THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END, 'on', false) AS forced;
EXPLAIN (COSTS OFF) SELECT scorecard(spec, actual, weight) FROM big_sc;
SELECT (SELECT scorecard(spec, actual, weight)::text FROM big_sc) =
       (SELECT r FROM serial_result WHERE level1 IS NULL AND level2 IS NULL) AS grand_total_identical;
SELECT count(*) AS groups, count(*) FILTER (WHERE p.r = s.r) AS identical
FROM (SELECT level1, level2, scorecard(spec, actual, weight)::text AS r FROM big_sc GROUP BY ROLLUP (level1, level2)) p
JOIN serial_result s ON s.level1 IS NOT DISTINCT FROM p.level1 AND s.level2 IS NOT DISTINCT FROM p.level2;
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
                       THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END, 'off', false) AS reset;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
-- sorted and hashed grouping sets (the row cache serves both) agree with
-- the per-group sums of per-row scores
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT level1, level2, scorecard(spec, actual, weight) FROM big_sc GROUP BY ROLLUP (level1, level2);
CREATE TABLE sorted_result AS
SELECT level1, level2, scorecard(spec, actual, weight)::text AS r FROM big_sc GROUP BY ROLLUP (level1, level2);
RESET enable_hashagg;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT level1, level2, scorecard(spec, actual, weight) FROM big_sc GROUP BY ROLLUP (level1, level2);
SELECT count(*) AS groups, count(*) FILTER (WHERE p.r = s.r) AS identical
FROM (SELECT level1, level2, scorecard(spec, actual, weight)::text AS r FROM big_sc GROUP BY ROLLUP (level1, level2)) p
JOIN sorted_result s ON s.level1 IS NOT DISTINCT FROM p.level1 AND s.level2 IS NOT DISTINCT FROM p.level2;
SELECT count(*) AS groups, count(*) FILTER (WHERE (p.sc).score = p.total AND (p.sc).weight = p.weights) AS equal_to_sums
FROM (SELECT scorecard(spec, actual, weight) AS sc, sum(score(spec, actual, weight)) AS total, sum(weight) AS weights
      FROM big_sc GROUP BY GROUPING SETS ((level1, level2), (level2), (level1), ())) p;
RESET enable_sort;
DROP TABLE sorted_result;
-- and the rolled-up sums equal the sum of per-row scores exactly
SELECT (SELECT (scorecard(spec, actual, weight)).score FROM big_sc) = (SELECT sum(score(spec, actual, weight)) FROM big_sc)
	AS equals_sum_of_scores;
DROP TABLE big_sc, serial_result, states, states_back, sc;

-- scorecard_partial() is the partial-state aggregate (1.2); scorecard_state()
-- stays as its deprecated alias and gives the same state
SELECT scorecard_partial(i, a, w)::text = scorecard_state(i, a, w)::text AS alias_agrees,
       scorecard_finish(scorecard_partial(i, a, w)) = scorecard(i, a, w) AS finishes_alike
FROM (VALUES ('>= 95 %'::indicator, 96::numeric, 10::numeric), ('<= 5 天', 6, 5)) v(i, a, w);
