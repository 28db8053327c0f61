--
-- The reference schema's views for BI tools (data/schema.sql): one grain
-- each, plain columns only, sums that match the scorecard, and one
-- unreadable cell that leaves its row for a person instead of failing.
--
CREATE SCHEMA bi;
SET search_path = bi, public;
-- (the schema's statements are not echoed: its comments would fill the page)
\set ECHO none
\i data/schema.sql
\set ECHO all
\i data/load_clean.sql

-- every column of every view is a plain type a BI tool maps
SELECT c.table_name, c.data_type, count(*) AS columns
FROM information_schema.columns c
WHERE c.table_schema = 'bi' AND c.table_name IN ('indicator_result', 'scorecard_result', 'project_result')
GROUP BY 1, 2 ORDER BY 1, 2;

-- one row per indicator; summed by project, the views agree with each other
-- and with the scorecard over the tables
SELECT (SELECT count(*) FROM indicator_result) AS indicator_rows,
       (SELECT count(*) FROM goal_indicator) AS goal_rows;
SELECT r.project_code, r.score AS indicator_sum, s.score AS scorecard_sum, p.score AS project_total,
       p.grade, (sc).score AS scorecard_aggregate
FROM (SELECT project_code, sum(score) AS score FROM indicator_result GROUP BY 1) r
JOIN (SELECT project_code, sum(score) FILTER (WHERE level = '二级指标') AS score FROM scorecard_result GROUP BY 1) s USING (project_code)
JOIN project_result p USING (project_code)
JOIN (SELECT project_code, scorecard(i.spec, a.actual, i.weight) AS sc
      FROM goal_indicator i LEFT JOIN actual_result a USING (project_code, source_line) GROUP BY 1) t USING (project_code)
ORDER BY 1;

-- a BI tool's GROUP BY level1 over the level-2 rows is the scorecard's ROLLUP
SELECT v.level1, v.score, (sc).score AS rollup_score
FROM (SELECT level1, sum(score) AS score FROM scorecard_result WHERE project_code = '15060022200000036034' GROUP BY 1) v
JOIN (SELECT level_name(i.level1) AS level1, scorecard(i.spec, a.actual, i.weight) AS sc
      FROM goal_indicator i LEFT JOIN actual_result a USING (project_code, source_line)
      WHERE i.project_code = '15060022200000036034' GROUP BY ROLLUP (level_name(i.level1))) r
  ON r.level1 IS NOT DISTINCT FROM v.level1
ORDER BY level_sort_key(v.level1);
-- and the project's 总分 is the sum of all its rows, the budget line included
SELECT sum(score) AS total, grade(sum(score)) FROM scorecard_result WHERE project_code = '15060022200000036034';

-- one unreadable actual: the row needs a person, the views still answer
UPDATE actual_result SET actual = '1,5次' WHERE (project_code, source_line) =
	(SELECT project_code, min(source_line) FROM goal_indicator WHERE project_code = '15060022200000036034' GROUP BY 1);
SELECT name, actual, score, needs_person, person_reason FROM indicator_result WHERE actual = '1,5次';
SELECT sum(needs_person) AS needs_person FROM scorecard_result WHERE project_code = '15060022200000036034';
SELECT needs_person, score FROM project_result WHERE project_code = '15060022200000036034';
-- (outside the views the default policy still refuses the cell)
SELECT score(spec, actual, weight) FROM goal_indicator JOIN actual_result USING (project_code, source_line) WHERE actual = '1,5次';

RESET search_path;
-- (the schema's objects are not listed: the reference schema grows)
SET client_min_messages = warning;
DROP SCHEMA bi CASCADE;
RESET client_min_messages;
