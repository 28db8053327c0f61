/*
 * monitor_sql.c
 *		SQL functions of monitoring: monitor_light, monitor_detail,
 *		budget_light, budget_progress, project_light, progress_gap.
 *
 * Each takes the cut-off as a date or as the month of "1-m月" in the same
 * position; the C entry points differ only in how they read it.
 */
#include "compat.h"

#include "fmgr.h"
#include "funcapi.h"
#include "access/htup_details.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "encoding.h"
#include "indicator.h"
#include "monitor.h"
#include "monitor_fmgr.h"
#include "numeric_io.h"
#include "score_fmgr.h"

/* a message in UTF-8 source text, in the server encoding */
#define U8(s) ind_from_utf8((s), (int) strlen(s))

/* The cut-off in argument n: a date, or a month 1..12. */
void
ind_monitor_time_arg(FunctionCallInfo fcinfo, int n, bool month, const IndPolicy *p,
					 IndMonitorTime *t)
{
	if (month)
	{
		int32		m = PG_GETARG_INT32(n);

		if (!ind_monitor_time_of_month(m, p, t))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("month %d is not a month of the year", m),
					 errhint("%s", U8("Give the last month of the period monitored, 1 to 12 (7 for 1-7月), or the cut-off date."))));
		return;
	}
	{
		DateADT		d = PG_GETARG_DATEADT(n);

		if (DATE_NOT_FINITE(d))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("the cut-off date must be finite")));
		/* DateADT counts days from 2000-01-01, as the core does */
		ind_monitor_time_of_date((int32) d, p, t);
	}
}

/* A level-2 label in argument n, or NULL (absent, NULL, or no class it reads as). */
const IndLevel *
ind_level2_arg(FunctionCallInfo fcinfo, int n)
{
	int			len;
	const char *s;

	if (PG_NARGS() <= n || PG_ARGISNULL(n))
		return NULL;
	s = ind_text_to_utf8(PG_GETARG_TEXT_PP(n), &len);
	return ind_level_lookup_loose(s, len);
}

static IndLikelihood
likelihood_arg(FunctionCallInfo fcinfo, int n)
{
	int			len;
	const char *s;
	IndLikelihood l;

	if (PG_NARGS() <= n || PG_ARGISNULL(n))
		return IND_LIKELY_NONE;
	s = ind_text_to_utf8(PG_GETARG_TEXT_PP(n), &len);
	if (len == 0)
		return IND_LIKELY_NONE;
	if (!ind_likelihood_parse(s, len, &l))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s \"%s\"", U8("invalid 完成目标可能性 (likelihood):"),
						ind_quote(text_to_cstring(PG_GETARG_TEXT_PP(n)))),
				 errhint("%s", U8("Write 确定能, 有可能 or 完全不可能."))));
	return l;
}

/* Report a core monitoring error (only values too large to be exact). */
static void
monitor_error(const IndError *err)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("values out of range for monitoring"),
			 errdetail_internal("%s", ind_from_utf8(err->detail, (int) strlen(err->detail)))));
}

/*
 * (i, actual, as_of, policy, level2[, likelihood]) monitored; false when an
 * argument that decides the answer is NULL.  A NULL policy is the central
 * one, as everywhere a policy is taken.
 */
static bool
monitor_args(FunctionCallInfo fcinfo, bool text_actual, bool month, IndMonitor *m)
{
	IndSpec		spec;
	IndActual	a;
	IndMonitorTime t;
	IndError	err;
	const IndPolicy *p;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		return false;
	p = ind_policy_arg(fcinfo, 3);
	ind_unpack(PG_GETARG_INDICATOR_P(0), &spec);
	ind_actual_arg(fcinfo, 1, &spec, text_actual, p, &a);
	ind_monitor_time_arg(fcinfo, 2, month, p, &t);
	if (ind_monitor(&spec, &a, &t, ind_level2_arg(fcinfo, 4), likelihood_arg(fcinfo, 5), p, true,
					m, &err) != IND_OK)
		monitor_error(&err);
	return true;
}

static Datum
light_datum(IndLight l)
{
	return PointerGetDatum(UTF8_TEXT(ind_light_name(l)));
}

