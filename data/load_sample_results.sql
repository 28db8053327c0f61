-- Load the bundled SAMPLE (invented) self-evaluation results into the
-- reference schema: an actual value per indicator, and each project's budget
-- execution.  Needs goal_indicator and goal_project filled first.  Run with
-- psql from the directory that holds data/ (\copy reads on the client).

CREATE TEMP TABLE stage_actual (source_line integer, actual text);
CREATE TEMP TABLE stage_budget (project_code text, budget numeric, spent numeric);
\copy stage_actual FROM 'data/sample_actuals_2022.csv' (FORMAT csv, HEADER)
\copy stage_budget FROM 'data/sample_budget_2022.csv' (FORMAT csv, HEADER)

INSERT INTO actual_result (project_code, source_line, actual)
SELECT i.project_code, a.source_line, nullif(a.actual, '')
FROM stage_actual a JOIN goal_indicator i USING (source_line);

INSERT INTO budget_execution SELECT * FROM stage_budget;
