/*
 * monitor_agg.c
 *		The monitor aggregate and its state type monitor_state: I/O,
 *		transition, combine and finish.
 *
 * As with the scorecard, the state is a real type so that partial states
 * travel between processes and nodes as text or binary, and the transition
 * function updates it in place inside an aggregate.
 */
#include "compat.h"

#include "fmgr.h"
#include "funcapi.h"
#include "access/htup_details.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "agg_rowkey.h"
#include "encoding.h"
#include "indicator.h"
#include "monitor_fmgr.h"
#include "monitor_state.h"
#include "numeric_io.h"
#include "score_fmgr.h"

#define PG_GETARG_MONITOR_P(n)	((IndMonitorState *) PG_DETOAST_DATUM(PG_GETARG_DATUM(n)))

/* A state argument, checked: no function passes on what monitor_state_in would refuse. */
static IndMonitorState *
state_arg(FunctionCallInfo fcinfo, int n)
{
	IndMonitorState *ms = PG_GETARG_MONITOR_P(n);

	if (VARSIZE(ms) != sizeof(IndMonitorState) || !ind_mon_valid(ms))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid monitor_state value"),
				 errdetail("Its counters or sums contradict each other, or it is not format version 1."),
				 errhint("A state is made only by the monitor functions; recompute it from the rows.")));
	return ms;
}

static void
overflow(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("monitor sum out of range"),
			 errhint("Weights are summed with six decimals; a weight may have at most six.")));
}

PG_FUNCTION_INFO_V1(monitor_state_in);
Datum
monitor_state_in(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING(0);
	IndMonitorState *ms = palloc(sizeof(IndMonitorState));
	char		detail[512];

	if (!ind_mon_parse(s, (int) strlen(s), ms, detail, sizeof(detail)))
		ereturn(fcinfo->context, (Datum) 0,
				errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("invalid input syntax for type monitor_state: \"%s\"", ind_quote(s)),
				errdetail_internal("%s", detail));
	PG_RETURN_POINTER(ms);
}

PG_FUNCTION_INFO_V1(monitor_state_out);
Datum
monitor_state_out(PG_FUNCTION_ARGS)
{
	IndMonitorState *ms = state_arg(fcinfo, 0);
	char	   *buf = palloc(1024);

	ind_mon_format(ms, buf, 1024);
	PG_RETURN_CSTRING(buf);
}

PG_FUNCTION_INFO_V1(monitor_state_send);
Datum
monitor_state_send(PG_FUNCTION_ARGS)
{
	IndMonitorState *ms = state_arg(fcinfo, 0);
	bytea	   *result = (bytea *) palloc(VARHDRSZ + IND_MON_WIRE_BYTES);

	SET_VARSIZE(result, VARHDRSZ + IND_MON_WIRE_BYTES);
	ind_mon_encode_wire(ms, (unsigned char *) VARDATA(result));
	PG_RETURN_BYTEA_P(result);
}

PG_FUNCTION_INFO_V1(monitor_state_recv);
Datum
monitor_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	IndMonitorState *ms = palloc(sizeof(IndMonitorState));
	char		detail[256];

	if (!ind_mon_decode_wire(buf->data + buf->cursor, buf->len - buf->cursor, ms,
							 detail, sizeof(detail)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary representation of type monitor_state"),
				 errdetail_internal("%s", detail)));
	buf->cursor = buf->len;
	PG_RETURN_POINTER(ms);
}

/*
 * The state argument 0 to update: new in the aggregate's context for a new
 * group, in place inside an aggregate, a copy when called directly.
 */
