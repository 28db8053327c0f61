/*
 * scorecard_sql.c
 *		The scorecard aggregate and its state type scorecard_state: I/O,
 *		transition, inverse transition, combine and finish.
 *
 * The transition function updates its state in place when it runs inside
 * an aggregate (the state then lives in the aggregate's memory context and
 * belongs to it), so a real state type costs no more than internal would.
 */
#include "compat.h"

#include "fmgr.h"
#include "funcapi.h"
#include "access/htup_details.h"
#include "executor/executor.h"
#include "nodes/execnodes.h"
#include "nodes/plannodes.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

#include "agg_rowkey.h"
#include "encoding.h"
#include "indicator.h"
#include "numeric_io.h"
#include "score_fmgr.h"
#include "scorecard.h"
#include "scorecard_wire.h"

#define PG_GETARG_SCORECARD_P(n)	((IndScorecard *) PG_DETOAST_DATUM(PG_GETARG_DATUM(n)))

static void
bad_state(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid binary representation of type scorecard_state"),
			 errdetail_internal("%s", detail)));
}

/*
 * A state argument, checked.  Every state this module makes is valid (the
 * input and receive functions check what they read, and no function
 * returns a state it has not checked), but a table can still hold one
 * written before those checks existed, or damaged on disk: it is refused
 * before anything reads it, so that no function ever passes on what the
 * input function would reject.
 */
static IndScorecard *
state_arg(FunctionCallInfo fcinfo, int n)
{
	IndScorecard *sc = PG_GETARG_SCORECARD_P(n);

	/* a value stored by 1.3 or before has the version-1 layout */
	if (VARSIZE(sc) == IND_SC_V1_SIZE)
	{
		IndScorecard *now = palloc(sizeof(IndScorecard));

		if (ind_sc_upgrade(sc, VARSIZE(sc), now))
			sc = now;
	}
	if (VARSIZE(sc) != sizeof(IndScorecard) || !ind_sc_valid(sc))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid scorecard_state value"),
				 errdetail("Its counters or sums contradict each other (met + unmet + unscored + needs_person = indicators, no counter above indicators, 0 <= score <= scored_weight <= weight), or it is not format version 1 or 2."),
				 errhint("A state is made only by the scorecard functions; recompute it from the rows.")));
	return sc;
}

static void
weight_decimals_error(Datum weight)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("weight %s has more than six decimals",
					ind_quote(DatumGetCString(DirectFunctionCall1(numeric_out, weight)))),
			 errhint("The scorecard sums weights and points exactly with six decimals.")));
}

/*
 * After a row was taken out (sign -1): a state that no longer adds up means
 * the row was never in it.  Inside a window frame that cannot happen, so
 * this is a direct call of the inverse function; storing its result would
 * make a value its own input function rejects.
 */
static void
check_removed(const IndScorecard *sc, int sign)
{
	if (sign < 0 && !ind_sc_valid(sc))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot remove a row that the scorecard state does not hold"),
				 errdetail("Removing it would leave negative counts or sums."),
				 errhint("scorecard_unstep() only undoes scorecard_step() of the same row, as moving window frames use it.")));
}

static void
overflow(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("scorecard sum out of range"),
			 errhint("Weights and points are summed with six decimals; a weight may have at most six.")));
}

PG_FUNCTION_INFO_V1(scorecard_state_in);
Datum
scorecard_state_in(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING(0);
	IndScorecard *sc = palloc(sizeof(IndScorecard));
	char		detail[256];

	if (!ind_sc_parse(s, (int) strlen(s), sc, detail, sizeof(detail)))
		ereturn(fcinfo->context, (Datum) 0,
				errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("invalid input syntax for type scorecard_state: \"%s\"", ind_quote(s)),
				errdetail_internal("%s", detail));
	PG_RETURN_POINTER(sc);
}

PG_FUNCTION_INFO_V1(scorecard_state_out);
Datum
scorecard_state_out(PG_FUNCTION_ARGS)
{
	IndScorecard *sc = state_arg(fcinfo, 0);
	char	   *buf = palloc(1024);

	ind_sc_format(sc, buf, 1024);
	PG_RETURN_CSTRING(buf);
}

