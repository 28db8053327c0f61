/* indicator 1.5 -> 1.6: monitoring during the year (运行监控) */

\echo Use "ALTER EXTENSION indicator UPDATE TO '1.6'" to load this file. \quit

CREATE TYPE indicator_monitor AS (
	progress numeric,
	time_progress numeric,
	completion numeric,
	light text,
	reason_required boolean,
	forecast numeric,
	forecast_met boolean
);
COMMENT ON TYPE indicator_monitor IS 'one indicator as of a monitoring cut-off (运行监控): what monitor_detail() returns';
COMMENT ON COLUMN indicator_monitor.progress IS '进度 p = a / (t × τ) × 100, 2 decimals: the value to date against the pro-rated target; NULL when the target is not pro-rated (<=, 定性, classes outside the prorate knob)';
COMMENT ON COLUMN indicator_monitor.time_progress IS '序时进度 τ × 100, 2 decimals: month/12, or day of year / days in the year (time_basis=day)';
COMMENT ON COLUMN indicator_monitor.completion IS '完成率 a / t × 100, 2 decimals; 0 when a or t is 0; NULL for 定性';
COMMENT ON COLUMN indicator_monitor.light IS '红, 黄, 绿 or 蓝 (running ahead); NULL when only a person can judge the value';
COMMENT ON COLUMN indicator_monitor.reason_required IS '需填写偏差原因: the light (or 完成目标可能性, or 河北''s over-completion rule) asks for a deviation reason';
COMMENT ON COLUMN indicator_monitor.forecast IS '全年预计: the full-year forecast of a number, a / τ (forecast=linear; a rate in % stays as it is) or the value to date (forecast=current), 2 decimals';
COMMENT ON COLUMN indicator_monitor.forecast_met IS '预计能否完成: the forecast meets the target by the scoring rule; for 定性 and deadlines, the state as it stands';

CREATE TYPE indicator_budget_monitor AS (
	rate numeric,
	time_progress numeric,
	progress numeric,
	light text,
	checkpoint numeric,
	checkpoint_warning boolean,
	forecast numeric
);
COMMENT ON TYPE indicator_budget_monitor IS 'a budget as of a monitoring cut-off: what budget_progress() returns';
COMMENT ON COLUMN indicator_budget_monitor.rate IS '执行率 E / B × 100, 2 decimals; 0 when the budget is 0 or missing';
COMMENT ON COLUMN indicator_budget_monitor.time_progress IS '序时进度 τ × 100, 2 decimals';
COMMENT ON COLUMN indicator_budget_monitor.progress IS '预算执行进度 r = (E / B) / τ × 100, 2 decimals: what the light is read from';
COMMENT ON COLUMN indicator_budget_monitor.light IS '红 below the first budget band (60), 黄 below the second (80), else 绿';
COMMENT ON COLUMN indicator_budget_monitor.checkpoint IS '四川: the cumulative execution percent due by the last checkpoint passed; NULL when none has passed or the policy has none';
COMMENT ON COLUMN indicator_budget_monitor.checkpoint_warning IS '四川: the execution rate is below the checkpoint';
COMMENT ON COLUMN indicator_budget_monitor.forecast IS '全年预计执行数: E / τ, 2 decimals';

-- monitor_light and monitor_detail: the cut-off as a date or as the month of 1-m月
CREATE FUNCTION monitor_light(i indicator, actual_to_date numeric, as_of date,
                              policy text DEFAULT 'central', level2 text DEFAULT NULL)
	RETURNS text
	AS 'MODULE_PATHNAME', 'indicator_monitor_light_numeric'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION monitor_light(i indicator, actual_to_date text, as_of date,
                              policy text DEFAULT 'central', level2 text DEFAULT NULL)
	RETURNS text
	AS 'MODULE_PATHNAME', 'indicator_monitor_light_text'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION monitor_light(i indicator, actual_to_date numeric, month integer,
                              policy text DEFAULT 'central', level2 text DEFAULT NULL)
	RETURNS text
	AS 'MODULE_PATHNAME', 'indicator_monitor_light_numeric_month'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION monitor_light(i indicator, actual_to_date text, month integer,
                              policy text DEFAULT 'central', level2 text DEFAULT NULL)
	RETURNS text
	AS 'MODULE_PATHNAME', 'indicator_monitor_light_text_month'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION monitor_light(indicator, numeric, date, text, text) IS