static IndMonitorState *
writable_state(FunctionCallInfo fcinfo)
{
	MemoryContext aggcontext;
	bool		in_agg = AggCheckCallContext(fcinfo, &aggcontext);
	IndMonitorState *ms;

	if (PG_ARGISNULL(0))
	{
		ms = in_agg ? MemoryContextAlloc(aggcontext, sizeof(IndMonitorState))
			: palloc(sizeof(IndMonitorState));
		ind_mon_init(ms);
		return ms;
	}
	if (in_agg)
		return (IndMonitorState *) DatumGetPointer(PG_GETARG_DATUM(0));
	ms = state_arg(fcinfo, 0);
	if ((Pointer) ms == DatumGetPointer(PG_GETARG_DATUM(0)))
	{
		IndMonitorState *copy = palloc(sizeof(IndMonitorState));

		memcpy(copy, ms, sizeof(IndMonitorState));
		ms = copy;
	}
	return ms;
}

/*
 * What the transition function keeps between calls: the parsed policy, and
 * the last row it monitored, for grouping sets (agg_rowkey.c).
 */
typedef struct StepCache
{
	int			use_key;		/* -1 until known: 1 under grouping sets */
	void	   *policy_cache;
	IndRowKey	key;			/* len 0: nothing cached */
	IndMonitor	m;
	IndDecimal	w;
} StepCache;

static StepCache *
step_cache(FunctionCallInfo fcinfo)
{
	StepCache  *cache = (StepCache *) fcinfo->flinfo->fn_extra;

	if (cache == NULL)
	{
		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(StepCache));
		cache->use_key = -1;
		fcinfo->flinfo->fn_extra = cache;
	}
	return cache;
}

/* The row's key: indicator, actual, weight, cut-off, policy, level 2. */
static void
row_key(FunctionCallInfo fcinfo, StepCache *cache, IndRowKey *key)
{
	key->len = 0;
	if (cache->use_key < 0)
		cache->use_key = ind_under_grouping_sets(fcinfo) ? 1 : 0;
	if (!cache->use_key ||
		!ind_rowkey_add_arg(key, fcinfo, 1, false) ||
		!ind_rowkey_add_arg(key, fcinfo, 2, false) ||
		!ind_rowkey_add_arg(key, fcinfo, 3, false) ||
		!ind_rowkey_add_arg(key, fcinfo, 4, true) ||
		!ind_rowkey_add_arg(key, fcinfo, 5, false) ||
		!ind_rowkey_add_arg(key, fcinfo, 6, false))
		key->len = 0;
}

/* The row monitored, into m; its weight into w. */
static void
monitor_row(FunctionCallInfo fcinfo, StepCache *cache, bool text_actual, bool month,
			IndMonitor *m, IndDecimal *w)
{
	*w = ind_numeric_to_exact(PG_GETARG_DATUM(3), "weight", true);
	memset(m, 0, sizeof(*m));
	if (!PG_ARGISNULL(2) && !PG_ARGISNULL(4))
	{
		const IndPolicy *p = ind_policy_arg_in(fcinfo, 5, &cache->policy_cache);
		IndSpec		spec;
		IndActual	a;
		IndMonitorTime t;
		IndError	err;

		ind_unpack(PG_GETARG_INDICATOR_P(1), &spec);
		ind_actual_arg(fcinfo, 2, &spec, text_actual, p, &a);
		ind_monitor_time_arg(fcinfo, 4, month, p, &t);
		if (ind_monitor(&spec, &a, &t, ind_level2_arg(fcinfo, 6), IND_LIKELY_NONE, p, false,
						m, &err) != IND_OK)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("values out of range for monitoring"),
					 errdetail_internal("%s", ind_from_utf8(err.detail, (int) strlen(err.detail)))));
	}
}

/*
 * One row: (state, indicator, actual, weight, as_of[, policy[, level2]]).
 * Rows without an indicator or a weight are skipped, as sum() skips NULLs;
 * a row without an actual or a cut-off counts, unlit.  Under grouping sets
 * the same row comes once per set in a row: it is monitored once.
 */