/* Binary output; the format is in scorecard_wire.c. */
PG_FUNCTION_INFO_V1(scorecard_state_send);
Datum
scorecard_state_send(PG_FUNCTION_ARGS)
{
	IndScorecard *sc = state_arg(fcinfo, 0);
	int			size = ind_sc_wire_size(sc);
	bytea	   *result = (bytea *) palloc(VARHDRSZ + size);

	SET_VARSIZE(result, VARHDRSZ + size);
	ind_sc_encode_wire(sc, (unsigned char *) VARDATA(result));
	PG_RETURN_BYTEA_P(result);
}

PG_FUNCTION_INFO_V1(scorecard_state_recv);
Datum
scorecard_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	IndScorecard *sc = palloc(sizeof(IndScorecard));
	char		detail[256];

	if (!ind_sc_decode_wire(buf->data + buf->cursor, buf->len - buf->cursor, sc,
							detail, sizeof(detail)))
		bad_state(detail);
	buf->cursor = buf->len;
	PG_RETURN_POINTER(sc);
}

/*
 * What the transition function keeps between calls: the parsed policy, and
 * the last row it scored, for grouping sets (agg_rowkey.c).
 */
typedef struct StepCache
{
	int			use_key;		/* -1 until known: 1 under grouping sets */
	int			in_agg;			/* -1 until known: 1 when called by an aggregate */
	void	   *policy_cache;
	const IndPolicy *policy;
	IndRowKey	key;			/* len 0: nothing cached */
	IndScore	score;
	IndDecimal	weight;
} StepCache;

/* A row without an indicator or a weight: skipped, as sum() skips NULLs. */
static Datum
skip_row(FunctionCallInfo fcinfo)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	if (!AggCheckCallContext(fcinfo, NULL))
		(void) state_arg(fcinfo, 0);
	PG_RETURN_DATUM(PG_GETARG_DATUM(0));
}

static StepCache *
step_cache(FunctionCallInfo fcinfo)
{
	StepCache  *cache = (StepCache *) fcinfo->flinfo->fn_extra;

	if (cache == NULL)
	{
		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(StepCache));
		cache->use_key = -1;
		cache->in_agg = -1;
		fcinfo->flinfo->fn_extra = cache;
	}
	return cache;
}

/*
 * The state to update: the incoming one, in place, when we own it (inside
 * an aggregate); a fresh one when it is NULL; a checked copy otherwise.
 * Inside an aggregate the state is one this module made for the group, so
 * it is not checked again on every row.
 */
static IndScorecard *
own_state(FunctionCallInfo fcinfo, bool in_agg)
{
	MemoryContext aggcontext;
	IndScorecard *sc;

	if (PG_ARGISNULL(0))
	{
		if (!in_agg || !AggCheckCallContext(fcinfo, &aggcontext))
			aggcontext = NULL;
		sc = aggcontext ? MemoryContextAlloc(aggcontext, sizeof(IndScorecard))
			: palloc(sizeof(IndScorecard));
		ind_sc_init(sc);
		return sc;
	}
	if (in_agg)
		return (IndScorecard *) DatumGetPointer(PG_GETARG_DATUM(0));
	sc = state_arg(fcinfo, 0);
	if ((Pointer) sc == DatumGetPointer(PG_GETARG_DATUM(0)))
	{
		IndScorecard *copy = palloc(sizeof(IndScorecard));

		memcpy(copy, sc, sizeof(IndScorecard));
		sc = copy;
	}
	return sc;
}

/*
 * The same for the transition function.  Whether its call site is an
 * aggregate does not change, so that is asked once; the memory context is
 * asked only for a new group's state (grouping sets have one each).
 */
static IndScorecard *
writable_state(FunctionCallInfo fcinfo, StepCache *cache)
{
	if (cache->in_agg < 0)
		cache->in_agg = AggCheckCallContext(fcinfo, NULL) ? 1 : 0;
	return own_state(fcinfo, cache->in_agg == 1);
}

/* The weight of a row: exact, not negative, at most six decimals. */
static IndDecimal
row_weight(FunctionCallInfo fcinfo)
{
	IndDecimal	w = ind_numeric_to_exact(PG_GETARG_DATUM(3), "weight", true);

	if (w.scale > IND_SC_SCALE)
		weight_decimals_error(PG_GETARG_DATUM(3));
	return w;
}

