-- Load the bundled SAMPLE (invented) 1-7月 monitoring values into the
-- reference schema, as of 31 July 2022: a value to date per indicator (with
-- a deviation reason and a likelihood where the sample gives one), each
-- project's funds, and one goal adjustment.  Needs goal_indicator and
-- goal_project filled first.  Run with psql from the directory that holds
-- data/ (\copy reads on the client).

CREATE TEMP TABLE stage_monitor (source_line integer, actual_to_date text, deviation_reason text, likelihood text);
CREATE TEMP TABLE stage_budget_monitor (project_code text, budget numeric, spent numeric);
\copy stage_monitor FROM 'data/sample_monitor_2022.csv' (FORMAT csv, HEADER)
\copy stage_budget_monitor FROM 'data/sample_budget_monitor_2022.csv' (FORMAT csv, HEADER)

INSERT INTO monitor_result (project_code, source_line, as_of, actual_to_date, deviation_reason, likelihood)
SELECT i.project_code, m.source_line, date '2022-07-31', nullif(m.actual_to_date, ''),
       nullif(m.deviation_reason, ''), nullif(m.likelihood, '')
FROM stage_monitor m JOIN goal_indicator i USING (source_line);

INSERT INTO budget_monitor (project_code, as_of, budget, spent)
SELECT project_code, date '2022-07-31', budget, spent FROM stage_budget_monitor;

-- SAMPLE: the first quantity target of the first project, lowered in June
-- together with a budget cut (目标调整, 136号)
INSERT INTO goal_adjustment (project_code, source_line, adjusted_on, original, adjusted, reason)
SELECT project_code, source_line, date '2022-06-15', spec,
       (comparator(spec) || ' ' || (target_lower(spec) * 0.8)::numeric(20, 0) || ' ' || coalesce(unit(spec), ''))::indicator,
       'SAMPLE: 预算调减，目标相应调整'
FROM goal_indicator
WHERE level_name(level2) = '数量指标' AND unit(spec) IN ('次', '个', '份', '人') AND target_lower(spec) >= 5
ORDER BY project_code, source_line LIMIT 1;