static Datum
step(FunctionCallInfo fcinfo, bool text_actual, bool month)
{
	IndMonitorState *ms;
	StepCache  *cache;
	IndRowKey	key;
	IndMonitor	m;
	IndDecimal	w;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(3))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		if (!AggCheckCallContext(fcinfo, NULL))
			(void) state_arg(fcinfo, 0);
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	cache = step_cache(fcinfo);
	row_key(fcinfo, cache, &key);
	if (ind_rowkey_equal(&key, &cache->key))
	{
		m = cache->m;
		w = cache->w;
	}
	else
	{
		monitor_row(fcinfo, cache, text_actual, month, &m, &w);
		if (key.len > 0)
		{
			cache->key = key;
			cache->m = m;
			cache->w = w;
		}
	}
	ms = writable_state(fcinfo);
	if (!ind_mon_add(ms, w, &m))
		overflow();
	PG_RETURN_POINTER(ms);
}

PG_FUNCTION_INFO_V1(monitor_step_numeric);
Datum
monitor_step_numeric(PG_FUNCTION_ARGS)
{
	return step(fcinfo, false, false);
}

PG_FUNCTION_INFO_V1(monitor_step_text);
Datum
monitor_step_text(PG_FUNCTION_ARGS)
{
	return step(fcinfo, true, false);
}

PG_FUNCTION_INFO_V1(monitor_step_numeric_month);
Datum
monitor_step_numeric_month(PG_FUNCTION_ARGS)
{
	return step(fcinfo, false, true);
}

PG_FUNCTION_INFO_V1(monitor_step_text_month);
Datum
monitor_step_text_month(PG_FUNCTION_ARGS)
{
	return step(fcinfo, true, true);
}

/* Merge two states; also the transition function of monitor_merge(). */
PG_FUNCTION_INFO_V1(monitor_combine);
Datum
monitor_combine(PG_FUNCTION_ARGS)
{
	IndMonitorState *into;
	IndMonitorState *from;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		if (!AggCheckCallContext(fcinfo, NULL))
			(void) state_arg(fcinfo, 0);
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	from = state_arg(fcinfo, 1);
	into = writable_state(fcinfo);
	if (!ind_mon_combine(into, from))
		overflow();
	PG_RETURN_POINTER(into);
}

/*
 * The monitor composite of a state: (light, indicators, red, yellow, green,
 * blue, unlit, reasons, weight, progress); NULL for no rows at all.
 * progress is the weighted mean completion, capped at 100 % a row, over
 * the rows that have one, rounded half up to 2 decimals.
 */
PG_FUNCTION_INFO_V1(monitor_finish);
Datum
monitor_finish(PG_FUNCTION_ARGS)
{
	IndMonitorState *ms;
	TupleDesc	tupdesc;
	Datum		values[3 + IND_MON_NCOUNTERS];
	bool		nulls[3 + IND_MON_NCOUNTERS];
	IndLight	worst;
	int128		cw;
	int			i;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	ms = state_arg(fcinfo, 0);
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("function returning record called in context that cannot accept type record")));
	tupdesc = BlessTupleDesc(tupdesc);
	memset(nulls, 0, sizeof(nulls));
	worst = ind_mon_worst(ms);
	nulls[0] = worst == IND_LIGHT_NONE;
	values[0] = nulls[0] ? (Datum) 0 : PointerGetDatum(UTF8_TEXT(ind_light_name(worst)));
	for (i = 0; i < IND_MON_NCOUNTERS; i++)
		values[1 + i] = Int64GetDatum(ms->count[i]);
	values[1 + IND_MON_NCOUNTERS] = ind_fixed_to_numeric(ind_mon_sum(ms, IND_MON_WEIGHT),
														 IND_MON_WEIGHT_SCALE, 2);
	cw = ind_mon_sum(ms, IND_MON_COMPLETION_WEIGHT);
	if (cw == 0)
		nulls[2 + IND_MON_NCOUNTERS] = true;
	else if (cw > PG_INT64_MAX * (int128) PG_INT64_MAX / 100)
		overflow();
	else
	{
		/* completion has 8 decimals, its weight 6: the quotient is in percent */
		IndRatio	r = {ind_mon_sum(ms, IND_MON_COMPLETION), cw * 100};

		values[2 + IND_MON_NCOUNTERS] = ind_ratio_to_numeric(r, 2);
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