/* The key of a row for the grouping-set cache; len 0 when rows are not keyed. */
static void
row_key(FunctionCallInfo fcinfo, StepCache *cache, IndRowKey *key)
{
	key->len = 0;
	if (cache->use_key < 0)
		cache->use_key = ind_under_grouping_sets(fcinfo) ? 1 : 0;
	/* a NULL policy is the central one, as is an absent one */
	if (!cache->use_key ||
		!ind_rowkey_add_varlena(key, PG_GETARG_DATUM(1)) ||
		!ind_rowkey_add_varlena(key, PG_GETARG_DATUM(2)) ||
		!ind_rowkey_add_varlena(key, PG_GETARG_DATUM(3)) ||
		!(PG_NARGS() <= 4 || PG_ARGISNULL(4) || ind_rowkey_add_varlena(key, PG_GETARG_DATUM(4))))
		key->len = 0;
}

/* Score the row's indicator, actual and weight under its policy. */
static void
score_row(FunctionCallInfo fcinfo, StepCache *cache, bool text_actual, IndDecimal w,
		  IndScore *s)
{
	IndSpec		spec;
	IndActual	a;
	IndError	err;

	cache->policy = ind_policy_arg_in(fcinfo, 4, &cache->policy_cache);
	ind_unpack(PG_GETARG_INDICATOR_P(1), &spec);
	if (text_actual)
	{
		text	   *t = PG_GETARG_TEXT_PP(2);

		ind_text_actual(&spec, t, cache->policy->unreadable == IND_UNREADABLE_PERSON, &a);
		if (ind_score(&spec, &a, w, cache->policy, s, &err) != IND_OK)
			ind_report_score_error(&err, text_to_cstring(t));
	}
	else
	{
		IndDecimal	ad = ind_numeric_to_decimal(PG_GETARG_DATUM(2), "actual value");

		/* the common case in machine integers; same points as ind_score() */
		if (!ind_score_quick(&spec, ad, w, cache->policy, s))
		{
			memset(&a, 0, sizeof(a));
			a.kind = IND_ACTUAL_NUMBER;
			a.value = ind_ratio_from_decimal(ad);
			if (ind_score(&spec, &a, w, cache->policy, s, &err) != IND_OK)
				ind_report_score_error(&err, NULL);
		}
	}
}

/*
 * One row: (state, indicator, actual, weight[, policy]).  Rows without an
 * indicator or a weight are skipped; a NULL actual is counted as
 * unscored.  sign is +1 to add, -1 to remove (moving windows).  Under
 * grouping sets the same row comes once per set in a row: it is scored
 * once and counted many times.
 */
static Datum
step(FunctionCallInfo fcinfo, bool text_actual, int sign)
{
	IndScorecard *sc;
	StepCache  *cache;
	IndScore	s;
	IndDecimal	w;
	IndRowKey	key;
	bool		ok;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(3))
		return skip_row(fcinfo);
	cache = step_cache(fcinfo);
	if (PG_ARGISNULL(2))
	{
		w = row_weight(fcinfo);
		sc = writable_state(fcinfo, cache);
		ok = ind_sc_add_unscored(sc, w, sign);
	}
	else
	{
		row_key(fcinfo, cache, &key);
		if (ind_rowkey_equal(&key, &cache->key))
		{
			w = cache->weight;
			s = cache->score;
		}
		else
		{
			w = row_weight(fcinfo);
			score_row(fcinfo, cache, text_actual, w, &s);
			if (key.len > 0)
			{
				cache->key = key;
				cache->score = s;
				cache->weight = w;
			}
		}
		sc = writable_state(fcinfo, cache);
		ok = s.needs_person ? ind_sc_add_needs_person(sc, w, sign) : ind_sc_add(sc, w, &s, sign);
	}
	if (!ok)
		overflow();
	check_removed(sc, sign);
	PG_RETURN_POINTER(sc);
}

PG_FUNCTION_INFO_V1(scorecard_step_numeric);
Datum
scorecard_step_numeric(PG_FUNCTION_ARGS)
{
	return step(fcinfo, false, 1);
}

