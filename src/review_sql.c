/*
 * review_sql.c
 *		score_review(): the score a sheet printed for a row, reviewed (复核)
 *		against the rules.
 */
#include "compat.h"

#include "fmgr.h"
#include "funcapi.h"
#include "access/htup_details.h"
#include "utils/builtins.h"

#include "actual.h"
#include "encoding.h"
#include "indicator.h"
#include "numeric_io.h"
#include "policy_sql.h"
#include "review.h"
#include "score_fmgr.h"

/*
 * score_review(i, actual, weight, printed_score [, policy]).  Never NULL,
 * and no cell of a sheet makes it fail: every row gets a verdict.  A NULL
 * indicator or actual (the sheet left the cell empty, or the target did
 * not read), a negative weight and an actual that does not read at all
 * need a person; a NULL weight is a form without 分值; a NULL printed score
 * is "no printed score".
 */
static Datum
review(FunctionCallInfo fcinfo, bool is_text)
{
	IndSpec		spec;
	IndActual	a;
	IndScore	s;
	IndError	err;
	IndReview	r;
	IndDecimal	w = {100, 0};
	IndDecimal	printed = {0, 0};
	bool		has_weight = !PG_ARGISNULL(2);
	bool		has_printed = !PG_ARGISNULL(3);
	const IndPolicy *p;
	TupleDesc	tupdesc;
	Datum		values[7];
	bool		nulls[7] = {false, false, false, false, false, false, false};
	char		why[512];
	int			len;

	p = ind_policy_arg(fcinfo, 4);
	if (has_weight)
		w = ind_numeric_to_exact(PG_GETARG_DATUM(2), "weight", false);
	if (has_printed)
		printed = ind_numeric_to_decimal(PG_GETARG_DATUM(3), "printed score");
	memset(&s, 0, sizeof(s));
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		s.needs_person = PG_ARGISNULL(0) ? IND_PERSON_NO_TARGET : IND_PERSON_NO_ACTUAL;
	else if (w.mant < 0)
		s.needs_person = IND_PERSON_WEIGHT;
	else
	{
		ind_unpack(PG_GETARG_INDICATOR_P(0), &spec);
		if (is_text)
		{
			/*
			 * A review reads a whole sheet: a cell that is no actual at all
			 * is for a person, not the end of the query.
			 */
			ind_text_actual(&spec, PG_GETARG_TEXT_PP(1), true, &a);
		}
		else
			ind_actual_arg(fcinfo, 1, &spec, false, p, &a);
		if (ind_score(&spec, &a, w, p, &s, &err) != IND_OK)
			ind_report_score_error(&err, is_text ? text_to_cstring(PG_GETARG_TEXT_PP(1)) : NULL);
	}
	if (!ind_review(&s, has_weight, w, has_printed, printed, &r))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("printed score out of range")));

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("function returning record called in context that cannot accept type record")));
	tupdesc = BlessTupleDesc(tupdesc);
	nulls[0] = !r.has_rule;
	values[0] = r.has_rule ? ind_decimal_to_numeric(r.rule_points, 2) : (Datum) 0;
	nulls[1] = !has_printed;
	values[1] = has_printed ? PG_GETARG_DATUM(3) : (Datum) 0;
	nulls[2] = !r.has_difference;
	values[2] = r.has_difference ? ind_decimal_to_numeric(r.difference, 2) : (Datum) 0;
	values[3] = PointerGetDatum(UTF8_TEXT(ind_verdict_name(r.verdict)));
	len = ind_verdict_explain(&r, has_printed, printed, has_weight, w,
							  s.needs_person ? ind_person_reason(s.needs_person) : NULL, why, sizeof(why));
	values[4] = PointerGetDatum(ind_text_from_utf8(why, Min(len, (int) sizeof(why) - 1)));
	values[5] = BoolGetDatum(s.needs_person != IND_PERSON_NONE);
	nulls[6] = s.needs_person != IND_PERSON_NONE;
	values[6] = BoolGetDatum(s.met);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

PG_FUNCTION_INFO_V1(indicator_score_review_text);
Datum
indicator_score_review_text(PG_FUNCTION_ARGS)
{
	return review(fcinfo, true);
}

PG_FUNCTION_INFO_V1(indicator_score_review_numeric);
Datum
indicator_score_review_numeric(PG_FUNCTION_ARGS)
{
	return review(fcinfo, false);
}
