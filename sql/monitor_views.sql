--
-- Monitoring on the reference schema (data/schema.sql): the bundled tables
-- with the SAMPLE 1-7月 values (data/load_sample_monitor.sql), the
-- monitoring views, the 监控表 sheet, and a goal adjustment that monitoring
-- and scoring both follow while the declared target stays visible.
--
CREATE SCHEMA mon;
SET search_path = mon, public;
-- (the schema's statements are not echoed: its comments would fill the page)
\set ECHO none
\i data/schema.sql
\i data/load_clean.sql
\i data/load_sample_monitor.sql
\set ECHO all
SELECT (SELECT count(*) FROM monitor_result) AS monitored, (SELECT count(*) FROM budget_monitor) AS budgets,
       (SELECT count(*) FROM goal_adjustment) AS adjustments;

-- every column of every monitoring view is a plain type a BI tool maps
SELECT c.table_name, c.data_type, count(*) AS columns
FROM information_schema.columns c
WHERE c.table_schema = 'mon' AND c.table_name IN ('indicator_monitor_result', 'budget_monitor_result',
                                                  'project_monitor_result', 'goal_change')
GROUP BY 1, 2 ORDER BY 1, 2;

-- one row per indicator and cut-off; the project view's counts are the
-- indicator view's, light by light
SELECT (SELECT count(*) FROM indicator_monitor_result) AS indicator_rows;
SELECT count(*) AS projects,
       count(*) FILTER (WHERE p.red = i.red AND p.yellow = i.yellow AND p.green = i.green
                          AND p.blue = i.blue AND p.unlit = i.unlit AND p.reasons = i.reasons
                          AND p.reasons_missing = i.missing) AS consistent
FROM project_monitor_result p
JOIN (SELECT project_code, as_of, count(*) FILTER (WHERE light = '红') AS red, count(*) FILTER (WHERE light = '黄') AS yellow,
             count(*) FILTER (WHERE light = '绿') AS green, count(*) FILTER (WHERE light = '蓝') AS blue,
             count(*) FILTER (WHERE light IS NULL) AS unlit, count(*) FILTER (WHERE reason_required) AS reasons,
             count(*) FILTER (WHERE reason_missing) AS missing
      FROM indicator_monitor_result GROUP BY 1, 2) i USING (project_code, as_of);
-- the project light is the worst indicator light, red > yellow > green > blue
SELECT count(*) FILTER (WHERE goal_light IS DISTINCT FROM CASE WHEN red > 0 THEN '红' WHEN yellow > 0 THEN '黄'
                                                            WHEN green > 0 THEN '绿' WHEN blue > 0 THEN '蓝' END) AS wrong_lights
FROM project_monitor_result;
SELECT project_code, goal_light, budget_light, project_light, red, yellow, green, blue, unlit,
       goal_progress, budget_rate, progress_gap
FROM project_monitor_result ORDER BY project_code;

-- the 监控表 sheet of one project
\set project 15060022200000035288
\set as_of 2022-07-31
\i data/monitor_sheet.sql

-- the goal adjustment: listed with both targets, monitored and scored by
-- the target in force, the declared one still shown
SELECT project_code, source_line, name, adjusted_on, original, adjusted, declared FROM goal_change;
SELECT r.target, r.declared_target, r.adjusted, r.actual_to_date, r.progress, r.light
FROM indicator_monitor_result r JOIN goal_adjustment USING (project_code, source_line);
SELECT i.target, i.declared_target, i.score, score(g.adjusted, i.actual, i.weight) AS by_adjusted
FROM indicator_result i JOIN goal_adjustment g USING (project_code, source_line);
-- as of a day before the adjustment, the declared target is in force
SELECT target_in_force(project_code, source_line, adjusted_on - 1) = original AS before,
       target_in_force(project_code, source_line, adjusted_on) = adjusted AS from_the_day
FROM goal_adjustment;

-- the project's policy: 四川 warns of a budget checkpoint missed and of a gap
UPDATE goal_project SET policy = 'sichuan' WHERE project_code = '15060022200000035288';
SELECT b.rate, b.checkpoint, b.checkpoint_warning, p.progress_gap, p.goal_progress
FROM budget_monitor_result b JOIN project_monitor_result p USING (project_code, as_of)
WHERE project_code = '15060022200000035288';
UPDATE goal_project SET policy = 'hefei' WHERE project_code = '15060022200000035288';
SELECT goal_light, budget_light, project_light FROM project_monitor_result WHERE project_code = '15060022200000035288';

-- the unit's choices are constrained to the official lists
SELECT * FROM try_sql($$UPDATE mon.monitor_result SET deviation_reason = '天气' WHERE source_line = 17$$);
SELECT * FROM try_sql($$UPDATE mon.monitor_result SET likelihood = '可能' WHERE source_line = 17$$);

-- one unreadable value to date: the row has no light, the views still answer
UPDATE monitor_result SET actual_to_date = '1,5次' WHERE source_line = 17;
SELECT name, actual_to_date, light, reason_required FROM indicator_monitor_result WHERE source_line = 17;
SELECT unlit FROM project_monitor_result WHERE project_code = '15060022200000035288';

RESET search_path;
-- (the schema's objects are not listed: the reference schema grows)
SET client_min_messages = warning;
DROP SCHEMA mon CASCADE;
RESET client_min_messages;