'the monitoring light (红/黄/绿/蓝) of an indicator for its value to date at a cut-off date; NULL when only a person can judge';
COMMENT ON FUNCTION monitor_light(indicator, text, date, text, text) IS
'the monitoring light of an indicator for its value to date as written (96%, 达成, 2022年6月) at a cut-off date';
COMMENT ON FUNCTION monitor_light(indicator, numeric, integer, text, text) IS
'the monitoring light of an indicator for its value to date at the end of month 1..12 (7 for 1-7月)';
COMMENT ON FUNCTION monitor_light(indicator, text, integer, text, text) IS
'the monitoring light of an indicator for its value to date as written, at the end of month 1..12';

CREATE FUNCTION monitor_detail(i indicator, actual_to_date numeric, as_of date,
                               policy text DEFAULT 'central', level2 text DEFAULT NULL,
                               likelihood text DEFAULT NULL)
	RETURNS indicator_monitor
	AS 'MODULE_PATHNAME', 'indicator_monitor_detail_numeric'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION monitor_detail(i indicator, actual_to_date text, as_of date,
                               policy text DEFAULT 'central', level2 text DEFAULT NULL,
                               likelihood text DEFAULT NULL)
	RETURNS indicator_monitor
	AS 'MODULE_PATHNAME', 'indicator_monitor_detail_text'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION monitor_detail(i indicator, actual_to_date numeric, month integer,
                               policy text DEFAULT 'central', level2 text DEFAULT NULL,
                               likelihood text DEFAULT NULL)
	RETURNS indicator_monitor
	AS 'MODULE_PATHNAME', 'indicator_monitor_detail_numeric_month'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION monitor_detail(i indicator, actual_to_date text, month integer,
                               policy text DEFAULT 'central', level2 text DEFAULT NULL,
                               likelihood text DEFAULT NULL)
	RETURNS indicator_monitor
	AS 'MODULE_PATHNAME', 'indicator_monitor_detail_text_month'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION monitor_detail(indicator, numeric, date, text, text, text) IS
'an indicator at a cut-off date: progress, time progress, completion, light, whether a reason is required (likelihood: 确定能/有可能/完全不可能), full-year forecast';
COMMENT ON FUNCTION monitor_detail(indicator, text, date, text, text, text) IS
'monitor_detail() for a value to date as written';
COMMENT ON FUNCTION monitor_detail(indicator, numeric, integer, text, text, text) IS
'monitor_detail() at the end of month 1..12';
COMMENT ON FUNCTION monitor_detail(indicator, text, integer, text, text, text) IS
'monitor_detail() for a value to date as written, at the end of month 1..12';

CREATE FUNCTION budget_light(spent numeric, budget numeric, as_of date, policy text DEFAULT 'central')
	RETURNS text
	AS 'MODULE_PATHNAME', 'indicator_budget_light'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION budget_light(spent numeric, budget numeric, month integer, policy text DEFAULT 'central')
	RETURNS text
	AS 'MODULE_PATHNAME', 'indicator_budget_light_month'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION budget_light(numeric, numeric, date, text) IS
'the budget light at a cut-off date: (spent / budget) / τ × 100 below 60 红, below 80 黄, else 绿 (a NULL or 0 budget counts as nothing spent)';
COMMENT ON FUNCTION budget_light(numeric, numeric, integer, text) IS
'the budget light at the end of month 1..12';

CREATE FUNCTION budget_progress(spent numeric, budget numeric, as_of date, policy text DEFAULT 'central')
	RETURNS indicator_budget_monitor
	AS 'MODULE_PATHNAME', 'indicator_budget_progress'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION budget_progress(spent numeric, budget numeric, month integer, policy text DEFAULT 'central')
	RETURNS indicator_budget_monitor
	AS 'MODULE_PATHNAME', 'indicator_budget_progress_month'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION budget_progress(numeric, numeric, date, text) IS
'a budget at a cut-off date: execution rate, time progress, progress, light, 四川 checkpoint, full-year forecast';
COMMENT ON FUNCTION budget_progress(numeric, numeric, integer, text) IS
'budget_progress() at the end of month 1..12';

CREATE FUNCTION project_light(goal_light text, budget_light text, policy text DEFAULT 'central')
	RETURNS text
	AS 'MODULE_PATHNAME', 'indicator_project_light'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION project_light(text, text, text) IS
'a project''s light: its goal light (the worst indicator''s), or under project_light=budget_goal (合肥) 绿/黄/红 from the budget light and whether any indicator is red';

