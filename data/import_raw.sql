-- Import exported goal tables (raw text) into the reference schema with the
-- importer, after listing what would not load.  Run with psql from the
-- directory that holds data/:
--   psql -f data/schema.sql -f data/import_raw.sql

\set raw `cat data/goal_tables_2022.txt`

\echo 'Lines the importer could not place (none expected):'
SELECT * FROM goal_table_problems(:'raw');

INSERT INTO goal_project (project_code, name, year, department, implementer, total_funds,
                          fiscal_funds, non_fiscal_funds, budget_execution_weight, annual_goal)
SELECT project_code, name, year, department, implementer, total_funds, fiscal_funds,
       non_fiscal_funds, budget_execution_weight, annual_goal
FROM goal_table_projects(:'raw');

INSERT INTO goal_indicator (project_code, source_line, level1, level2, name, spec, weight, note)
SELECT project_code, source_line, level1, level2, name, spec, weight, note
FROM goal_table_rows(:'raw');
