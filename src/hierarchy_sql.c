/*
 * hierarchy_sql.c
 *		SQL functions of the indicator hierarchy: canonical level names,
 *		the level 1 of a level 2, sort keys, and the weight check.
 */
#include "compat.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "exact.h"
#include "hierarchy.h"
#include "encoding.h"
#include "indicator.h"
#include "numeric_io.h"
#include "score_fmgr.h"
#include "weights.h"

static const IndLevel *
level_arg(FunctionCallInfo fcinfo, int n)
{
	text	   *t = PG_GETARG_TEXT_PP(n);
	int			len;
	const char *s = ind_text_to_utf8(t, &len);

	return ind_level_lookup(s, len);
}

PG_FUNCTION_INFO_V1(indicator_level_name);
Datum
indicator_level_name(PG_FUNCTION_ARGS)
{
	const IndLevel *l = level_arg(fcinfo, 0);

	if (l == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(UTF8_TEXT(l->name));
}

PG_FUNCTION_INFO_V1(indicator_level1_of);
Datum
indicator_level1_of(PG_FUNCTION_ARGS)
{
	const IndLevel *l = level_arg(fcinfo, 0);

	if (l == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(UTF8_TEXT(ind_level1_entry(l->level1)->name));
}

PG_FUNCTION_INFO_V1(indicator_level_sort_key);
Datum
indicator_level_sort_key(PG_FUNCTION_ARGS)
{
	const IndLevel *l = level_arg(fcinfo, 0);

	if (l == NULL)
		PG_RETURN_NULL();
	PG_RETURN_INT32(l->sort_key);
}

/* The vocabulary: one row per level, with its spellings. */
PG_FUNCTION_INFO_V1(indicator_levels);
Datum
indicator_levels(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int			i;

	InitMaterializedSRF(fcinfo, 0);
	for (i = 0; i < ind_level_count(); i++)
	{
		const IndLevel *l = ind_level_at(i);
		const char *sp[16];
		Datum		spd[16];
		int			n = ind_level_spellings(i, sp, 16);
		int			j;
		Datum		values[6];
		bool		nulls[6] = {false, false, false, false, false, false};

		for (j = 0; j < n; j++)
			spd[j] = PointerGetDatum(UTF8_TEXT(sp[j]));
		values[0] = PointerGetDatum(UTF8_TEXT(l->name));
		values[1] = Int32GetDatum(l->depth);
		values[2] = PointerGetDatum(UTF8_TEXT(ind_level1_entry(l->level1)->name));
		values[3] = Int32GetDatum(l->sort_key);
		values[4] = PointerGetDatum(UTF8_TEXT(l->framework));
		values[5] = PointerGetDatum(construct_array(spd, n, TEXTOID, -1, false, TYPALIGN_INT));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* One output row; item is UTF-8, as the vocabularies and the core keep it. */
static void
put_row(ReturnSetInfo *rsinfo, const char *item, bool has_expected, IndRatio expected,
		IndRatio actual)
{
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};

	values[0] = PointerGetDatum(UTF8_TEXT(item));
	if (has_expected)
		values[1] = ind_ratio_to_numeric(expected, 2);
	else
		nulls[1] = true;
	values[2] = ind_ratio_to_numeric(actual, 2);
	values[3] = BoolGetDatum(has_expected && ind_ratio_cmp(expected, actual) == 0);
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
}

static void
weights_out_of_range(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("weights out of range")));
}

static IndRatio
add(IndRatio a, IndRatio b)
{
	IndRatio	r;

	if (!ind_ratio_add(a, b, &r))
		weights_out_of_range();
	return r;
}

/* The label and weight arrays of weight_check(), of one length. */
static int
weight_check_arrays(FunctionCallInfo fcinfo, Datum **labels, bool **lnulls,
					Datum **weights, bool **wnulls)
{
	int			nl,
				nw;

	deconstruct_array(PG_GETARG_ARRAYTYPE_P(0), TEXTOID, -1, false, TYPALIGN_INT,
					  labels, lnulls, &nl);
	deconstruct_array(PG_GETARG_ARRAYTYPE_P(1), NUMERICOID, -1, false, TYPALIGN_INT,
					  weights, wnulls, &nw);
	if (nl != nw)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("weight_check needs as many weights (%d) as level labels (%d)", nw, nl)));
	return nl;
}

/*
 * weight_check(level1[], weight[], budget_weight, policy): each level 1's
 * weights against the policy's split (50 / 30 / 10 and 10 for 预算执行率
 * by default, weights.c), one row per item, then the total.  Level-2
 * labels count for their level 1; an unknown label is shown on a row of
 * its own, never silently counted elsewhere.
 */
PG_FUNCTION_INFO_V1(indicator_weight_check);
Datum
indicator_weight_check(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const IndPolicy *p = ind_policy_arg(fcinfo, 3);
	Datum	   *ld,
			   *wd;
	bool	   *ln,
			   *wn;
	int			n;
	IndWeightSums ws;
	IndWeightSplit split;
	IndRatio	zero = ind_ratio_int(0);
	IndRatio	total = zero;
	IndRatio	expected_total;
	int			i;

	InitMaterializedSRF(fcinfo, 0);
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		return (Datum) 0;
	n = weight_check_arrays(fcinfo, &ld, &ln, &wd, &wn);

	ind_weight_sums_init(&ws);
	for (i = 0; i < n; i++)
	{
		text	   *label;
		const char *s;
		int			len;
		const IndLevel *l;
		IndRatio	w;

		if (ln[i] || wn[i])
			continue;
		w = ind_ratio_from_decimal(ind_numeric_to_exact(wd[i], "weight", true));
		label = DatumGetTextPP(ld[i]);
		s = ind_text_to_utf8(label, &len);
		l = ind_level_lookup(s, len);
		total = add(total, w);
		if (l == NULL)
			put_row(rsinfo, pnstrdup(s, len), false, zero, w);
		else if (!ind_weight_sums_add(&ws, l, w, p))
			weights_out_of_range();
	}

	ind_weight_split(&ws, p, &split);
	put_row(rsinfo, "产出指标", true, split.output, ws.sum[IND_L1_OUTPUT]);
	if (ws.present[IND_L1_COST])
		put_row(rsinfo, "成本指标", false, zero, ws.sum[IND_L1_COST]);
	if (split.outcome_with_satisfaction)
		put_row(rsinfo, "效益指标+满意度指标", true, split.outcome,
				add(ws.sum[IND_L1_OUTCOME], ws.sum[IND_L1_SATISFACTION]));
	else
	{
		put_row(rsinfo, "效益指标", true, split.outcome, ws.sum[IND_L1_OUTCOME]);
		put_row(rsinfo, "满意度指标", true, split.satisfaction, ws.sum[IND_L1_SATISFACTION]);
	}
	expected_total = add(add(split.output, split.outcome), split.satisfaction);
	if (!PG_ARGISNULL(2))
	{
		IndRatio	b = ind_ratio_from_decimal(ind_numeric_to_exact(PG_GETARG_DATUM(2),
																	"budget weight", true));

		put_row(rsinfo, "预算执行率", true, split.budget, b);
		total = add(total, b);
		expected_total = add(expected_total, split.budget);
	}
	put_row(rsinfo, "合计", true, expected_total, total);
	return (Datum) 0;
}
