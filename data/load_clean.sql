-- The clean path: load the bundled CSV files with plain COPY into staging
-- tables, then type them into the reference schema (data/schema.sql) with
-- one INSERT ... SELECT each.  Run it with psql from the directory that
-- holds data/ (\copy reads the files on the client: no server file access):
--   psql -f data/schema.sql -f data/load_clean.sql
-- It also loads the bundled SAMPLE actual results (data/load_sample_results.sql).

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

\copy stage_project FROM 'data/goal_projects_2022.csv' (FORMAT csv, HEADER)
\copy stage_indicator FROM 'data/goal_rows_2022.csv' (FORMAT csv, HEADER)

INSERT INTO goal_project SELECT * FROM stage_project;

-- the one typing step: the table's four columns become an indicator
INSERT INTO goal_indicator (project_code, source_line, level1, level2, name, spec, weight)
SELECT project_code, source_line, level1, level2, name,
       indicator(nature, comparator, target, unit), weight
FROM stage_indicator;

-- the SAMPLE (invented) self-evaluation results
\ir load_sample_results.sql
