--
-- Scoring by the Ministry of Finance rules (the README's "Rules" section)
-- and the regional presets.
--

-- the worked defaults of section (c), w = 10
SELECT score('>= 100', 80, 10)                                  AS "≥100 a=80: 8.00",
       score('>= 100', 130, 10)                                 AS "≥100 a=130: 10.00",
       (score_detail('>= 100', 130, 10)).over_completed         AS "… flagged",
       score('<= 5', 6, 10)                                     AS "≤5 a=6: 8.33",
       score('<= 5', 6, 10, 'reverse_mode=linear_2x')           AS "linear_2x: 8.00",
       score('<= 5', 12, 10)                                    AS "≤5 a=12: 4.17",
       score('<= 5', 12, 10, 'reverse_mode=linear_2x')          AS "linear_2x: 0",
       score('= 0', 0, 10)                                      AS "=0 a=0: 10",
       score('= 0', 1, 10)                                      AS "=0 a=1: 0",
       score('定性 有效提高', '部分达成', 10)                    AS "部分达成: 7.00",
       budget_execution_score(95, 100)                          AS "budget 95/100: 9.50",
       budget_execution_score(95, 100, 10, 'jiangxi')           AS "江西: 7";

-- presets and their distinguishing cases
SELECT preset, description, knobs FROM scoring_policies();
SELECT budget_execution_score(95, 100, NULL, 'hubei') AS hubei_x20,
       budget_execution_score(95, 100) AS central_x10,
       budget_execution_score(0, 0) AS central_zero_budget,
       budget_execution_score(0, 0, 10, 'zhejiang') AS zhejiang_zero_budget,
       budget_execution_score(0, 0, 10, '浙江') AS chinese_name;
SELECT rate, budget_execution_score(rate, 100, 10, 'jiangxi') AS jiangxi,
       budget_execution_score(rate, 100) AS central, budget_execution_rate(rate, 100) AS exec_rate
FROM (VALUES (100), (120), (99.99), (80), (79.9), (60), (59), (0)) t(rate);
SELECT p, score('定性 有效提高', '部分达成 5.5', 10, p) FROM (VALUES ('hubei')) t(p);
SELECT p, (try_sql(format('SELECT score(%L, %L, 10, %L)', '定性 有效提高', '部分达成 5.5', p))).*
FROM (VALUES ('central')) t(p);
SELECT p, (score_detail('正向 = 100 %', 98, 10, p)).*, (score_detail('<= 60 分钟', 61, 10, p)).manual_review AS le_review
FROM (VALUES ('central'), ('tianjin'), ('hebei')) t(p);

--
-- rules, one by one
--
-- >= and >: proportional below, full at or above; > scored like >= unless strict_gt
SELECT a, score('>= 10 次', a, 6) AS ge, score('> 10 次', a, 6) AS gt,
       score('> 10 次', a, 6, 'strict_gt=true') AS gt_strict, '>= 10 次'::indicator @> a AS met
FROM (VALUES (0), (5), (9.99), (10), (10.01), (25)) t(a);
-- <= and <: ratio and linear_2x
SELECT a, score('<= 60 万元', a, 8) AS ratio, score('<= 60 万元', a, 8, 'reverse_mode=linear_2x') AS linear,
       score('< 60 万元', a, 8, 'strict_gt=on') AS lt_strict, '<= 60 万元'::indicator @> a AS met
FROM (VALUES (0), (59), (60), (61), (90), (120), (200)) t(a);
-- = by nature: 正向 like >=, 反向 like <=; symmetric and exact on request
SELECT a, score('正向 = 100 %', a, 10) AS pos, score('反向 = 100 %', a, 10) AS neg,
       score('正向 = 100 %', a, 10, 'eq_mode=symmetric') AS symmetric,
       score('正向 = 100 %', a, 10, 'eq_mode=exact') AS exact,
       score('正向 = 100 %', a, 10, 'eq_mode=exact eq_tolerance=0.05') AS exact_5pct
FROM (VALUES (80), (96), (100), (104), (125)) t(a);
-- zero targets: all or nothing (信息安全事故发生率 = 0 %), or per unit
SELECT a, score('正向 = 0 %', a, 3) AS eq_zero, score('<= 0 起', a, 3) AS le_zero,
       score('<= 0 起', a, 3, 'zero_target_mode=per_unit zero_target_deduct=0.25') AS per_unit
FROM (VALUES (0), (1), (2), (5)) t(a);
-- negative actuals clamp to 0; positive targets of 0 or below are all or nothing
SELECT score('>= 10', -5, 10) AS clamped, score('<= 10', -5, 10) AS clamped_le,
       score('<= 10', -5, 10, 'clamp_negative=false') AS unclamped,
       score('>= 0', 0, 10) AS ge_zero_met, score('>= 0', -1, 10, 'clamp_negative=false') AS ge_zero_missed,
       score('>= -5 %', -3, 10, 'clamp_negative=false') AS neg_target_met,
       score('>= -5 %', -10, 10, 'clamp_negative=false') AS neg_target_missed;
-- ranges: full inside, proportional below, the reverse rule above
SELECT a, score('95%～100%', a, 10) AS ratio, score('95%～100%', a, 10, 'reverse_mode=linear_2x') AS linear,
       '95%～100%'::indicator @> a AS met
FROM (VALUES (0), (90), (95), (97.5), (100), (110), (200)) t(a);
-- a miss never shows full marks, even when w * a/t rounds up to w
SELECT score('>= 10000', 9999.9, 10) AS just_missed, score('>= 10000', 10000, 10) AS met,
       (score_detail('>= 10000', 9999.9, 10)).reason_required;
-- over-completion (偏离度): flag only by default; deduct on request
SELECT a, (score_detail('>= 100', a, 10)).*
FROM (VALUES (100), (119.99), (120), (150)) t(a);
SELECT a, score('>= 100', a, 10, 'over_mode=deduct') AS deducted,
       score('>= 100', a, 10, 'over_mode=deduct over_k=2 over_floor=0.5') AS steeper
FROM (VALUES (110), (120), (130), (150), (400)) t(a);
SELECT (score_detail('<= 60 分钟', 10, 10)).over_completed AS le_far_below,
       (score_detail('<= 60 分钟', 55, 10)).over_completed AS le_near;

--
-- actuals written as text
--
SELECT spec, actual, score(spec::indicator, actual, 10), attainment(spec::indicator, actual)
FROM (VALUES ('>= 95 %', '96%'), ('>= 95 %', '96 ％'), ('>= 95 %', '90 百分比'),
             ('>= 5000 份', '5,200份'), ('>= 5000 份', '4,000'), ('<= 60 万元', '58万元'),
             ('<= 60 万元', '650000元'), ('<= 60 万元', '0.7 亿元'), ('<= 20 分钟', '0.3 小时'),
             ('<= 20 分钟', '0.5小时'), ('>= 100 条/天', '5 条/小时')) t(spec, actual);
SELECT actual, score('定性 有效提高', actual, 10) AS points, '定性 有效提高'::indicator @> actual AS met
FROM (VALUES ('达成'), ('达成年度指标'), ('已完成'), ('部分达成'), ('部分达成年度指标并具有一定效果'),
             ('基本达成'), ('未达成'), ('未达成年度指标且效果较差'), ('未完成'),
             ('达成 9.5'), ('达成(9分)'), ('部分达成：6'), ('未达成 0'), ('达成 95%'), ('部分达成（75%）')) t(actual);
-- deadlines: on or before is full marks; late is scored by days (reverse ratio)
SELECT spec, actual, score(spec::indicator, actual, 6) AS points,
       score(spec::indicator, actual, 6, 'date_mode=all_or_nothing') AS all_or_nothing,
       score(spec::indicator, actual, 6, 'date_mode=per_month date_month_deduct=0.2') AS per_month
FROM (VALUES ('定性 2022年12月前', '2022年11月'), ('定性 2022年12月前', '2022-12-31'),
             ('定性 2022年12月前', '2023年1月'), ('定性 2022年1月前', '2022年2月15日'),
             ('定性 2022年6月30日前', '2022.6.30'), ('定性 2022年1月至12月', '2022年12月'),
             ('定性 2022年1月至12月', '2023年2月'), ('定性 2022年3月前', '达成'),
             ('定性 2022年底', '2022/12/31')) t(spec, actual);

--
-- actuals as sheets write them (1.4)
--
-- a number repeating the comparator; yes and no; the target's own words, with
-- 已/已经/达到 before them; 基本达到 and its kin are 部分达成
SELECT spec, actual, score(spec::indicator, actual, 10)
FROM (VALUES ('>= 266 米', '≥266米'), ('>= 90 %', '≥90%'), ('<= 5300 元/户', '<=5300元/户'),
             ('<= 5300 元/户', '≤ 0.6 万元/户'), ('定性 资金全部到位', '是'), ('定性 资金全部到位', '否'),
             ('定性 显著提升', '显著提升'), ('定性 有效提升', '已有效提升'), ('定性 有效提升', '已经有效提升。'),
             ('定性 群众满意度提高', '达到群众满意度提高'), ('定性 有效', '基本达到'),
             ('定性 有效', '基本完成'), ('定性 有效', '基本实现'), ('定性 已完成', '已完成。'),
             ('定性 有效提升', '已有效提升。')) t(spec, actual);
-- what only a person can score: score() is NULL, never an error, and
-- score_detail() says why; the sheet goes on
SELECT spec, actual, score(spec::indicator, actual, 10) IS NULL AS score_null,
       d.needs_person, d.points, d.met, d.reason_required, d.person_reason
FROM (VALUES ('>= 95 %', 'abc'), ('>= 95 %', '见附件'), ('>= 95 %', '详见报告'),
             ('定性 有效提升', '显著提升'), ('定性 有效提升', '持续有效'),
             ('>= 10 次', '达成'), ('>= 10 次', '基本完成'),
             ('>= 95 %', '96次'), ('>= 100 条/天', '3000 条/月'),
             ('定性 有效提高', '95'), ('定性 有效提高', '2022年11月'), ('>= 95 %', '2022年11月'),
             ('定性 2022年6月30日前', '2022年6月0日'), ('定性 2022年6月30日前', '2022年0月'),
             ('定性 2022年0月前', '2023-01-01')) t(spec, actual),
     LATERAL score_detail(spec::indicator, actual, 10) d;
-- a number against words, in numeric form, needs a person too
SELECT score('定性 有效提高', 95, 10) IS NULL AS numeric_on_words,
       (score_detail('定性 有效提高', 95, 10)).needs_person;
-- a grade with a person's own score against a number is that score (the band checked)
SELECT score('>= 10 次', '达成 9.5', 10) AS manual, score('>= 10 次', '部分达成(70%)', 10) AS manual_share;
-- the scorecard counts them apart from the unscored rows (NULL actual): their
-- weight counts, their points do not
SELECT (c).indicators, (c).met, (c).unscored, (c).needs_person, (c).weight, (c).scored_weight, (c).score
FROM (SELECT scorecard(spec, actual, 10) AS c
      FROM (VALUES ('>= 10 次'::indicator, '12次'), ('>= 10 次', '见附件'), ('定性 有效', '是'),
                   ('>= 10 次', NULL), ('>= 10 次', '达成')) t(spec, actual)) s;
-- the state's text and binary forms are version 2 only when a row needs a
-- person, so every state a 1.3 library made reads and prints as it did
WITH s AS (SELECT k, scorecard_state(spec, actual, 10) AS st
           FROM (VALUES (1, '>= 10 次'::indicator, '12次'), (1, '>= 10 次', '见附件'),
                        (2, '>= 10 次', '12次'), (2, '>= 10 次', NULL)) t(k, spec, actual) GROUP BY k)
SELECT k, st::text, st::text::scorecard_state::text = st::text AS text_round_trip,
       length(scorecard_state_send(st)) AS wire_bytes
FROM s ORDER BY k;
-- deadlines without a year (9月前, 12月底前, 年底前, 全年) take the policy's
-- year (the sheet's); without it a person says which year (the completion
-- date's own year once made work a year late look on time)
SELECT spec, actual, score(spec::indicator, actual, 10) AS own_year,
       score(spec::indicator, actual, 10, 'year=2022') AS sheet_2022
FROM (VALUES ('定性 9月前', '2022年8月'), ('定性 9月前', '2022年10月15日'), ('定性 11月前', '2023-10-31'),
             ('定性 12月底前', '2022-12-31'), ('定性 12月底前', '2023-01-31'), ('定性 年底前', '2022年11月'),
             ('定性 全年', '2023年1月'), ('定性 9月前', '达成')) t(spec, actual);
SELECT score(indicator(NULL, NULL, '11月前', NULL, '时效指标'), '2022年11月', 10) AS bare_deadline;
SELECT stmt, t.state, t.message, t.detail
FROM (VALUES ($$SELECT score('定性 9月前', '2022年8月', 10, 'year=1800')$$),
             ($$SELECT score('定性 9月前', '2022年8月', 10, 'year=2022.5')$$)) s(stmt),
     LATERAL try_sql(stmt) t;
-- rounding as sheets print it (1.4): whole or tenth points, half up or cut
-- off; applied to the points, the budget execution score and, row by row,
-- to the scorecard's sums; a miss still never shows full marks
SELECT pol, score('>= 100 次', '97.3次', 2, pol) AS "97.3 % of 2",
       score('>= 100 次', 99.9, 10, pol) AS "99.9 % of 10",
       score('>= 100 次', 120, 10, pol) AS met,
       budget_execution_score(97.8, 100, 10, pol) AS budget,
       (SELECT (scorecard(i, a, w, pol)).score
        FROM (VALUES ('>= 100 次'::indicator, 97.3, 2::numeric), ('>= 100 次', 97.3, 2), ('>= 100 次', 85.5, 3)) t(i, a, w)) AS scorecard
FROM (VALUES ('central'), ('score_digits=1'), ('score_digits=1 rounding=truncate'), ('score_digits=0'),
             ('score_digits=0 rounding=truncate')) p(pol);
SELECT stmt, t.state, t.message, t.detail
FROM (VALUES ($$SELECT score('>= 100', 97.3, 2, 'score_digits=3')$$),
             ($$SELECT score('>= 100', 97.3, 2, 'rounding=down')$$)) s(stmt),
     LATERAL try_sql(stmt) t;
-- one form per state: v2 only with rows for a person (found by the fixed-seed
-- fuzz: a v2 message without any did not send back its own bytes)
SELECT t.state, t.message, t.detail
FROM try_sql($$SELECT 'v2 indicators=1 met=1 unmet=0 unscored=0 flagged=0 over_completed=0 reason_required=0 manual_review=0 needs_person=0 weight=1 score=1 scored_weight=1'::scorecard_state$$) t;
-- a malformed number is still a typo, not an answer
SELECT stmt, t.state, t.message, t.detail
FROM (VALUES ($$SELECT score('>= 10 次', '1,5', 10)$$), ($$SELECT score('>= 10 次', '≥1,5次', 10)$$)) s(stmt),
     LATERAL try_sql(stmt) t;

--
-- errors
--
SELECT stmt, t.state, t.message, t.detail
FROM (VALUES ($$SELECT attainment('定性 有效提高', '达成 9')$$),
             ($$SELECT score('>= 95 %', '', 10)$$),
             ($$SELECT score('定性 有效提高', '达成 7', 10)$$),
             ($$SELECT score('定性 有效提高', '未达成 6', 10)$$),
             ($$SELECT score('定性 有效提高', '达成 11', 10)$$),
             ($$SELECT score('定性 有效提高', '达成 9 分 好', 10)$$),
             ($$SELECT score('>= 95 %', 96, -1)$$),
             ($$SELECT score('>= 95 %', 'NaN'::numeric, 10)$$),
             ($$SELECT score('>= 95 %', 96, 10, 'shanghai')$$),
             ($$SELECT score('>= 95 %', 96, 10, 'central reverse=ratio')$$),
             ($$SELECT score('>= 95 %', 96, 10, 'reverse_mode=quadratic')$$),
             ($$SELECT score('>= 95 %', 96, 10, 'over_threshold=0.9')$$),
             ($$SELECT score('>= 95 %', 96, 10, 'qual_bands=0.5/0.8')$$),
             ($$SELECT score('>= 95 %', 96, 10, 'reverse_mode=ratio hubei')$$),
             ($$SELECT score('>= 95 %', repeat('9', 70000), 10)$$),
             ($$SELECT score('>= 95 %', 96, 10, repeat('central ', 600))$$),
             ($$SELECT score('>= 95 %', 96, 10, repeat(' ', 70000) || 'central')$$),
             -- month 0 and day 0 are no dates (they once read as the end of the year or month)
             ($$SELECT score('定性 2022年6月30日前', '2022-0-15', 10)$$),
             ($$SELECT score('定性 2022年6月30日前', '2022-07-00', 10)$$),
             ($$SELECT score('定性 2022年6月30日前', '2022/6/0', 10)$$),
             -- scientific notation is refused, not read as a unit
             ($$SELECT score('>= 10', '1e5', 10)$$),
             ($$SELECT score('>= 10 次', '1.5E+3 次', 10)$$),
             -- the message quotes the input, not the rounding that overflowed
             ($$SELECT score('>= 10', 999999999999999999.5, 10)$$),
             ($$SELECT budget_execution_score(-1, 100)$$),
             ($$SELECT budget_execution_score(120, 100, 10, 'budget_reject_over=true')$$)) s(stmt),
     LATERAL try_sql(stmt) t;

-- NULLs: an unscored indicator scores NULL
SELECT score('>= 95 %', NULL::numeric, 10) IS NULL AS null_actual,
       score('>= 95 %', 96, NULL) IS NULL AS null_weight,
       budget_execution_score(NULL, 100) IS NULL AS null_spent;

-- grades and the knobs of a policy
SELECT t, grade(t), grade(t, 'grade_bands=85/75/60') FROM (VALUES (100), (90), (89.99), (80), (60), (59.99), (0)) v(t);
SELECT knob, value, changed FROM scoring_policy_knobs('hubei reverse_mode=linear_2x');

-- A NULL policy is the central policy, in every function as in the
-- aggregates (before 1.2, score() and grade() returned NULL for it); a NULL
-- in any other argument still gives NULL.
SELECT score('>= 95 %', 90, 10, NULL) AS null_policy, score('>= 95 %', 90, 10) AS omitted,
       score('>= 95 %', '90%', 10, NULL) AS text_actual,
       (score_detail('>= 95 %', 90, 10, NULL)).points AS detail,
       attainment('>= 95 %', 90, NULL) AS attainment, grade(85, NULL) AS grade,
       budget_execution_score(90, 100, NULL, NULL) AS budget;
SELECT score(NULL, 90, 10, NULL) IS NULL AS no_indicator, score('>= 95 %', NULL::numeric, 10, 'hubei') IS NULL AS no_actual,
       score('>= 95 %', 90, NULL, 'hubei') IS NULL AS no_weight, grade(NULL, 'hubei') IS NULL AS no_total,
       attainment(NULL, 90, NULL) IS NULL AS no_indicator_attainment;
SELECT s.points FROM (VALUES ('>= 95 %'::indicator, 90::numeric, 10::numeric, NULL::text)) v(i, a, w, p),
       LATERAL score_detail(i, a, w, p) s;
