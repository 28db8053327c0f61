--
-- The clean path: the reference schema loaded from the bundled CSV files
-- with plain COPY and one INSERT ... SELECT (data/load_clean.sql, exactly as
-- the README shows it), and checked against the importer on the raw tables.
--
CREATE SCHEMA yearly;
SET search_path = yearly, public;
-- (the schema's statements are not echoed: its comments would fill the page)
\set ECHO none
\i data/schema.sql
\set ECHO all
\i data/load_clean.sql
SELECT (SELECT count(*) FROM goal_project) AS projects,
       (SELECT count(*) FROM goal_indicator) AS indicators,
       (SELECT count(*) FROM actual_result WHERE actual IS NOT NULL) AS actuals,
       (SELECT count(*) FROM budget_execution) AS budgets;

-- the importer on the raw export gives the same projects and the same rows
\getenv abs_srcdir PG_ABS_SRCDIR
\set tables :abs_srcdir '/data/goal_tables_2022.txt'
CREATE TEMP TABLE imported AS SELECT r.* FROM goal_table_rows(pg_read_file(:'tables')) r;
SELECT count(*) AS rows,
       count(*) FILTER (WHERE i.project_code = g.project_code AND i.level1 = level_name(g.level1)
                          AND i.level2 = level_name(g.level2) AND i.name = g.name
                          AND i.spec = g.spec AND i.weight = g.weight) AS identical
FROM goal_indicator g FULL JOIN imported i USING (source_line);
SELECT count(*) AS projects,
       count(*) FILTER (WHERE p.name = g.name AND p.year = g.year AND p.department = g.department
                          AND p.implementer = g.implementer AND p.total_funds = g.total_funds
                          AND p.budget_execution_weight = g.budget_execution_weight
                          AND p.annual_goal = g.annual_goal) AS identical
FROM goal_project g FULL JOIN goal_table_projects(pg_read_file(:'tables')) p USING (project_code);

-- and the sheet query of the README runs on it
\set project 15060022200000036034
\i data/sheet.sql
RESET search_path;
-- (the schema's objects are not listed: the reference schema grows)
SET client_min_messages = warning;
DROP SCHEMA yearly CASCADE;
RESET client_min_messages;
