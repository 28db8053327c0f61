-- Monitoring (运行监控): properties over grids of targets, values to date and
-- cut-offs, each checked against a plain-SQL statement of the rule.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off

BEGIN;
SELECT plan(14);

-- the light's rank, worst first: 红 4, 黄 3, 绿 2, 蓝 1
CREATE FUNCTION pg_temp.rank_of(l text) RETURNS int LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE l WHEN '红' THEN 4 WHEN '黄' THEN 3 WHEN '绿' THEN 2 WHEN '蓝' THEN 1 END
$$;

-- a grid: targets that are pro-rated, values to date in steps of 0.5, every month
CREATE TEMP TABLE grid AS
SELECT t, a, m, d.*
FROM unnest(ARRAY['>= 100 次', '>= 3 份', '> 12.5 万元', '= 24 次', '正向 = 100 %']::indicator[]) t,
     generate_series(0, 260, 1) k, LATERAL (SELECT k * 0.5 AS a) x,
     generate_series(1, 12) m,
     LATERAL monitor_detail(t, a, m) d;

SELECT is((SELECT count(*) FROM grid WHERE progress IS DISTINCT FROM
               round(a * 12 * 100 / (target_lower(t) * m), 2)),
          0::bigint, 'property: progress p = a / (t × m/12) × 100, rounded half up to 2 decimals');
SELECT is((SELECT count(*) FROM grid WHERE light IS DISTINCT FROM
               CASE WHEN progress < 60 THEN '红' WHEN progress < 80 THEN '黄' WHEN progress < 120 THEN '绿' ELSE '蓝' END),
          0::bigint, 'property: the light is the band of the printed progress (60/80/120)');
SELECT is((SELECT count(*) FROM grid WHERE completion IS DISTINCT FROM round(a * 100 / target_lower(t), 2)),
          0::bigint, 'property: completion = a / t × 100, 2 decimals');
SELECT is((SELECT count(*) FROM grid WHERE reason_required IS DISTINCT FROM (light IN ('红', '黄'))),
          0::bigint, 'property: a reason is required exactly for 红 and 黄 (central)');
SELECT is((SELECT count(*) FROM grid WHERE unit(t) <> '%' AND forecast IS DISTINCT FROM round(a * 12 / m, 2)),
          0::bigint, 'property: the forecast of a count or an amount is a / τ, 2 decimals');
SELECT is((SELECT count(*) FROM grid WHERE unit(t) = '%' AND forecast IS DISTINCT FROM round(a, 2)),
          0::bigint, 'property: the forecast of a rate is the rate as it stands');
SELECT is((SELECT count(*) FROM grid WHERE forecast_met IS DISTINCT FROM (t @> forecast)),
          0::bigint, 'property: forecast_met is the scoring rule''s met (@>) of the forecast');
SELECT is((SELECT count(*) FROM (SELECT pg_temp.rank_of(light) AS r,
                                        lag(pg_temp.rank_of(light)) OVER (PARTITION BY t, m ORDER BY a) AS prev
                                 FROM grid) g WHERE r > prev),
          0::bigint, 'property: more done by the same cut-off never gives a worse light');
SELECT is((SELECT count(*) FROM (SELECT pg_temp.rank_of(light) AS r,
                                        lag(pg_temp.rank_of(light)) OVER (PARTITION BY t, a ORDER BY m) AS prev
                                 FROM grid) g WHERE r < prev),
          0::bigint, 'property: the same value at a later cut-off never gives a better light');

-- limits: 绿 within, 红 beyond, whatever the month, never pro-rated
SELECT is((SELECT count(*) FROM unnest(ARRAY['<= 60 万元', '< 60 万元', '反向 <= 5 工作日']::indicator[]) t,
                  generate_series(0, 150) a, generate_series(1, 12) m
           WHERE monitor_light(t, a::numeric, m) IS DISTINCT FROM CASE WHEN t @> a::numeric THEN '绿' ELSE '红' END),
          0::bigint, 'property: a limit is 绿 when met (@>) and 红 otherwise, at every cut-off');

-- the budget: r = (E/B)/τ × 100 against 60/80, non-decreasing in the spending
CREATE TEMP TABLE budget AS
SELECT e, m, b.* FROM generate_series(0, 1200, 3) e, generate_series(1, 12) m,
     LATERAL budget_progress(e::numeric / 10, 100, m) b;
SELECT is((SELECT count(*) FROM budget WHERE progress IS DISTINCT FROM round(e::numeric / 10 * 12 / m, 2)
                                        OR rate IS DISTINCT FROM round(e::numeric / 10, 2)),
          0::bigint, 'property: budget rate = E/B × 100 and progress = rate / τ, 2 decimals');
SELECT is((SELECT count(*) FROM budget WHERE light IS DISTINCT FROM
               CASE WHEN progress < 60 THEN '红' WHEN progress < 80 THEN '黄' ELSE '绿' END),
          0::bigint, 'property: the budget light is the band of the printed progress (60/80)');

-- time progress by days: the last day of the year is 100 %, and it never goes back
SELECT is((SELECT count(*) FROM generate_series(2020, 2030) y
           WHERE (monitor_detail('>= 1 次', 1::numeric, make_date(y, 12, 31), 'time_basis=day')).time_progress <> 100),
          0::bigint, 'property: time_basis=day reaches 100.00 on 31 December, leap years included');
SELECT is((SELECT count(*) FROM (SELECT tp, lag(tp) OVER (ORDER BY d) AS prev
                                 FROM generate_series(date '2024-01-01', date '2024-12-31', interval '1 day') d,
                                      LATERAL (SELECT (monitor_detail('>= 1 次', 1::numeric, d::date, 'time_basis=day')).time_progress AS tp) x) g
           WHERE tp <= prev),
          0::bigint, 'property: time_basis=day grows every day of a leap year');

SELECT * FROM finish();
ROLLBACK;