CREATE FUNCTION progress_gap(goal_progress numeric, budget_rate numeric, policy text DEFAULT 'central')
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'indicator_progress_gap'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION progress_gap(numeric, numeric, text) IS
'四川: goal progress and budget execution (percent) further apart than the progress_gap knob; false when the policy has no gap';

-- The monitor aggregate.  Its state is a real type, as scorecard_state is, so
-- that partial states travel between processes and nodes as text or binary.
CREATE TYPE monitor_state;
CREATE FUNCTION monitor_state_in(cstring) RETURNS monitor_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION monitor_state_out(monitor_state) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION monitor_state_recv(internal) RETURNS monitor_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION monitor_state_send(monitor_state) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE monitor_state (
	INPUT = monitor_state_in,
	OUTPUT = monitor_state_out,
	RECEIVE = monitor_state_recv,
	SEND = monitor_state_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE monitor_state IS
'partial monitor roll-up: counts per light and exact sums; text form "v1 indicators=… red=… yellow=… green=… blue=… unlit=… reasons=… weight=… completion_weight=… completion=…"';
COMMENT ON FUNCTION monitor_state_in(cstring) IS 'input function of monitor_state';
COMMENT ON FUNCTION monitor_state_out(monitor_state) IS 'output function of monitor_state';
COMMENT ON FUNCTION monitor_state_recv(internal) IS 'binary input function of monitor_state';
COMMENT ON FUNCTION monitor_state_send(monitor_state) IS 'binary output function of monitor_state';

CREATE TYPE monitor AS (
	light text,
	indicators bigint,
	red bigint,
	yellow bigint,
	green bigint,
	blue bigint,
	unlit bigint,
	reasons bigint,
	weight numeric,
	progress numeric
);
COMMENT ON TYPE monitor IS 'the roll-up of monitored indicators: the worst light, counts per light, reasons required';
COMMENT ON COLUMN monitor.light IS '项目目标灯: the worst light of the rows, 红 > 黄 > 绿 > 蓝; NULL when no row has one';
COMMENT ON COLUMN monitor.indicators IS 'rows with an indicator and a weight';
COMMENT ON COLUMN monitor.red IS 'rows lit 红';
COMMENT ON COLUMN monitor.yellow IS 'rows lit 黄';
COMMENT ON COLUMN monitor.green IS 'rows lit 绿';
COMMENT ON COLUMN monitor.blue IS 'rows lit 蓝 (running ahead)';
COMMENT ON COLUMN monitor.unlit IS 'rows without a light: no value to date, or one only a person can judge';
COMMENT ON COLUMN monitor.reasons IS 'rows that require a deviation reason (偏差原因)';
COMMENT ON COLUMN monitor.weight IS 'the sum of the weights';
COMMENT ON COLUMN monitor.progress IS '目标完成进度: the weighted mean of completion (a / t × 100, capped at 100 a row) over the rows with a target to reach (>=, >, =, ranges; not limits or zero targets), 2 decimals';

CREATE FUNCTION monitor_step(monitor_state, indicator, numeric, numeric, date)
	RETURNS monitor_state AS 'MODULE_PATHNAME', 'monitor_step_numeric'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION monitor_step(monitor_state, indicator, numeric, numeric, date, text)
	RETURNS monitor_state AS 'MODULE_PATHNAME', 'monitor_step_numeric'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION monitor_step(monitor_state, indicator, numeric, numeric, date, text, text)
	RETURNS monitor_state AS 'MODULE_PATHNAME', 'monitor_step_numeric'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION monitor_step(monitor_state, indicator, numeric, numeric, integer)
	RETURNS monitor_state AS 'MODULE_PATHNAME', 'monitor_step_numeric_month'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION monitor_step(monitor_state, indicator, numeric, numeric, integer, text)
	RETURNS monitor_state AS 'MODULE_PATHNAME', 'monitor_step_numeric_month'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION monitor_step(monitor_state, indicator, numeric, numeric, integer, text, text)
	RETURNS monitor_state AS 'MODULE_PATHNAME', 'monitor_step_numeric_month'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION monitor_step(monitor_state, indicator, text, numeric, date)
	RETURNS monitor_state AS 'MODULE_PATHNAME', 'monitor_step_text'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION monitor_step(monitor_state, indicator, text, numeric, date, text)
	RETURNS monitor_state AS 'MODULE_PATHNAME', 'monitor_step_text'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION monitor_step(monitor_state, indicator, text, numeric, date, text, text)
	RETURNS monitor_state AS 'MODULE_PATHNAME', 'monitor_step_text'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION monitor_step(monitor_state, indicator, text, numeric, integer)
	RETURNS monitor_state AS 'MODULE_PATHNAME', 'monitor_step_text_month'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION monitor_step(monitor_state, indicator, text, numeric, integer, text)
	RETURNS monitor_state AS 'MODULE_PATHNAME', 'monitor_step_text_month'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION monitor_step(monitor_state, indicator, text, numeric, integer, text, text)
	RETURNS monitor_state AS 'MODULE_PATHNAME', 'monitor_step_text_month'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION monitor_combine(monitor_state, monitor_state)
	RETURNS monitor_state AS 'MODULE_PATHNAME'
	LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION monitor_finish(monitor_state) RETURNS monitor
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION monitor_combine(monitor_state, monitor_state) IS 'merge two partial monitor states';
COMMENT ON FUNCTION monitor_finish(monitor_state) IS 'the monitor roll-up of a (merged) partial state';
COMMENT ON FUNCTION monitor_step(monitor_state, indicator, numeric, numeric, date) IS 'transition function of monitor()';
COMMENT ON FUNCTION monitor_step(monitor_state, indicator, numeric, numeric, date, text) IS 'transition function of monitor()';
COMMENT ON FUNCTION monitor_step(monitor_state, indicator, numeric, numeric, date, text, text) IS 'transition function of monitor()';
COMMENT ON FUNCTION monitor_step(monitor_state, indicator, numeric, numeric, integer) IS 'transition function of monitor()';
COMMENT ON FUNCTION monitor_step(monitor_state, indicator, numeric, numeric, integer, text) IS 'transition function of monitor()';
COMMENT ON FUNCTION monitor_step(monitor_state, indicator, numeric, numeric, integer, text, text) IS 'transition function of monitor()';
COMMENT ON FUNCTION monitor_step(monitor_state, indicator, text, numeric, date) IS 'transition function of monitor()';
COMMENT ON FUNCTION monitor_step(monitor_state, indicator, text, numeric, date, text) IS 'transition function of monitor()';
COMMENT ON FUNCTION monitor_step(monitor_state, indicator, text, numeric, date, text, text) IS 'transition function of monitor()';
COMMENT ON FUNCTION monitor_step(monitor_state, indicator, text, numeric, integer) IS 'transition function of monitor()';
COMMENT ON FUNCTION monitor_step(monitor_state, indicator, text, numeric, integer, text) IS 'transition function of monitor()';
COMMENT ON FUNCTION monitor_step(monitor_state, indicator, text, numeric, integer, text, text) IS 'transition function of monitor()';
CREATE AGGREGATE monitor(i indicator, actual_to_date numeric, weight numeric, as_of date) (
	SFUNC = monitor_step, STYPE = monitor_state, FINALFUNC = monitor_finish,
	COMBINEFUNC = monitor_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE monitor(indicator, numeric, numeric, date) IS
'roll-up of monitored indicators (indicator, values to date, weight, cut-off) at a cut-off date, central policy: worst light, counts, reasons required';
CREATE AGGREGATE monitor(i indicator, actual_to_date numeric, weight numeric, as_of date, policy text) (
	SFUNC = monitor_step, STYPE = monitor_state, FINALFUNC = monitor_finish,
	COMBINEFUNC = monitor_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE monitor(indicator, numeric, numeric, date, text) IS
'roll-up of monitored indicators (indicator, values to date, weight, cut-off) at a cut-off date, with a policy: worst light, counts, reasons required';
CREATE AGGREGATE monitor(i indicator, actual_to_date numeric, weight numeric, as_of date, policy text, level2 text) (
	SFUNC = monitor_step, STYPE = monitor_state, FINALFUNC = monitor_finish,
	COMBINEFUNC = monitor_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE monitor(indicator, numeric, numeric, date, text, text) IS
'roll-up of monitored indicators (indicator, values to date, weight, cut-off) at a cut-off date, with a policy and each row''s level 2 (for class rules such as 山西''s): worst light, counts, reasons required';
CREATE AGGREGATE monitor(i indicator, actual_to_date numeric, weight numeric, month integer) (
	SFUNC = monitor_step, STYPE = monitor_state, FINALFUNC = monitor_finish,
	COMBINEFUNC = monitor_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE monitor(indicator, numeric, numeric, integer) IS
'roll-up of monitored indicators (indicator, values to date, weight, cut-off) at the end of month 1..12, central policy: worst light, counts, reasons required';
CREATE AGGREGATE monitor(i indicator, actual_to_date numeric, weight numeric, month integer, policy text) (
	SFUNC = monitor_step, STYPE = monitor_state, FINALFUNC = monitor_finish,
	COMBINEFUNC = monitor_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE monitor(indicator, numeric, numeric, integer, text) IS
'roll-up of monitored indicators (indicator, values to date, weight, cut-off) at the end of month 1..12, with a policy: worst light, counts, reasons required';
CREATE AGGREGATE monitor(i indicator, actual_to_date numeric, weight numeric, month integer, policy text, level2 text) (
	SFUNC = monitor_step, STYPE = monitor_state, FINALFUNC = monitor_finish,
	COMBINEFUNC = monitor_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE monitor(indicator, numeric, numeric, integer, text, text) IS
'roll-up of monitored indicators (indicator, values to date, weight, cut-off) at the end of month 1..12, with a policy and each row''s level 2 (for class rules such as 山西''s): worst light, counts, reasons required';
CREATE AGGREGATE monitor(i indicator, actual_to_date text, weight numeric, as_of date) (
	SFUNC = monitor_step, STYPE = monitor_state, FINALFUNC = monitor_finish,
	COMBINEFUNC = monitor_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE monitor(indicator, text, numeric, date) IS
'roll-up of monitored indicators (indicator, values to date as written, weight, cut-off) at a cut-off date, central policy: worst light, counts, reasons required';
CREATE AGGREGATE monitor(i indicator, actual_to_date text, weight numeric, as_of date, policy text) (
	SFUNC = monitor_step, STYPE = monitor_state, FINALFUNC = monitor_finish,
	COMBINEFUNC = monitor_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE monitor(indicator, text, numeric, date, text) IS
'roll-up of monitored indicators (indicator, values to date as written, weight, cut-off) at a cut-off date, with a policy: worst light, counts, reasons required';
CREATE AGGREGATE monitor(i indicator, actual_to_date text, weight numeric, as_of date, policy text, level2 text) (
	SFUNC = monitor_step, STYPE = monitor_state, FINALFUNC = monitor_finish,
	COMBINEFUNC = monitor_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE monitor(indicator, text, numeric, date, text, text) IS
'roll-up of monitored indicators (indicator, values to date as written, weight, cut-off) at a cut-off date, with a policy and each row''s level 2 (for class rules such as 山西''s): worst light, counts, reasons required';
CREATE AGGREGATE monitor(i indicator, actual_to_date text, weight numeric, month integer) (
	SFUNC = monitor_step, STYPE = monitor_state, FINALFUNC = monitor_finish,
	COMBINEFUNC = monitor_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE monitor(indicator, text, numeric, integer) IS
'roll-up of monitored indicators (indicator, values to date as written, weight, cut-off) at the end of month 1..12, central policy: worst light, counts, reasons required';
CREATE AGGREGATE monitor(i indicator, actual_to_date text, weight numeric, month integer, policy text) (
	SFUNC = monitor_step, STYPE = monitor_state, FINALFUNC = monitor_finish,
	COMBINEFUNC = monitor_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE monitor(indicator, text, numeric, integer, text) IS
'roll-up of monitored indicators (indicator, values to date as written, weight, cut-off) at the end of month 1..12, with a policy: worst light, counts, reasons required';
CREATE AGGREGATE monitor(i indicator, actual_to_date text, weight numeric, month integer, policy text, level2 text) (
	SFUNC = monitor_step, STYPE = monitor_state, FINALFUNC = monitor_finish,
	COMBINEFUNC = monitor_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE monitor(indicator, text, numeric, integer, text, text) IS
'roll-up of monitored indicators (indicator, values to date as written, weight, cut-off) at the end of month 1..12, with a policy and each row''s level 2 (for class rules such as 山西''s): worst light, counts, reasons required';
CREATE AGGREGATE monitor_merge(monitor_state) (
	SFUNC = monitor_combine, STYPE = monitor_state, FINALFUNC = monitor_finish,
	COMBINEFUNC = monitor_combine, PARALLEL = SAFE
);
COMMENT ON AGGREGATE monitor_merge(monitor_state) IS
'the monitor roll-up of partial states (per shard or per level 2): for roll-ups across nodes';