PG_FUNCTION_INFO_V1(scorecard_step_text);
Datum
scorecard_step_text(PG_FUNCTION_ARGS)
{
	return step(fcinfo, true, 1);
}

PG_FUNCTION_INFO_V1(scorecard_unstep_numeric);
Datum
scorecard_unstep_numeric(PG_FUNCTION_ARGS)
{
	return step(fcinfo, false, -1);
}

PG_FUNCTION_INFO_V1(scorecard_unstep_text);
Datum
scorecard_unstep_text(PG_FUNCTION_ARGS)
{
	return step(fcinfo, true, -1);
}

/* Merge two states; also the transition function of scorecard_merge(). */
PG_FUNCTION_INFO_V1(scorecard_combine);
Datum
scorecard_combine(PG_FUNCTION_ARGS)
{
	IndScorecard *into;
	IndScorecard *from;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		if (!AggCheckCallContext(fcinfo, NULL))
			(void) state_arg(fcinfo, 0);
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	from = state_arg(fcinfo, 1);
	into = own_state(fcinfo, AggCheckCallContext(fcinfo, NULL));
	if (!ind_sc_combine(into, from))
		overflow();
	PG_RETURN_POINTER(into);
}

/* A sum as numeric, with two decimals or as many as it needs. */
static inline Datum
sum_numeric(const IndScorecard *sc, IndScSum which)
{
	return ind_fixed_to_numeric(ind_sc_sum(sc, which), IND_SC_SCALE, 2);
}

/* The scorecard composite of a state; NULL for no rows at all. */
PG_FUNCTION_INFO_V1(scorecard_finish);
Datum
scorecard_finish(PG_FUNCTION_ARGS)
{
	IndScorecard *sc;
	TupleDesc	tupdesc;
	Datum		values[IND_SC_NCOUNTERS + IND_SC_NSUMS];
	bool		nulls[IND_SC_NCOUNTERS + IND_SC_NSUMS];
	int			k;
	int			i;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	sc = state_arg(fcinfo, 0);
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("function returning record called in context that cannot accept type record")));
	tupdesc = BlessTupleDesc(tupdesc);
	memset(nulls, 0, sizeof(nulls));
	/*
	 * weight, score, the version-1 counters, scored_weight, then what 1.4
	 * added (needs_person); under a 1.3 catalog the type ends before it
	 */
	k = 0;
	values[k++] = sum_numeric(sc, IND_SC_WEIGHT);
	values[k++] = sum_numeric(sc, IND_SC_SCORE);
	for (i = 0; i < IND_SC_V1_COUNTERS; i++)
		values[k++] = Int64GetDatum(sc->count[i]);
	values[k++] = sum_numeric(sc, IND_SC_SCORED_WEIGHT);
	values[k++] = Int64GetDatum(sc->count[IND_SC_NEEDS_PERSON]);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/*
 * scorecard_percent(scorecard): 百分制 (P1) — the points over the weights
 * that were scored, as a percentage rounded half up to cents.  NULL when
 * nothing was scored.
 */
PG_FUNCTION_INFO_V1(scorecard_percent);
Datum
scorecard_percent(PG_FUNCTION_ARGS)
{
	HeapTupleHeader sc = PG_GETARG_HEAPTUPLEHEADER(0);
	bool		isnull_score,
				isnull_weight;
	Datum		score = GetAttributeByName(sc, "score", &isnull_score);
	Datum		weight = GetAttributeByName(sc, "scored_weight", &isnull_weight);
	IndDecimal	s,
				w;
	IndRatio	r;

	if (isnull_score || isnull_weight)
		PG_RETURN_NULL();
	s = ind_numeric_to_decimal(score, "score");
	w = ind_numeric_to_decimal(weight, "scored weight");
	if (w.mant == 0)
		PG_RETURN_NULL();
	if (!ind_ratio_div(ind_ratio_from_decimal(s), ind_ratio_from_decimal(w), &r) ||
		!ind_ratio_mul(r, ind_ratio_int(100), &r))
		overflow();
	PG_RETURN_DATUM(ind_ratio_to_numeric(r, 2));
}