static Datum
monitor_light(FunctionCallInfo fcinfo, bool text_actual, bool month)
{
	IndMonitor	m;

	if (!monitor_args(fcinfo, text_actual, month, &m) || m.light == IND_LIGHT_NONE)
		PG_RETURN_NULL();
	return light_datum(m.light);
}

PG_FUNCTION_INFO_V1(indicator_monitor_light_numeric);
Datum
indicator_monitor_light_numeric(PG_FUNCTION_ARGS)
{
	return monitor_light(fcinfo, false, false);
}

PG_FUNCTION_INFO_V1(indicator_monitor_light_text);
Datum
indicator_monitor_light_text(PG_FUNCTION_ARGS)
{
	return monitor_light(fcinfo, true, false);
}

PG_FUNCTION_INFO_V1(indicator_monitor_light_numeric_month);
Datum
indicator_monitor_light_numeric_month(PG_FUNCTION_ARGS)
{
	return monitor_light(fcinfo, false, true);
}

PG_FUNCTION_INFO_V1(indicator_monitor_light_text_month);
Datum
indicator_monitor_light_text_month(PG_FUNCTION_ARGS)
{
	return monitor_light(fcinfo, true, true);
}

static TupleDesc
result_desc(FunctionCallInfo fcinfo)
{
	TupleDesc	tupdesc;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("function returning record called in context that cannot accept type record")));
	return BlessTupleDesc(tupdesc);
}

/* (progress, time_progress, completion, light, reason_required, forecast, forecast_met) */
static Datum
monitor_detail(FunctionCallInfo fcinfo, bool text_actual, bool month)
{
	IndMonitor	m;
	Datum		values[7];
	bool		nulls[7] = {false, false, false, false, false, false, false};
	TupleDesc	tupdesc;

	if (!monitor_args(fcinfo, text_actual, month, &m))
		PG_RETURN_NULL();
	tupdesc = result_desc(fcinfo);
	values[0] = m.has_progress ? ind_decimal_to_numeric(m.progress, 2) : (Datum) 0;
	nulls[0] = !m.has_progress;
	values[1] = ind_decimal_to_numeric(m.time_progress, 2);
	values[2] = m.has_completion ? ind_decimal_to_numeric(m.completion, 2) : (Datum) 0;
	nulls[2] = !m.has_completion;
	nulls[3] = m.light == IND_LIGHT_NONE;
	values[3] = nulls[3] ? (Datum) 0 : light_datum(m.light);
	values[4] = BoolGetDatum(m.reason_required);
	values[5] = m.has_forecast ? ind_decimal_to_numeric(m.forecast, 2) : (Datum) 0;
	nulls[5] = !m.has_forecast;
	values[6] = BoolGetDatum(m.forecast_met);
	nulls[6] = m.light == IND_LIGHT_NONE;
	return HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls));
}

PG_FUNCTION_INFO_V1(indicator_monitor_detail_numeric);
Datum
indicator_monitor_detail_numeric(PG_FUNCTION_ARGS)
{
	return monitor_detail(fcinfo, false, false);
}

PG_FUNCTION_INFO_V1(indicator_monitor_detail_text);
Datum
indicator_monitor_detail_text(PG_FUNCTION_ARGS)
{
	return monitor_detail(fcinfo, true, false);
}

PG_FUNCTION_INFO_V1(indicator_monitor_detail_numeric_month);
Datum
indicator_monitor_detail_numeric_month(PG_FUNCTION_ARGS)
{
	return monitor_detail(fcinfo, false, true);
}

PG_FUNCTION_INFO_V1(indicator_monitor_detail_text_month);
Datum
indicator_monitor_detail_text_month(PG_FUNCTION_ARGS)
{
	return monitor_detail(fcinfo, true, true);
}

/* (spent, budget, as_of, policy): a NULL budget is a missing one, E/B := 0; a NULL policy central */
static bool
budget_args(FunctionCallInfo fcinfo, bool month, IndBudgetMonitor *b)
{
	IndMonitorTime t;
	IndError	err;
	const IndPolicy *p;
	IndDecimal	budget = {0, 0};
	IndDecimal	spent;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(2))
		return false;
	p = ind_policy_arg(fcinfo, 3);
	spent = ind_numeric_to_exact(PG_GETARG_DATUM(0), "spending", true);
	if (!PG_ARGISNULL(1))
		budget = ind_numeric_to_exact(PG_GETARG_DATUM(1), "budget", true);
	ind_monitor_time_arg(fcinfo, 2, month, p, &t);
	if (ind_budget_monitor(spent, !PG_ARGISNULL(1), budget, &t, p, b, &err) != IND_OK)
		monitor_error(&err);
	return true;
}

