-- 06_scoring.sql: scoring (绩效自评) by the rules of scoring-rules.md section (c).
-- One is() per worked example and per preset case, the edge cases one by one,
-- the errors by SQLSTATE, then properties over generated data (deterministic:
-- hashint4 and modulo arithmetic, no random()), each as one assertion that
-- counts the rows violating it.  Known defects are at the end, as TODO tests.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off

BEGIN;

--
-- Helpers
--

-- A number whose text reads as a date Y.M (2022.5, 2000.012, 2884.000000): see the TODO at the end.
CREATE FUNCTION pg_temp.year_like(a numeric) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
	SELECT a > 0 AND trunc(a) BETWEEN 1900 AND 2999 AND split_part(a::text, '.', 2) <> ''
	       AND split_part(a::text, '.', 2)::numeric <= 12
$$;

-- score(), or NULL on any error
CREATE FUNCTION pg_temp.try_any(i indicator, a text, w numeric) RETURNS numeric
LANGUAGE plpgsql AS $$
BEGIN
	RETURN score(i, a, w);
EXCEPTION WHEN others THEN
	RETURN NULL;
END $$;

-- score(), or -1 when the call is refused with 22023 (manual score outside its band)
CREATE FUNCTION pg_temp.try_score(i indicator, a text, w numeric, p text) RETURNS numeric
LANGUAGE plpgsql AS $$
BEGIN
	RETURN score(i, a, w, p);
EXCEPTION WHEN invalid_parameter_value THEN
	RETURN -1;
END $$;

-- The central rules written out in SQL: met, and the fraction achieved as
-- num / den, for actual a (negatives clamped to 0 unless the target is
-- negative); linear picks linear_2x.
CREATE FUNCTION pg_temp.ref_rule(cmp text, nat text, t numeric, lo numeric, hi numeric,
                                 a numeric, linear boolean,
                                 OUT met boolean, OUT num numeric, OUT den numeric)
LANGUAGE sql IMMUTABLE AS $$
	SELECT m, f[1], f[2]
	FROM (SELECT CASE WHEN coalesce(t, lo) < 0 THEN a ELSE greatest(a, 0) END AS x) c,
	     LATERAL (SELECT CASE
	         WHEN cmp IN ('>=', '>') OR (cmp = '=' AND nat = '正向' AND t <> 0) THEN x >= t
	         WHEN cmp IN ('<=', '<', '=') THEN x <= t
	         ELSE x BETWEEN lo AND hi END AS m) mm,
	     LATERAL (SELECT CASE
	         WHEN m THEN ARRAY[1, 1]
	         WHEN cmp = '区间' AND x < lo THEN CASE WHEN lo <= 0 THEN ARRAY[0, 1] ELSE ARRAY[x, lo] END
	         WHEN cmp = '区间' THEN CASE WHEN hi <= 0 THEN ARRAY[0, 1]
	                                     WHEN linear THEN ARRAY[greatest(0, 2 * hi - x), hi] ELSE ARRAY[hi, x] END
	         WHEN t <= 0 THEN ARRAY[0, 1]
	         WHEN cmp IN ('>=', '>') OR (cmp = '=' AND nat = '正向') THEN ARRAY[x, t]
	         WHEN linear THEN ARRAY[greatest(0, 2 * t - x), t]
	         ELSE ARRAY[t, x] END AS f) ff
$$;

-- num / den rounded half up to the given decimals, exactly (40 more decimals
-- than needed: a quotient that does not terminate is never on a half).
CREATE FUNCTION pg_temp.ref_div(num numeric, den numeric, decimals int) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$
	SELECT round(num * 1.0000000000000000000000000000000000000000 / den, decimals)
$$;

