-- The clean path: load the bundled CSV files with plain COPY into staging
-- tables, then type them into the reference schema (data/schema.sql) with
-- one INSERT ... SELECT each.  Run it with psql from the directory that
-- holds data/ (\copy reads the files on the client: no server file access):
--   psql -f data/schema.sql -f data/load_clean.sql

CREATE TEMP TABLE stage_project (
	project_code text, name text, year integer, department text, implementer text,
	total_funds numeric, fiscal_funds numeric, non_fiscal_funds numeric,
	budget_execution_weight numeric, annual_goal text
);
CREATE TEMP TABLE stage_indicator (
	project_code text, level1 text, level2 text, name text,
	nature text, comparator text, target text, unit text,
	weight numeric, source_line integer
);
CREATE TEMP TABLE stage_actual (source_line integer, actual text);
CREATE TEMP TABLE stage_budget (project_code text, budget numeric, spent numeric);

\copy stage_project FROM 'data/goal_projects_2022.csv' (FORMAT csv, HEADER)
\copy stage_indicator FROM 'data/goal_rows_2022.csv' (FORMAT csv, HEADER)
\copy stage_actual FROM 'data/sample_actuals_2022.csv' (FORMAT csv, HEADER)
\copy stage_budget FROM 'data/sample_budget_2022.csv' (FORMAT csv, HEADER)

INSERT INTO goal_project SELECT * FROM stage_project;

-- the one typing step: the table's four columns become an indicator
INSERT INTO goal_indicator (project_code, source_line, level1, level2, name, spec, weight)
SELECT project_code, source_line, level1, level2, name,
       indicator(nature, comparator, target, unit), weight
FROM stage_indicator;

INSERT INTO actual_result (project_code, source_line, actual)
SELECT i.project_code, a.source_line, nullif(a.actual, '')
FROM stage_actual a JOIN goal_indicator i USING (source_line);

INSERT INTO budget_execution SELECT * FROM stage_budget;