static Datum
budget_light(FunctionCallInfo fcinfo, bool month)
{
	IndBudgetMonitor b;

	if (!budget_args(fcinfo, month, &b))
		PG_RETURN_NULL();
	return light_datum(b.light);
}

PG_FUNCTION_INFO_V1(indicator_budget_light);
Datum
indicator_budget_light(PG_FUNCTION_ARGS)
{
	return budget_light(fcinfo, false);
}

PG_FUNCTION_INFO_V1(indicator_budget_light_month);
Datum
indicator_budget_light_month(PG_FUNCTION_ARGS)
{
	return budget_light(fcinfo, true);
}

/* (rate, time_progress, progress, light, checkpoint, checkpoint_warning, forecast) */
static Datum
budget_progress(FunctionCallInfo fcinfo, bool month)
{
	IndBudgetMonitor b;
	Datum		values[7];
	bool		nulls[7] = {false, false, false, false, false, false, false};
	TupleDesc	tupdesc;

	if (!budget_args(fcinfo, month, &b))
		PG_RETURN_NULL();
	tupdesc = result_desc(fcinfo);
	values[0] = ind_decimal_to_numeric(b.rate, 2);
	values[1] = ind_decimal_to_numeric(b.time_progress, 2);
	values[2] = ind_decimal_to_numeric(b.progress, 2);
	values[3] = light_datum(b.light);
	values[4] = b.has_checkpoint ? ind_decimal_to_numeric(b.checkpoint, 0) : (Datum) 0;
	nulls[4] = !b.has_checkpoint;
	values[5] = BoolGetDatum(b.checkpoint_warning);
	values[6] = ind_decimal_to_numeric(b.forecast, 2);
	return HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls));
}

PG_FUNCTION_INFO_V1(indicator_budget_progress);
Datum
indicator_budget_progress(PG_FUNCTION_ARGS)
{
	return budget_progress(fcinfo, false);
}

PG_FUNCTION_INFO_V1(indicator_budget_progress_month);
Datum
indicator_budget_progress_month(PG_FUNCTION_ARGS)
{
	return budget_progress(fcinfo, true);
}

/* A light given as text (红/黄/绿/蓝 or red/...); NULL is no light. */
static IndLight
light_arg(FunctionCallInfo fcinfo, int n)
{
	int			len;
	const char *s;
	IndLight	l;

	if (PG_ARGISNULL(n))
		return IND_LIGHT_NONE;
	s = ind_text_to_utf8(PG_GETARG_TEXT_PP(n), &len);
	if (!ind_light_parse(s, len, &l))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid light: \"%s\"", ind_quote(text_to_cstring(PG_GETARG_TEXT_PP(n)))),
				 errhint("%s", U8("Write 红, 黄, 绿 or 蓝 (or red, yellow, green, blue)."))));
	return l;
}

/* project_light(goal_light, budget_light, policy) */
PG_FUNCTION_INFO_V1(indicator_project_light);
Datum
indicator_project_light(PG_FUNCTION_ARGS)
{
	IndLight	l;

	l = ind_project_light(light_arg(fcinfo, 0), light_arg(fcinfo, 1), ind_policy_arg(fcinfo, 2));
	if (l == IND_LIGHT_NONE)
		PG_RETURN_NULL();
	return light_datum(l);
}

/* progress_gap(goal_progress, budget_rate, policy): 四川's warning; NULL without both progresses */
PG_FUNCTION_INFO_V1(indicator_progress_gap);
Datum
indicator_progress_gap(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	PG_RETURN_BOOL(ind_progress_gap(ind_numeric_to_decimal(PG_GETARG_DATUM(0), "goal progress"),
									ind_numeric_to_decimal(PG_GETARG_DATUM(1), "budget progress"),
									ind_policy_arg(fcinfo, 2)));
}