-- Points: w * num / den rounded half up to cents; a miss never reaches w.
CREATE FUNCTION pg_temp.ref_points(met boolean, num numeric, den numeric, w numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN NOT met AND w > 0 AND p >= w THEN round(greatest(w - 0.01, 0), 2) ELSE p END
	FROM (SELECT pg_temp.ref_div(w * num, den, 2) AS p) x
$$;

--
-- Generated quantitative indicators: every comparator (= with both natures),
-- targets zero, negative, tiny, large, several units; ranges.
--
CREATE TEMP TABLE gen_ind AS
WITH spec AS (
	SELECT format('%s %s %s %s', c.nat, c.cmp, t.tv, u.unit) AS lit
	FROM (VALUES (0), (0.5), (1), (3), (5), (60), (95), (100), (123.45), (10000), (999999.99),
	             (-5), (-0.5)) t(tv),
	     (VALUES ('', '>='), ('', '>'), ('正向', '='), ('反向', '='), ('', '<'), ('', '<=')) c(nat, cmp),
	     (VALUES (''), ('%'), ('万元'), ('次'), ('小时')) u(unit)
	UNION ALL
	SELECT format('%s～%s %s', r.lo, r.hi, u.unit)
	FROM (VALUES (0, 10), (95, 100), (80, 90), (-5, 5), (1, 1), (0.5, 2), (100, 10000)) r(lo, hi),
	     (VALUES (''), ('%'), ('万元'), ('次'), ('小时')) u(unit)
)
SELECT row_number() OVER (ORDER BY lit) AS id, i, comparator(i) AS cmp, nature(i) AS nat,
       target(i) AS t, target_lower(i) AS lo, target_upper(i) AS hi, coalesce(unit(i), '') AS unit,
       coalesce(target(i), target_upper(i)) AS ref
FROM spec, LATERAL (SELECT lit::indicator AS i) x;

-- Per indicator a weight (0.01 .. 99.99, two decimals); per row another (0 .. 999.99).
ALTER TABLE gen_ind ADD COLUMN wi numeric;
UPDATE gen_ind SET wi = (1 + abs(hashint4(id::int)) % 9999) * 0.01;

-- Actuals: fractions of the target, fixed values around the usual targets, and
-- pseudo-random multiples of the target.
CREATE TEMP TABLE gen_act AS
SELECT DISTINCT g.id, x.a
FROM gen_ind g,
     LATERAL (
	SELECT g.ref * f AS a
	FROM unnest('{-1, 0, 0.001, 0.25, 0.5, 0.9, 0.99, 0.999, 0.9999, 0.99999, 1, 1.00001, 1.001,
	              1.01, 1.1, 1.19, 1.2, 1.21, 1.5, 1.99, 2, 2.01, 3, 10, 1000}'::numeric[]) f
	UNION ALL
	SELECT b FROM unnest('{-100, -1, -0.01, 0, 0.01, 0.5, 1, 2, 4.99, 5, 5.01, 59.99, 60, 99.99,
	                      100, 100.01, 10000, 123456.789}'::numeric[]) b
	UNION ALL
	SELECT round(g.ref * (abs(hashint4((g.id * 1000 + k)::int)) % 300000) / 100000.0, 6)
	       * CASE WHEN k % 7 = 0 THEN -1 ELSE 1 END
	FROM generate_series(1, 20) k
	UNION ALL
	SELECT (hashint4((g.id * 1000 + 500 + k)::int) % 2000000) * 0.001
	FROM generate_series(1, 10) k
     ) x;

CREATE TEMP TABLE gen AS
SELECT g.id, g.i, g.cmp, g.nat, g.t, g.lo, g.hi, g.unit, g.wi, x.a,
       (abs(hashtext(g.id::text || ':' || x.a::text)) % 100000) * 0.01 AS wr,
       score(g.i, x.a, g.wi) AS s,
       score(g.i, x.a, g.wi, 'reverse_mode=linear_2x') AS s_lin,
       score(g.i, x.a, g.wi, 'strict_gt=true') AS s_strict,
       score(g.i, x.a, g.wi, 'eq_mode=symmetric') AS s_sym,
       score(g.i, x.a, g.wi, 'over_mode=deduct') AS s_deduct,
       g.i @> x.a AS met,
       attainment(g.i, x.a) AS att,
       score_detail(g.i, x.a, g.wi) AS d,
       ref.ref_met, ref.ref_num, ref.ref_den, lin.num AS lin_num, lin.den AS lin_den
FROM gen_ind g JOIN gen_act x USING (id),
     LATERAL pg_temp.ref_rule(g.cmp, g.nat, g.t, g.lo, g.hi, x.a, false) AS ref(ref_met, ref_num, ref_den),
     LATERAL pg_temp.ref_rule(g.cmp, g.nat, g.t, g.lo, g.hi, x.a, true) AS lin;
ALTER TABLE gen ADD COLUMN sr numeric;
UPDATE gen SET sr = score(i, a, wr);

-- 预算执行率 over budgets and spending from 0 to 130 %, for every preset and two custom policies.
CREATE TEMP TABLE bud AS
SELECT p.p, p.w, p.steps, b.b, s.s,
       budget_execution_score(s.s, b.b, NULL, p.p) AS pts,
       budget_execution_rate(s.s, b.b, p.p) AS rate
FROM (VALUES ('central', 10, NULL), ('hubei', 20, NULL), ('jiangxi', 10, '{1:1,0.8:0.7,0.6:0.5}'),
             ('zhejiang', 10, NULL), ('tianjin', 10, NULL), ('hebei', 10, NULL), ('湖北', 20, NULL),
             ('central budget_mode=steps budget_steps=0.9:1/0.5:0.4', 10, '{0.9:1,0.5:0.4}'),
             ('central budget_weight=7.5', 7.5, NULL)) p(p, w, steps),
     (VALUES (0.01), (1), (3), (100), (12345.67), (1000000000)) b(b),
     LATERAL (SELECT b.b * k * 0.001 AS s FROM generate_series(0, 1300) k
              UNION
              SELECT round(b.b * (abs(hashint4(k * 31 + 7)) % 150000) / 100000.0, 2)
              FROM generate_series(1, 200) k) s;

-- Totals for grade(): -1.00 to 101.00 by cents.
CREATE TEMP TABLE totals AS
SELECT k * 0.01 AS total, p.p, p.bands
FROM generate_series(-100, 10100) k,
     (VALUES ('central', '{90,80,60}'::numeric[]), ('hubei', '{90,80,60}'),
             ('grade_bands=85/75/60', '{85,75,60}'), ('central grade_bands=95.5/70/50.25', '{95.5,70,50.25}')) p(p, bands);

-- Manual scores of 定性 indicators, every cent from 0 to the weight, for each grade.
CREATE TEMP TABLE manual AS
SELECT w, g.grade, g.gi, p.p, p.mid, k * 0.01 AS pts,
       pg_temp.try_score('定性 有效提高', g.grade || ' ' || (k * 0.01)::text, w, p.p) AS got
FROM (VALUES (10), (7.5), (3.33), (1), (20), (2.5), (0.05)) w(w),
     (VALUES ('达成', 1), ('部分达成', 2), ('未达成', 3)) g(grade, gi),
     (VALUES ('central', 0.6), ('hubei', 0.5)) p(p, mid),
     LATERAL generate_series(0, (w * 100)::int) k;

-- Deadlines: every completion day from mid-2021 to the end of 2024.
CREATE TEMP TABLE deadlines AS
SELECT spec, start, deadline, day,
       score(spec::indicator, CASE WHEN (day - start) % 2 = 0 THEN to_char(day, 'YYYY-MM-DD')
                                   ELSE to_char(day, 'YYYY"年"FMMM"月"FMDD"日"') END, 10) AS pts
FROM (VALUES ('定性 2022年12月前', date '2022-01-01', date '2022-12-31'),
             ('定性 2022年6月30日前', date '2022-01-01', date '2022-06-30'),
             ('定性 2022年3月-2023年2月', date '2022-03-01', date '2023-02-28')) s(spec, start, deadline),
     generate_series(date '2021-06-01', date '2024-12-31', interval '1 day') d,
     LATERAL (SELECT d::date AS day) dd;

SELECT plan(292);

--
-- 1. The worked defaults of scoring-rules.md section (c), w = 10
--
SELECT is(score('>= 100', 80, 10), 8.00, '(c) ≥100, a=80: 8.00');
SELECT is(score_detail('>= 100', 80, 10), ROW(8.00, 0.8, false, -0.2, false, true, false, false, NULL)::indicator_score,
          '(c) ≥100, a=80: attainment 0.8, missed, 偏离度 -0.2, reason required');
SELECT is(score('>= 100', 130, 10), 10.00, '(c) ≥100, a=130: 10.00');
SELECT is((score_detail('>= 100', 130, 10)).over_completed, true, '(c) ≥100, a=130: over-completion flagged');
SELECT is(score_detail('>= 100', 130, 10), ROW(10.00, 1, true, 0.3, true, false, false, false, NULL)::indicator_score,
          '(c) ≥100, a=130: full detail');
SELECT is(score('<= 5', 6, 10), 8.33, '(c) ≤5, a=6: 8.33 (ratio)');
SELECT is(score('<= 5', 6, 10, 'reverse_mode=linear_2x'), 8.00, '(c) ≤5, a=6: 8.00 (linear_2x)');
SELECT is(score('<= 5', 12, 10), 4.17, '(c) ≤5, a=12: 4.17 (ratio)');
SELECT is(score('<= 5', 12, 10, 'reverse_mode=linear_2x'), 0.00, '(c) ≤5, a=12: 0 (linear_2x)');
SELECT is(score('= 0', 0, 10), 10.00, '(c) =0, a=0: 10');
SELECT is(score('= 0', 1, 10), 0.00, '(c) =0, a=1: 0');
SELECT is(score('定性 有效提高', '部分达成', 10), 7.00, '(c) 部分达成: 7.00');
SELECT is(budget_execution_score(95, 100), 9.50, '(c) budget 100, spent 95: 9.50');
SELECT is(budget_execution_score(95, 100, 10, 'jiangxi'), 7.00, '(c) budget 100, spent 95, 江西 steps: 7');

--
-- 2. Presets: each one's distinguishing case, and agreement with central elsewhere
--
SELECT results_eq(
	$$SELECT preset, knobs FROM scoring_policies()$$,
	$$VALUES ('central', ''), ('hubei', 'qual_bands=0.8/0.5 budget_weight=20 level_weights=40/40/0/20'),
	         ('jiangxi', 'budget_mode=steps'), ('zhejiang', 'budget_zero_full=true'),
	         ('tianjin', 'manual_review=true reason_basis=likelihood'), ('hebei', 'manual_review=true reason_over=20'),
	         ('shanxi', 'prorate=数量指标/经济效益指标/社会效益指标/生态效益指标/可持续影响指标/满意度指标/服务对象满意度指标'),
	         ('ningxia', 'reason_lights=red'),
	         ('sichuan', 'checkpoints=4:25/6:40/8:60/10:80 progress_gap=10'),
	         ('hefei', 'project_light=budget_goal')$$,
	'scoring_policies(): the ten presets and exactly the knobs each changes');
SELECT is((SELECT count(*) FROM scoring_policy_knobs('central') WHERE NOT changed), 60::bigint,
          'scoring_policy_knobs(central): 60 knobs, none changed');
SELECT set_eq($$SELECT knob FROM scoring_policy_knobs('湖北 reverse_mode=linear_2x') WHERE changed$$,
              ARRAY['reverse_mode', 'qual_bands', 'budget_weight', 'level_weights'],
              'scoring_policy_knobs(湖北 + knob): the preset''s and the override''s knobs are changed');
-- 湖北: budget x 20, 定性 bands 80/50
SELECT is(budget_execution_score(95, 100, NULL, 'hubei'), 19.00, '湖北: budget 95 of 100 scores 19.00 (x20)');
SELECT is(budget_execution_score(100, 100, NULL, 'hubei'), 20.00, '湖北: budget fully spent scores 20.00');
SELECT is(budget_execution_score(95, 100, NULL, '湖北'), 19.00, '湖北 by its Chinese name');
SELECT is(budget_execution_score(95, 100, 10, 'hubei'), 9.50, '湖北: an explicit weight overrides the preset''s 20');
SELECT is(score('定性 有效提高', '部分达成 5', 10, 'hubei'), 5.00, '湖北: 部分达成 band starts at 50 % (5 of 10 accepted)');
SELECT is(score('定性 有效提高', '未达成 4.99', 10, 'hubei'), 4.99, '湖北: 未达成 band ends below 50 % (4.99 accepted)');
SELECT throws_ok($$SELECT score('定性 有效提高', '未达成 5', 10, 'hubei')$$, '22023', NULL,
                 '湖北: 未达成 5 of 10 is outside its band (22023)');
SELECT throws_ok($$SELECT score('定性 有效提高', '部分达成 4.99', 10, 'hubei')$$, '22023', NULL,
                 '湖北: 部分达成 4.99 of 10 is outside its band (22023)');
SELECT throws_ok($$SELECT score('定性 有效提高', '部分达成 5', 10)$$, '22023', NULL,
                 'central: 部分达成 5 of 10 is outside the 60–80 % band (22023)');
SELECT is(score('定性 有效提高', '未达成 5.99', 10), 5.99, 'central: 未达成 5.99 of 10 accepted');
SELECT is(score('定性 有效提高', '部分达成', 10, 'hubei'), 7.00, '湖北: 部分达成 without a manual score is still 7.00');
-- 江西: steps
SELECT is(budget_execution_score(100, 100, NULL, 'jiangxi'), 10.00, '江西: 100 % scores 10');
SELECT is(budget_execution_score(99.99, 100, NULL, 'jiangxi'), 7.00, '江西: 99.99 % scores 7');
SELECT is(budget_execution_score(80, 100, NULL, 'jiangxi'), 7.00, '江西: 80 % scores 7');
SELECT is(budget_execution_score(79.99, 100, NULL, 'jiangxi'), 5.00, '江西: 79.99 % scores 5');
SELECT is(budget_execution_score(60, 100, NULL, 'jiangxi'), 5.00, '江西: 60 % scores 5');
SELECT is(budget_execution_score(59.99, 100, NULL, 'jiangxi'), 0.00, '江西: 59.99 % scores 0');
SELECT is(budget_execution_score(120, 100, NULL, 'jiangxi'), 10.00, '江西: 120 % is capped and scores 10');
SELECT is(budget_execution_score(79.99, 100), 8.00, 'central: 79.99 % scores 8.00 (linear)');
-- 浙江: 0 of 0 is 100 %
SELECT is(budget_execution_score(0, 0, NULL, 'zhejiang'), 10.00, '浙江: 0 spent of a 0 budget scores 10');
SELECT is(budget_execution_rate(0, 0, 'zhejiang'), 1.0000, '浙江: 0 of 0 is a rate of 100 %');
SELECT is(budget_execution_score(0, 0), 0.00, 'central: 0 spent of a 0 budget scores 0');
SELECT is(budget_execution_rate(0, 0), 0.0000, 'central: 0 of 0 is a rate of 0');
SELECT is(budget_execution_score(5, 0, NULL, 'zhejiang'), 0.00, '浙江: spending against a 0 budget scores 0');
SELECT is(budget_execution_score(120, 100, NULL, 'zhejiang'), 10.00, '浙江: 120 % is capped at 10');
-- 天津/河北: manual review of = off target and <= above target
SELECT is((score_detail('正向 = 100 %', 98, 10, 'tianjin')).manual_review, true, '天津: = below target flagged for review');
SELECT is((score_detail('正向 = 100 %', 102, 10, 'tianjin')).manual_review, true, '天津: = above target flagged for review');
SELECT is((score_detail('正向 = 100 %', 100, 10, 'tianjin')).manual_review, false, '天津: = on target not flagged');
SELECT is((score_detail('<= 60 分钟', 61, 10, 'tianjin')).manual_review, true, '天津: <= exceeded flagged for review');
SELECT is((score_detail('<= 60 分钟', 60, 10, 'tianjin')).manual_review, false, '天津: <= met not flagged');
SELECT is((score_detail('< 60 分钟', 70, 10, 'tianjin')).manual_review, true, '天津: < exceeded flagged for review');
SELECT is((score_detail('>= 100', 80, 10, 'tianjin')).manual_review, false, '天津: >= missed is not a review case');
SELECT is((score_detail('95～100 %', 101, 10, 'tianjin')).manual_review, false, '天津: ranges are not review cases');
SELECT is(score_detail('正向 = 100 %', 98, 10, 'hebei'), ROW(9.80, 0.98, false, -0.02, false, true, true, false, NULL)::indicator_score,
          '河北 = 天津: same points as central, manual_review set');
SELECT is((score_detail('正向 = 100 %', 98, 10)).manual_review, false, 'central: never flags manual review');
-- presets agree with central outside their cases
SELECT is((SELECT count(*) FROM unnest(ARRAY['central', 'hubei', 'jiangxi', 'zhejiang', 'tianjin', 'hebei']) p
           WHERE score('定性 有效提高', '达成', 10, p) <> 10 OR score('定性 有效提高', '未达成', 10, p) <> 3
              OR score('定性 有效提高', '部分达成 6.5', 10, p) <> 6.5 OR score('定性 2022年12月前', '2023年1月', 10, p) <> 9.22),
          0::bigint, 'every preset scores 定性 grades, manual scores inside both bands and deadlines as central');

--
-- 3. Edge cases
--
-- zero targets
SELECT is(score('<= 0 起', 0, 10), 10.00, '≤0: a=0 full marks');
SELECT is(score('<= 0 起', 1, 10), 0.00, '≤0: a=1 nothing (all or nothing)');
SELECT is(score('< 0 起', 0, 10), 10.00, '<0: a=0 full marks (> and < scored like >= and <=)');
SELECT is(score('正向 = 0 %', 0.01, 10), 0.00, '正向 =0: any excess scores nothing');
SELECT is(score('反向 = 0 %', 0, 10), 10.00, '反向 =0: a=0 full marks');
SELECT is(score('<= 0 起', 2, 10, 'zero_target_mode=per_unit zero_target_deduct=0.25'), 5.00,
          'per_unit: 2 incidents at 25 % each leave 5.00');
SELECT is(score('<= 0 起', 5, 10, 'zero_target_mode=per_unit zero_target_deduct=0.25'), 0.00,
          'per_unit: never below 0');
-- negative actuals
SELECT is(score('>= 10', -5, 10), 0.00, 'negative actual clamps to 0: ≥10 scores 0');
SELECT is(score('<= 10', -5, 10), 10.00, 'negative actual clamps to 0: ≤10 full marks');
SELECT is(score('= 0', -3, 10), 10.00, 'negative actual clamps to 0: =0 full marks');
SELECT is(attainment('>= 10', -5), 0.0000, 'negative actual: attainment 0');
SELECT is(score('>= 10', -5, 10, 'clamp_negative=false'), 0.00, 'clamp_negative=false: ≥10, a=-5 scores 0, not negative');
-- target 0 and negative targets of >=
SELECT is(score('>= 0', 0, 10), 10.00, '≥0: a=0 full marks');
SELECT is(score('>= 0', 1000, 10), 10.00, '≥0: a=1000 full marks (no division by 0)');
SELECT is(score('> 0', 0, 10), 10.00, '>0: a=0 full marks by default');
SELECT is(score('> 0', 0, 10, 'strict_gt=true'), 0.00, '>0 strict: a=0 scores nothing');
SELECT is(score('>= 0', -1, 10, 'clamp_negative=false'), 0.00, '≥0 unclamped: a=-1 scores nothing');
SELECT is(score('>= -5 %', -3, 10, 'clamp_negative=false'), 10.00, '≥-5 %: a=-3 % full marks');
SELECT is(score('>= -5 %', -10, 10, 'clamp_negative=false'), 0.00, '≥-5 %: a=-10 % scores nothing (all or nothing)');
SELECT is(score('>= -5 %', 3, 10), 10.00, '≥-5 %: a=3 % full marks');
-- strict_gt
SELECT is(score('> 10 次', 10, 6), 6.00, '>10: a=10 full marks by default (S1)');
SELECT is(score('> 10 次', 10, 6, 'strict_gt=true'), 5.99, '>10 strict: a=10 just short of full marks');
SELECT is(score('> 10 次', 10.01, 6, 'strict_gt=true'), 6.00, '>10 strict: a=10.01 full marks');
SELECT is(score('< 60 万元', 60, 8, 'strict_gt=on'), 7.99, '<60 strict: a=60 just short of full marks');
SELECT is(score('< 60 万元', 59, 8, 'strict_gt=on'), 8.00, '<60 strict: a=59 full marks');
-- equality: by nature, symmetric, exact, tolerance
SELECT is(score('正向 = 100 %', 96, 10), 9.60, '正向 =100: a=96 scores 9.60');
SELECT is(score('正向 = 100 %', 104, 10), 10.00, '正向 =100: a=104 full marks (like >=)');
SELECT is(score('反向 = 100 %', 96, 10), 10.00, '反向 =100: a=96 full marks (like <=)');
SELECT is(score('反向 = 100 %', 104, 10), 9.62, '反向 =100: a=104 scores 9.62 (ratio)');
SELECT is(score('正向 = 100 %', 104, 10, 'eq_mode=symmetric'), 9.62, 'symmetric =100: a=104 scores 9.62');
SELECT is(score('正向 = 100 %', 96, 10, 'eq_mode=symmetric'), 9.60, 'symmetric =100: a=96 scores 9.60');
SELECT is(score('正向 = 100 %', 125, 10, 'eq_mode=symmetric reverse_mode=linear_2x'), 7.50,
          'symmetric + linear_2x =100: a=125 scores 7.50');
SELECT is(score('正向 = 100 %', 100, 10, 'eq_mode=exact'), 10.00, 'exact =100: a=100 full marks');
SELECT is(score('正向 = 100 %', 99.99, 10, 'eq_mode=exact'), 0.00, 'exact =100: a=99.99 nothing');
SELECT is(score('正向 = 100 %', 105, 10, 'eq_mode=exact eq_tolerance=0.05'), 10.00, 'exact with 5 % tolerance: a=105 full (edge included)');
SELECT is(score('正向 = 100 %', 105.01, 10, 'eq_mode=exact eq_tolerance=0.05'), 0.00, 'exact with 5 % tolerance: a=105.01 nothing');
SELECT is(score('反向 = 100 %', 105, 10, 'eq_tolerance=0.05'), 10.00, '反向 =100 with 5 % tolerance: a=105 full');
SELECT is(score('正向 = 100 %', 106, 10, 'eq_mode=symmetric eq_tolerance=0.05'), 9.43, 'symmetric with 5 % tolerance: a=106 scores 9.43');
SELECT is(score_detail('正向 = 100 %', 95, 10, 'eq_mode=symmetric eq_tolerance=0.05'),
          ROW(10.00, 1, true, -0.05, false, false, false, false, NULL)::indicator_score, 'within tolerance counts as met');
-- ranges
SELECT is(score('95%～100%', 97.5, 10), 10.00, 'range 95～100: inside full marks');
SELECT is(score('95%～100%', 95, 10), 10.00, 'range 95～100: lower edge full marks');
SELECT is(score('95%～100%', 100, 10), 10.00, 'range 95～100: upper edge full marks');
SELECT is(score('95%～100%', 90, 10), 9.47, 'range 95～100: a=90 below scores a/lo = 9.47');
SELECT is(score('95%～100%', 110, 10), 9.09, 'range 95～100: a=110 above scores hi/a = 9.09');
SELECT is(score('95%～100%', 110, 10, 'reverse_mode=linear_2x'), 9.00, 'range 95～100 linear_2x: a=110 scores 9.00');
SELECT is(score('95%～100%', 200, 10, 'reverse_mode=linear_2x'), 0.00, 'range 95～100 linear_2x: a=200 scores 0');
SELECT is(score('0～10 次', 12, 10), 8.33, 'range 0～10: a=12 scores 8.33');
SELECT is(score('0～10 次', 0, 10), 10.00, 'range 0～10: a=0 inside');
SELECT is(score('-5～5 %', -6, 10, 'clamp_negative=false'), 0.00, 'range with lo ≤ 0: below it scores 0 (no division)');
SELECT is(score('0～0', 1, 10), 0.00, 'range 0～0: above it scores 0 (no division)');
SELECT is((score_detail('95%～100%', 90, 10)).deviation, NULL::numeric, 'range: no 偏离度');
-- a miss never shows full marks
SELECT is(score('>= 10000', 9999.9, 10), 9.99, 'miss by 0.001 %: 9.99, not 10.00');
SELECT is(score_detail('>= 10000', 9999.9, 10), ROW(9.99, 1, false, 0, false, true, false, false, NULL)::indicator_score,
          'miss by 0.001 %: missed (attainment and 偏离度 show 1 and 0 at 4 decimals), reason required');
SELECT is(score('<= 10000', 10000.1, 10), 9.99, '≤ missed by 0.001 %: 9.99');
SELECT is(score('1～2', 2.0001, 10), 9.99, 'range missed above by a hair: 9.99');
SELECT is(score('>= 100', 99.9, 0.01), 0.00, 'weight 0.01, a miss: 0.00, never the full 0.01');
-- over-completion
SELECT is((score_detail('>= 100', 119.99, 10)).over_completed, false, '≥100: a=119.99 not over-completed');
SELECT is((score_detail('>= 100', 120, 10)).over_completed, true, '≥100: a=120 over-completed (a/t = 1.2)');
SELECT is((score_detail('<= 60 分钟', 48, 10)).over_completed, true, '≤60: a=48 over-completed ((t-a)/t = 0.2)');
SELECT is((score_detail('<= 60 分钟', 48.01, 10)).over_completed, false, '≤60: a=48.01 not over-completed');
SELECT is((score_detail('>= 100', 130, 10, 'over_threshold=1.5')).over_completed, false, 'over_threshold=1.5: a/t = 1.3 not flagged');
SELECT is(score('>= 100', 130, 10, 'over_mode=deduct'), 9.00, 'over_mode=deduct: a/t = 1.3 loses 10 %');
SELECT is(score('>= 100', 400, 10, 'over_mode=deduct'), 8.00, 'over_mode=deduct: never below over_floor 0.8');
-- NULLs
SELECT is(score('>= 95 %', NULL::numeric, 10), NULL, 'NULL actual: NULL');
SELECT is(score('>= 95 %', NULL::text, 10), NULL, 'NULL text actual: NULL');
SELECT is(score('>= 95 %', 96, NULL), NULL, 'NULL weight: NULL');
SELECT is(score('>= 95 %', 96, 10, NULL), score('>= 95 %', 96, 10), 'NULL policy: the central policy');
SELECT is(score_detail('>= 95 %', 96, NULL), NULL, 'score_detail, NULL weight: NULL');
SELECT is(attainment('>= 95 %', NULL::numeric), NULL, 'attainment, NULL actual: NULL');
SELECT is('>= 95 %'::indicator @> NULL::numeric, NULL, '@> NULL: NULL');
SELECT is(budget_execution_score(NULL, 100), NULL, 'budget: NULL spent: NULL');
SELECT is(budget_execution_score(100, NULL), NULL, 'budget: NULL budget: NULL');
SELECT is(budget_execution_score(95, 100, NULL, NULL), 9.50, 'budget: NULL weight and policy: central''s 10');
SELECT is(grade(NULL), NULL, 'grade(NULL): NULL');
-- weight 0
SELECT is(score('>= 100', 80, 0), 0.00, 'weight 0, missed: 0.00');
SELECT is(score_detail('>= 100', 100, 0), ROW(0.00, 1, true, 0, false, false, false, false, NULL)::indicator_score, 'weight 0, met: 0.00, no reason required');
SELECT is(score('定性 有效提高', '达成', 0), 0.00, 'weight 0, 定性 达成: 0.00');
SELECT is(budget_execution_score(95, 100, 0), 0.00, 'budget weight 0: 0.00');
-- huge values: 18 significant digits, exact
SELECT is(score('>= 999999999999999999', 999999999999999998, 10), 9.99, '18-digit target, missed by 1: 9.99');
SELECT is(score('>= 999999999999999999', 999999999999999999, 10), 10.00, '18-digit target met');
SELECT is(score('>= 999999999999999999', 333333333333333333, 10), 3.33, '18 digits: exactly a third: 3.33');
SELECT is(score('>= 200000000000000000', 133300000000000000, 10), 6.67, '18 digits: 6.665 rounds half up to 6.67');
SELECT is(score('>= 0.000000000000000003', 0.000000000000000001, 10), 3.33, '18 decimals: a third: 3.33');
SELECT is(score('<= 123456789012345678', 987654321098765432, 10),
          round(10 * 123456789012345678 / 987654321098765432::numeric(60, 40), 2), '≤ with 18-digit values: exact t/a');
SELECT is(score('>= 0.000000000000000001', 999999999999999999, 10), 10.00, 'tiny target, huge actual: full marks');
SELECT is(score('<= 0.000000000000000001', 999999999999999999, 10), 0.00, 'tiny ≤ target, huge actual: 0.00');
SELECT is(score('>= 999999999999999999 元', '99999999999999.9999万元', 10), 10.00, '18 digits in 万元 against 元: exact');
SELECT is(score('<= 1 元', '999999999999999999万元', 10), 0.00, '18 digits in 万元 against ≤1 元');
SELECT is(score('>= 3', 1, 9999999999999999.99), 3333333333333333.33, '18-digit weight: exact points');
SELECT is(budget_execution_score(999999999999999999, 999999999999999999), 10.00, 'budget: 18-digit amounts');
SELECT is(budget_execution_score(333333333333333333, 999999999999999999), 3.33, 'budget: 18 digits, a third');
-- text actuals: units, conversions, aliases, separators
SELECT is(score('>= 95 %', '96%', 10), 10.00, 'text: 96%');
SELECT is(score('>= 95 %', '90 ％', 10), 9.47, 'text: full-width ％');
SELECT is(score('>= 95 %', '90 百分比', 10), 9.47, 'text: 百分比 is %');
SELECT is(score('>= 95 %', '90 percent', 10), 9.47, 'text: percent is %');
SELECT is(score('>= 95 %', '900‰', 10), 9.47, 'text: ‰ converts to %');
SELECT is(score('>= 5000 份', '4,000份', 10), 8.00, 'text: thousands separator');
SELECT is(score('>= 5000000 份', '1,234,567.5份', 10), 2.47, 'text: several thousands separators and decimals');
SELECT is(score('>= 5000 份', '４８００份', 10), 9.60, 'text: full-width digits');
SELECT is(score('>= 5000 份', '4800', 10), 9.60, 'text: no unit taken in the target''s unit');
SELECT is(score('<= 60 万元', '650000元', 10), 9.23, 'text: 元 against a 万元 target');
SELECT is(score('<= 60 万元', '600,000元', 10), 10.00, 'text: 600,000元 is 60 万元');
SELECT is(score('<= 60 万元', '0.7 亿元', 10), 0.09, 'text: 亿元 against a 万元 target');
SELECT is(score('>= 100 元', '0.008万元', 10), 8.00, 'text: 万元 against a 元 target');
SELECT is(score('<= 20 分钟', '0.3 小时', 10), 10.00, 'text: 0.3 小时 is 18 分钟');
SELECT is(score('<= 20 分钟', '0.5小时', 10), 6.67, 'text: 0.5小时 against ≤20 分钟');
SELECT is(score('<= 2 小时', '150分钟', 10), 8.00, 'text: 150分钟 against ≤2 小时');
SELECT is(score('>= 100 条/天', '5 条/小时', 10), 10.00, 'text: a rate converts (5/h = 120/day)');
SELECT is(score('定性 2022年12月前', '2023年1月', 10), 9.22, 'deadline: one month late, 365/396 of the days');
SELECT is(score('定性 2022年6月30日前', '2022年7月15日', 10), 9.23, 'deadline: 15 days late, 181/196');
SELECT is(score('定性 2022年12月前', '2023年1月', 10, 'date_mode=all_or_nothing'), 0.00, 'deadline all_or_nothing: late scores 0');
SELECT is(score('定性 2022年12月前', '2023年1月', 10, 'date_mode=per_month date_month_deduct=0.2'), 8.00, 'deadline per_month: one month late loses 20 %');
SELECT is(score('定性 2022年3月前', '达成', 10), 10.00, 'deadline scored by a grade');
SELECT is(score('定性 有效提高', '达成', 7.5), 7.50, '定性 达成: 1.00 w');
SELECT is(score('定性 有效提高', '部分达成', 7.5), 5.25, '定性 部分达成: 0.70 w');
SELECT is(score('定性 有效提高', '未达成', 7.5), 2.25, '定性 未达成: 0.30 w');
SELECT is(score('定性 有效提高', '达成 95%', 10), 9.50, '定性 manual score as a percentage');
SELECT is(score('定性 有效提高', '达成 2.66', 3.33), 2.66, '定性 band edges are rounded to cents (0.8 x 3.33 = 2.664 → 2.66)');
SELECT is(attainment('定性 有效提高', '部分达成'), 0.7000, 'attainment of 部分达成: 0.7');
SELECT is('定性 有效提高'::indicator @> '达成'::text, true, '@> 达成');
SELECT is('定性 有效提高'::indicator @> '部分达成'::text, false, '@> 部分达成 is not met');
-- errors
SELECT ok(score('>= 95 %', '96次', 10) IS NULL AND (score_detail('>= 95 %', '96次', 10)).needs_person, 'unit mismatch: 次 against %: NULL, left to a person');
SELECT ok(score('>= 100 条/天', '3000 条/月', 10) IS NULL AND (score_detail('>= 100 条/天', '3000 条/月', 10)).needs_person, 'unit mismatch: 条/月 against 条/天 (calendar): NULL, left to a person');
SELECT ok(score('>= 10 工作日', '10 天', 10) IS NULL AND (score_detail('>= 10 工作日', '10 天', 10)).needs_person, 'unit mismatch: 天 against 工作日: NULL, left to a person');
SELECT ok(score('>= 10 天', '1 月', 10) IS NULL AND (score_detail('>= 10 天', '1 月', 10)).needs_person, 'unit mismatch: 月 against 天: NULL, left to a person');
SELECT ok(score('<= 60 万元', '5 小时', 10) IS NULL AND (score_detail('<= 60 万元', '5 小时', 10)).needs_person, 'unit mismatch: 小时 against 万元: NULL, left to a person');
SELECT ok(score('>= 10 次', '10 个', 10) IS NULL AND (score_detail('>= 10 次', '10 个', 10)).needs_person, 'unit mismatch: 个 against 次: NULL, left to a person');
SELECT ok(score('>= 95 %', 'abc', 10) IS NULL AND (score_detail('>= 95 %', 'abc', 10)).needs_person, 'bad actual text: abc: NULL, left to a person');
SELECT throws_ok($$SELECT score('>= 95 %', '', 10)$$, '22P02', NULL, 'bad actual text: empty');
SELECT throws_ok($$SELECT score('>= 95 %', '   ', 10)$$, '22P02', NULL, 'bad actual text: blanks');
SELECT throws_ok($$SELECT score('>= 95 %', '1,23', 10)$$, '22P02', NULL, 'bad actual text: misplaced thousands separator');
SELECT throws_ok($$SELECT score('定性 有效提高', '达成 9 分 好', 10)$$, '22P02', NULL, 'bad actual text: junk after a manual score');
SELECT ok(attainment('>= 95 %', 'x96') IS NULL, 'words in attainment(): NULL, left to a person');
SELECT ok(('>= 95 %'::indicator @> 'x96'::text) IS NULL, 'words in @>: NULL, left to a person');
SELECT throws_ok($$SELECT score('>= 10 次', '1234567890123456789', 10)$$, '22003', NULL, 'text actual of 19 digits: out of range');
SELECT throws_ok($$SELECT score('定性 有效提高', '达成 7', 10)$$, '22023', NULL, 'manual score below the 达成 band');
SELECT throws_ok($$SELECT score('定性 有效提高', '达成 10.01', 10)$$, '22023', NULL, 'manual score above the weight');
SELECT throws_ok($$SELECT score('定性 有效提高', '部分达成 8', 10)$$, '22023', NULL, 'manual score at the 部分达成 upper edge (excluded)');
SELECT throws_ok($$SELECT score('定性 有效提高', '未达成 6', 10)$$, '22023', NULL, 'manual score at the 未达成 upper edge (excluded)');
SELECT throws_ok($$SELECT score('定性 有效提高', '部分达成 90%', 10)$$, '22023', NULL, 'manual percentage outside the band');
SELECT ok(score('定性 有效提高', 95, 10) IS NULL AND (score_detail('定性 有效提高', 95, 10)).needs_person, 'a number cannot score a 定性 target: NULL, left to a person');
SELECT ok(score('>= 95 %', '2022年11月', 10) IS NULL AND (score_detail('>= 95 %', '2022年11月', 10)).needs_person, 'a date cannot score a numeric target: NULL, left to a person');
SELECT throws_ok($$SELECT score('>= 95 %', 96, -1)$$, '22023', NULL, 'negative weight');
SELECT throws_ok($$SELECT score('>= 95 %', 'NaN'::numeric, 10)$$, '22023', NULL, 'NaN actual');
SELECT throws_ok($$SELECT budget_execution_score(-1, 100)$$, '22023', NULL, 'negative spending');
SELECT throws_ok($$SELECT budget_execution_score(120, 100, 10, 'budget_reject_over=true')$$, '22023', NULL, 'budget_reject_over: 120 % refused');
SELECT throws_ok($$SELECT score('>= 95 %', 96, 10, 'shanghai')$$, '22023', NULL, 'policy: unknown preset');
SELECT throws_ok($$SELECT score('>= 95 %', 96, 10, 'central reverse=ratio')$$, '22023', NULL, 'policy: unknown knob');
SELECT throws_ok($$SELECT score('>= 95 %', 96, 10, 'reverse_mode=quadratic')$$, '22023', NULL, 'policy: unknown value');
SELECT throws_ok($$SELECT score('>= 95 %', 96, 10, 'strict_gt=maybe')$$, '22023', NULL, 'policy: not a boolean');
SELECT throws_ok($$SELECT score('>= 95 %', 96, 10, 'eq_tolerance=abc')$$, '22023', NULL, 'policy: not a number');
SELECT throws_ok($$SELECT score('>= 95 %', 96, 10, 'eq_tolerance=-0.1')$$, '22023', NULL, 'policy: negative tolerance');
SELECT throws_ok($$SELECT score('>= 95 %', 96, 10, 'over_threshold=0.9')$$, '22023', NULL, 'policy: over_threshold not above 1');
SELECT throws_ok($$SELECT score('>= 95 %', 96, 10, 'qual_bands=0.5/0.8')$$, '22023', NULL, 'policy: qual_bands upside down');
SELECT throws_ok($$SELECT score('>= 95 %', 96, 10, 'qual_points=1/0.7')$$, '22023', NULL, 'policy: qual_points too short');
SELECT throws_ok($$SELECT score('>= 95 %', 96, 10, 'reverse_mode=ratio hubei')$$, '22023', NULL, 'policy: a preset after a knob');
SELECT throws_ok($$SELECT budget_execution_score(95, 100, NULL, 'budget_steps=1:0.5/0.9:0.95')$$, '22023', NULL, 'policy: budget steps with points rising');
SELECT throws_ok($$SELECT grade(95, 'grade_bands=80/90/60')$$, '22023', NULL, 'policy: grade bands not decreasing (grade())');
SELECT throws_ok($$SELECT * FROM scoring_policy_knobs('beijing')$$, '22023', NULL, 'policy: unknown preset (scoring_policy_knobs())');
SELECT throws_ok($$SELECT attainment('>= 95 %', 96, 'over_k=-1')$$, '22023', NULL, 'policy: negative over_k (attainment())');
SELECT is(score('<= 5', 6, 10, ''), 8.33, 'policy: empty text is central');
SELECT is(score('<= 5', 6, 10, 'CENTRAL, reverse_mode=LINEAR_2X;over_threshold=1.5'), 8.00,
          'policy: names are case-insensitive, separators blanks, commas, semicolons');

--
-- 4. Properties over generated data
--
SELECT cmp_ok((SELECT count(*) FROM gen), '>', 20000::bigint, 'generated: over 20000 (indicator, actual) rows');
SELECT is((SELECT count(*) FILTER (WHERE s NOT BETWEEN 0 AND wi OR s_lin NOT BETWEEN 0 AND wi
                                      OR s_strict NOT BETWEEN 0 AND wi OR s_sym NOT BETWEEN 0 AND wi
                                      OR s_deduct NOT BETWEEN 0 AND wi OR sr NOT BETWEEN 0 AND wr) FROM gen),
          0::bigint, 'property: the score lies between 0 and the weight (every policy, every weight)');
SELECT is((SELECT count(*) FILTER (WHERE scale(s) <> 2 OR scale(sr) <> 2 OR scale(s_lin) <> 2) FROM gen),
          0::bigint, 'property: points always have exactly two decimals');
SELECT is((SELECT count(*) FILTER (WHERE (s = wi) <> met) FROM gen),
          0::bigint, 'property: full marks exactly when i @> a (central policy)');
SELECT is((SELECT count(*) FILTER (WHERE wr > 0 AND (sr = wr) <> met) FROM gen),
          0::bigint, 'property: full marks exactly when i @> a, for any positive weight');
SELECT is((SELECT count(*) FILTER (WHERE att NOT BETWEEN 0 AND 1 OR (att = 1) < met) FROM gen),
          0::bigint, 'property: attainment between 0 and 1, and 1 when met');
SELECT is((SELECT count(*) FILTER (WHERE s <> pg_temp.ref_points(met, ref_num, ref_den, wi) OR att <> pg_temp.ref_div(ref_num, ref_den, 4)
                                      OR met <> ref_met) FROM gen),
          0::bigint, 'property: score, attainment and met equal the central rules written in SQL');
SELECT is((SELECT count(*) FILTER (WHERE s_lin <> pg_temp.ref_points(ref_met, lin_num, lin_den, wi)) FROM gen),
          0::bigint, 'property: reverse_mode=linear_2x equals max(0, (2t-a)/t) written in SQL');
SELECT is((SELECT count(*) FILTER (WHERE s_lin > s) FROM gen),
          0::bigint, 'property: linear_2x never scores above ratio');
SELECT is((SELECT count(*) FILTER (WHERE s_strict > s
                                      OR (s_strict <> s AND NOT (cmp IN ('>', '<') AND CASE WHEN coalesce(t, lo) < 0 THEN a ELSE greatest(a, 0) END = t))) FROM gen),
          0::bigint, 'property: strict_gt changes only > and < exactly on target, and only downwards');
SELECT is((SELECT count(*) FILTER (WHERE s_deduct > s OR (s_deduct <> s AND NOT (d).over_completed)) FROM gen),
          0::bigint, 'property: over_mode=deduct only lowers over-completed scores');
SELECT is((SELECT count(*) FILTER (WHERE (d).points <> s OR (d).met <> met OR (d).attainment <> att
                                      OR (d).reason_required <> (s < wi) OR (d).manual_review) FROM gen),
          0::bigint, 'property: score_detail agrees with score, @>, attainment; reason required below the weight');
SELECT is((SELECT count(*) FILTER (WHERE (d).deviation IS DISTINCT FROM dev
                                      OR (d).over_completed <> (met AND coalesce(dev_exact >= 0.2, false)))
           FROM gen, LATERAL (SELECT CASE
                 WHEN t > 0 AND (cmp IN ('>=', '>') OR (cmp = '=' AND nat = '正向')) THEN (CASE WHEN coalesce(t, lo) < 0 THEN a ELSE greatest(a, 0) END - t) / t
                 WHEN t > 0 AND cmp IN ('<=', '<', '=') THEN (t - CASE WHEN coalesce(t, lo) < 0 THEN a ELSE greatest(a, 0) END) / t END) x(dev_exact),
                LATERAL (SELECT round(dev_exact, 4)) y(dev)),
          0::bigint, 'property: 偏离度 (a-t)/t, (t-a)/t for 反向; over-completion flagged when met and ≥ 0.2');
SELECT is((SELECT count(*) FILTER (WHERE score(i, a::text, wi) <> s OR (i @> a::text) <> met) FROM gen
           WHERE NOT pg_temp.year_like(a)),
          0::bigint, 'property: score(i, a::text, w) = score(i, a, w), and @> on text agrees (numbers that read as year.month excepted, see TODO)');
SELECT is((SELECT count(*) FILTER (WHERE score(i, (a * 10000)::text || '元', wi) <> s) FROM gen WHERE unit = '万元'),
          0::bigint, 'property: for 万元 targets, the actual in 元 scores the same');
SELECT is((SELECT count(*) FILTER (WHERE score(i, (a * 0.0001)::text || ' 亿元', wi) <> s) FROM gen WHERE unit = '万元'),
          0::bigint, 'property: for 万元 targets, the actual in 亿元 scores the same');
SELECT is((SELECT count(*) FILTER (WHERE score(i, (a * 60)::text || '分钟', wi) <> s OR score(i, a::text || ' 小时', wi) <> s)
           FROM gen WHERE unit = '小时'),
          0::bigint, 'property: for 小时 targets, the actual in 分钟 (or 小时) scores the same');
SELECT is((SELECT count(*) FILTER (WHERE score(i, a::text || '%', wi) <> s OR score(i, a::text || '％', wi) <> s
                                      OR score(i, a::text || '百分比', wi) <> s OR score(i, (a * 10)::text || '‰', wi) <> s)
           FROM gen WHERE unit = '%'),
          0::bigint, 'property: for % targets, %, ％, 百分比 and ‰ actuals score the same');
SELECT is((SELECT count(*) FILTER (WHERE score(i, to_char(a, 'FM999,999,999,990.00') || CASE unit WHEN '次' THEN '次' ELSE '' END, wi) <> s)
           FROM gen WHERE scale(a) <= 2 AND abs(a) >= 1000),
          0::bigint, 'property: actuals with thousands separators score the same');
SELECT is((SELECT count(*) FILTER (WHERE CASE
                 WHEN cmp IN ('>=', '>') OR (cmp = '=' AND nat = '正向' AND t <> 0) THEN s < ps OR s_lin < pl OR s_strict < pst
                 WHEN cmp IN ('<=', '<', '=') THEN s > ps OR s_lin > pl OR s_strict > pst
                 ELSE (a <= lo AND (s < ps OR s_lin < pl)) OR (pa >= hi AND (s > ps OR s_lin > pl)) END)
           FROM (SELECT *, lag(s) OVER w AS ps, lag(s_lin) OVER w AS pl, lag(s_strict) OVER w AS pst, lag(a) OVER w AS pa
                 FROM gen WINDOW w AS (PARTITION BY id ORDER BY a)) m),
          0::bigint, 'property: monotonic in the actual: ≥ > 正向= non-decreasing, ≤ < 反向= non-increasing, ranges rise then fall');
SELECT is((SELECT count(*) FILTER (WHERE (a <= t AND s_sym < ps) OR (pa >= t AND s_sym > ps))
           FROM (SELECT *, lag(s_sym) OVER w AS ps, lag(a) OVER w AS pa
                 FROM gen WHERE cmp = '=' WINDOW w AS (PARTITION BY id ORDER BY a)) m),
          0::bigint, 'property: eq_mode=symmetric rises to the target and falls after it');
SELECT is((SELECT count(*) FILTER (WHERE score(i, a, wi, p) <> s) FROM gen,
                  unnest(ARRAY['hubei', 'jiangxi', 'zhejiang', 'tianjin', 'hebei', '湖北', '江西']) p),
          0::bigint, 'property: every preset scores quantitative indicators as central');
SELECT is((SELECT count(*) FILTER (WHERE ROW((x).points, (x).attainment, (x).met, (x).deviation, (x).over_completed, (x).reason_required)
                                         IS DISTINCT FROM ROW((d).points, (d).attainment, (d).met, (d).deviation, (d).over_completed, (d).reason_required)
                                      OR (x).manual_review <> (p IN ('tianjin', 'hebei') AND (
                                             (cmp IN ('<=', '<') AND CASE WHEN coalesce(t, lo) < 0 THEN a ELSE greatest(a, 0) END > t) OR (cmp = '=' AND CASE WHEN coalesce(t, lo) < 0 THEN a ELSE greatest(a, 0) END <> t))))
           FROM gen, unnest(ARRAY['hubei', 'jiangxi', 'zhejiang', 'tianjin', 'hebei']) p,
                LATERAL (SELECT score_detail(i, a, wi, p)) y(x)),
          0::bigint, 'property: presets agree with central in every detail; 天津/河北 flag = off target and <= above it');
-- 预算执行率
SELECT cmp_ok((SELECT count(*) FROM bud), '>', 60000::bigint, 'generated: over 60000 budget rows');
SELECT is((SELECT count(*) FILTER (WHERE pts NOT BETWEEN 0 AND w OR scale(pts) <> 2) FROM bud),
          0::bigint, 'property: budget_execution_score between 0 and the policy''s weight, two decimals');
SELECT is((SELECT count(*) FILTER (WHERE pts < prev)
           FROM (SELECT pts, lag(pts) OVER (PARTITION BY p, b ORDER BY s) AS prev FROM bud) m),
          0::bigint, 'property: budget_execution_score non-decreasing in spending, for every policy');
SELECT is((SELECT count(*) FILTER (WHERE rate <> pg_temp.ref_div(s, b, 4)) FROM bud),
          0::bigint, 'property: budget_execution_rate = spent / budget, 4 decimals, uncapped');
SELECT is((SELECT count(*) FILTER (WHERE pts <> pg_temp.ref_div(w * least(s, b), b, 2))
           FROM bud WHERE steps IS NULL),
          0::bigint, 'property: linear budget score = min(rate, 1) x W (W 10, 湖北 20, or the knob)');
SELECT is((SELECT count(*) FILTER (WHERE pts <> round(w * coalesce(
                 (SELECT split_part(st, ':', 2)::numeric FROM unnest(steps::text[]) WITH ORDINALITY u(st, o)
                  WHERE s * 1.000000000000000000000000000000 / b >= split_part(st, ':', 1)::numeric ORDER BY o LIMIT 1), 0), 2))
           FROM bud WHERE steps IS NOT NULL),
          0::bigint, 'property: stepped budget score (江西 and custom steps) = W x the first step reached');
-- grades
SELECT is((SELECT count(*) FILTER (WHERE g <> CASE WHEN total >= bands[1] THEN '优' WHEN total >= bands[2] THEN '良'
                                                    WHEN total >= bands[3] THEN '中' ELSE '差' END)
           FROM totals, LATERAL (SELECT grade(total, p)) x(g)),
          0::bigint, 'property: grade() by the bands (90/80/60, custom) at every cent from -1 to 101');
SELECT is((SELECT count(*) FILTER (WHERE rk < prev)
           FROM (SELECT rk, lag(rk) OVER (PARTITION BY p ORDER BY total) AS prev
                 FROM totals, LATERAL (SELECT array_position(ARRAY['差', '中', '良', '优'], grade(total, p))) x(rk)) m),
          0::bigint, 'property: grade() is monotonic in the total');
-- 定性 manual scores
SELECT is((SELECT count(*) FILTER (WHERE (got >= 0) <> CASE gi
                 WHEN 1 THEN pts BETWEEN round(w * 0.8, 2) AND w
                 WHEN 2 THEN pts >= round(w * mid, 2) AND pts < round(w * 0.8, 2)
                 ELSE pts < round(w * mid, 2) END
              OR (got >= 0 AND got <> pts)) FROM manual),
          0::bigint, 'property: a manual score is accepted, unchanged, exactly inside its grade''s band (central 80/60, 湖北 80/50)');
-- deadlines
SELECT is((SELECT count(*) FILTER (WHERE pts <> CASE WHEN day <= deadline THEN 10
                 ELSE pg_temp.ref_points(false, deadline - start + 1, day - start + 1, 10) END)
           FROM deadlines),
          0::bigint, 'property: deadline score = 10 on time, else 10 x planned days / days taken');
SELECT is((SELECT count(*) FILTER (WHERE pts > prev)
           FROM (SELECT pts, lag(pts) OVER (PARTITION BY spec ORDER BY day) AS prev FROM deadlines) m),
          0::bigint, 'property: deadline score non-increasing in the completion date');

-- the scorecard aggregate scores each row exactly as score() does (its
-- machine-integer quick path against the general exact path)
SELECT is((SELECT count(*) FROM (SELECT id, a, (scorecard(i, a, wi)).score AS agg FROM gen GROUP BY id, i, a, wi) x
           JOIN gen g USING (id, a) WHERE x.agg IS DISTINCT FROM g.s),
          0::bigint, 'property: scorecard over one row = score(), central policy');
SELECT is((SELECT count(*) FROM (SELECT id, a, (scorecard(i, a, wi, 'reverse_mode=linear_2x')).score AS agg FROM gen GROUP BY id, i, a, wi) x
           JOIN gen g USING (id, a) WHERE x.agg IS DISTINCT FROM g.s_lin),
          0::bigint, 'property: scorecard over one row = score(), linear_2x');
SELECT is((SELECT count(*) FROM (SELECT id, a, (scorecard(i, a, wi, 'strict_gt=true')).score AS agg FROM gen GROUP BY id, i, a, wi) x
           JOIN gen g USING (id, a) WHERE x.agg IS DISTINCT FROM g.s_strict),
          0::bigint, 'property: scorecard over one row = score(), strict_gt');
SELECT is((SELECT count(*)
           FROM (SELECT i, a, wi, scorecard(i, a, wi, 'tianjin') AS agg FROM gen GROUP BY id, i, a, wi) x,
                LATERAL score_detail(x.i, x.a, x.wi, 'tianjin') d
           WHERE (x.agg).manual_review <> d.manual_review::int OR (x.agg).met <> d.met::int
              OR (x.agg).over_completed <> d.over_completed::int
              OR (x.agg).reason_required <> d.reason_required::int OR (x.agg).score <> d.points),
          0::bigint, 'property: scorecard counters = score_detail() flags, 天津 policy');

-- score_review: a row whose printed score is the rule's own score always agrees,
-- in either form of the actual, and one point more or less never does
SELECT is((SELECT count(*) FROM gen, LATERAL score_review(i, a, wi, s) r WHERE r.verdict <> 'agrees'),
          0::bigint, 'property: score_review with the rule''s own score as printed says agrees');
SELECT is((SELECT count(*) FROM gen, LATERAL score_review(i, a::text, wi, s) r WHERE r.verdict <> 'agrees'),
          0::bigint, 'property: the same for a text actual');
SELECT is((SELECT count(*) FROM gen, LATERAL score_review(i, a, wi, s + 1) r
           WHERE r.verdict IN ('agrees', 'rounding only') OR r.difference <> 1),
          0::bigint, 'property: a printed score one point above the rule''s never agrees, and differs by 1');

-- 1.4: targets and actuals as real sheets write them
SELECT is(indicator(NULL, NULL, t, NULL, l)::text, want, 'target spelling ' || t)
FROM (VALUES ('95%以上', NULL, '正向 >= 95 %'), ('不低于95%', NULL, '正向 >= 95 %'),
             ('‹=5%', NULL, '反向 <= 5 %'), ('≧95%', NULL, '正向 >= 95 %'), ('═100%', NULL, '正向 = 100 %'),
             ('>=21933人', NULL, '正向 >= 21933 人'), ('29.5亩', '数量指标', '正向 >= 29.5 亩'),
             ('12次', '数量指标', '正向 >= 12 次'), ('9月前', '时效指标', '定性 9月前'),
             ('12月底前', '时效指标', '定性 12月底前'), ('2021年12月完成', '时效指标', '定性 2021年12月完成')) t(t, l, want);
SELECT is(score(i::indicator, a, 10, p), want, format('actual %s against %s (%s)', a, i, p))
FROM (VALUES ('>= 266 米', '≥266米', 'central', 10.00), ('>= 90 %', '≥90%', 'central', 10.00),
             ('<= 5300 元/户', '<=5300元/户', 'central', 10.00), ('定性 资金到位', '是', 'central', 10.00),
             ('定性 资金到位', '否', 'central', 3.00), ('定性 显著提升', '显著提升', 'central', 10.00),
             ('定性 有效提升', '已有效提升', 'central', 10.00), ('定性 有效', '基本达到', 'central', 7.00),
             ('定性 9月前', '2022年10月15日', 'year=2022', 9.48), ('定性 年底前', '2022年11月', 'year=2022', 10.00),
             ('>= 100', '97.3', 'score_digits=1 rounding=truncate', 1.90)) t(i, a, p, want)
WHERE p <> 'score_digits=1 rounding=truncate'
UNION ALL
SELECT is(score('>= 100', '97.3', 2, 'score_digits=1 rounding=truncate'), 1.90, 'rounding=truncate: 97.3 % of 2 is 1.9');
SELECT ok(score('>= 10 次', a, 10) IS NULL AND (score_detail('>= 10 次', a, 10)).needs_person,
          format('%s against a number: left to a person', a))
FROM unnest(ARRAY['达成', '见附件', '详见报告', '持续有效']) a;

--
-- 5. Regression tests for defects found by this suite (fixed)
--
SELECT lives_ok($$SELECT score_detail('>= 1', 1000000000000000, 10)$$,
                'score_detail(>= 1, 10^15): no error (score() gives 10.00)');
SELECT lives_ok($$SELECT score_detail('正向 = 0.000000000000000001', 1, 10, 'eq_mode=symmetric')$$,
                'score_detail with an 18-decimal target: no error');
SELECT lives_ok($$SELECT budget_execution_rate(1000000000000000, 1)$$,
                'budget_execution_rate(10^15, 1): no error');
SELECT is(score('定性 有效提高', '达成 8.125', 10), 8.13, 'manual score 8.125 is rounded half up to 8.13');
SELECT is(scale(score('定性 有效提高', '部分达成 6.005', 10)), 2, 'manual score points have two decimals');
SELECT is(score('>= -5 %', -10, 10), 0.00, '≥-5 %, a=-10 % (default policy): missed, 0.00');
SELECT is('>= -5 %'::indicator @> -10::numeric, false, '≥-5 % @> -10: false');
SELECT is(pg_temp.try_any('>= 2000 人', '2022.5', 10), 10.00, 'score(>= 2000 人, ''2022.5'') reads a number: 10.00');
SELECT is((SELECT count(*) FROM gen WHERE pg_temp.year_like(a) AND pg_temp.try_any(i, a::text, wi) IS DISTINCT FROM s),
          0::bigint, 'property: score(i, a::text, w) = score(i, a, w) for year-like numbers too');
SELECT cmp_ok(score('>= 100', 100, 9.999), '<=', 9.999, 'points never exceed a weight of 9.999');

SELECT * FROM finish();
ROLLBACK;
