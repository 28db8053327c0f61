/*
 * score_sql.c
 *		SQL functions of scoring: score, score_detail, attainment, the @>
 *		operator, budget execution and grades.
 */
#include "compat.h"

#include "fmgr.h"
#include "funcapi.h"
#include "access/htup_details.h"
#include "utils/builtins.h"

#include "encoding.h"
#include "indicator.h"
#include "numeric_io.h"
#include "policy_sql.h"
#include "score.h"
#include "score_fmgr.h"


static const char *const actual_hint =
"Write a number with or without unit (96%, 5,200次, 58万元), a grade "
"(达成, 部分达成, 未达成, optionally with a manual score: 达成 9.5), or a date (2022年11月, 2022-11-30).";

/* Raise a core scoring error with its SQLSTATE. */
void
ind_report_score_error(const IndError *err, const char *actual_text)
{
	char	   *detail = ind_from_utf8(err->detail, (int) strlen(err->detail));

	switch (err->status)
	{
		case IND_ERR_SYNTAX:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid actual value: \"%s\"", actual_text ? ind_quote(actual_text) : ""),
					 errdetail_internal("%s", detail),
					 errhint("%s", ind_from_utf8(actual_hint, (int) strlen(actual_hint)))));
			break;
		case IND_ERR_TOO_LONG:
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("actual value too long"),
					 errdetail_internal("%s", detail)));
			break;
		case IND_ERR_RANGE:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("value out of range for scoring"),
					 errdetail_internal("%s", detail)));
			break;
		case IND_ERR_DATA:
			ereport(ERROR,
					(errcode(ERRCODE_DATA_EXCEPTION),
					 errmsg("actual value does not match the target"),
					 errdetail_internal("%s", detail),
					 errhint("Give the actual in the target's unit, or in a unit of the same dimension.")));
			break;
		default:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot score this actual value"),
					 errdetail_internal("%s", detail)));
			break;
	}
}

/*
 * Express a text actual in the target's unit.  A unit that does not
 * convert is for a person to look at (the sheet goes on); a value that
 * overflows in conversion is still an error.
 */
void
ind_actual_in_target_unit(const IndSpec *spec, IndActual *a, IndError *err, const char *actual_text)
{
	if (ind_actual_to_target_unit(spec, a, err) == IND_OK)
		return;
	if (err->status != IND_ERR_DATA)
		ind_report_score_error(err, actual_text);
	memset(a, 0, sizeof(*a));
	a->kind = IND_ACTUAL_TEXT;
	a->person = IND_PERSON_UNIT;
}

/*
 * An actual written as text, in the target's unit.  Text that is no value
 * at all (a typo such as 1,5 or 10/12) is an error, unless the caller reads
 * leniently (a review, or the unreadable=person knob): then it is for a
 * person, and the query goes on.
 */
void
ind_text_actual(const IndSpec *spec, text *t, bool lenient, IndActual *a)
{
	IndError	err;
	int			len;
	const char *s = ind_text_to_utf8(t, &len);

	if (ind_parse_actual(s, len, a, &err) != IND_OK)
	{
		if (!lenient)
			ind_report_score_error(&err, text_to_cstring(t));
		ind_actual_for_person(s, len, IND_PERSON_MALFORMED, a);
		return;
	}
	ind_actual_in_target_unit(spec, a, &err, text_to_cstring(t));
}

/* Argument n as an actual, numeric or text depending on the function. */
void
ind_actual_arg(FunctionCallInfo fcinfo, int n, const IndSpec *spec, bool is_text,
			   const IndPolicy *p, IndActual *a)
{
	if (is_text)
		ind_text_actual(spec, PG_GETARG_TEXT_PP(n), p->unreadable == IND_UNREADABLE_PERSON, a);
	else
	{
		memset(a, 0, sizeof(*a));
		a->kind = IND_ACTUAL_NUMBER;
		a->value = ind_ratio_from_decimal(ind_numeric_to_decimal(PG_GETARG_DATUM(n), "actual value"));
	}
}

/* Score (indicator, actual, weight[, policy]); weight_arg < 0 means "no weight": 1. */
static void
score_args(FunctionCallInfo fcinfo, bool is_text, int weight_arg, int policy_arg_no,
		   bool for_attainment, IndScore *out, IndDecimal *weight)
{
	Indicator  *v = PG_GETARG_INDICATOR_P(0);
	IndSpec		spec;
	IndActual	a;
	IndError	err;
	const IndPolicy *p = ind_policy_arg(fcinfo, policy_arg_no);

	ind_unpack(v, &spec);
	ind_actual_arg(fcinfo, 1, &spec, is_text, p, &a);
	if (weight_arg >= 0)
		*weight = ind_numeric_to_exact(PG_GETARG_DATUM(weight_arg), "weight", true);
	else
	{
		/* attainment and @> work on a weight of 1 */
		weight->mant = 1;
		weight->scale = 0;
		if (a.kind == IND_ACTUAL_GRADE && a.has_manual && !a.manual_is_fraction)
		{
			/* manual points mean nothing without the weight; the grade decides */
			if (for_attainment)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("the attainment of a manual score in points needs the weight"),
						 errhint("Use score_detail(indicator, actual, weight), or give the manual score as a percentage (达成 95%%).")));
			a.has_manual = false;
		}
	}
	if (ind_score(&spec, &a, *weight, p, out, &err) != IND_OK)
		ind_report_score_error(&err, is_text ? text_to_cstring(PG_GETARG_TEXT_PP(1)) : NULL);
}

/*
 * A NULL policy is the central policy, as an omitted one is (in every
 * function and aggregate that takes one); a NULL in any argument before
 * it makes the result NULL, as a strict function's would.
 */
#define RETURN_NULL_BEFORE_POLICY(fcinfo, policy_arg) \
	do { \
		for (int arg_ = 0; arg_ < (policy_arg) && arg_ < PG_NARGS(); arg_++) \
			if (PG_ARGISNULL(arg_)) \
				PG_RETURN_NULL(); \
	} while (0)

static Datum
points_datum(IndScore *s)
{
	return ind_decimal_to_numeric(s->points, 2);
}

PG_FUNCTION_INFO_V1(indicator_score_numeric);
Datum
indicator_score_numeric(PG_FUNCTION_ARGS)
{
	IndScore	s;
	IndDecimal	w;

	RETURN_NULL_BEFORE_POLICY(fcinfo, 3);
	score_args(fcinfo, false, 2, 3, false, &s, &w);
	if (s.needs_person)
		PG_RETURN_NULL();		/* a number against words: score_detail() says so */
	PG_RETURN_DATUM(points_datum(&s));
}

PG_FUNCTION_INFO_V1(indicator_score_text);
Datum
indicator_score_text(PG_FUNCTION_ARGS)
{
	IndScore	s;
	IndDecimal	w;

	RETURN_NULL_BEFORE_POLICY(fcinfo, 3);
	score_args(fcinfo, true, 2, 3, false, &s, &w);
	if (s.needs_person)
		PG_RETURN_NULL();		/* score_detail() says why */
	PG_RETURN_DATUM(points_datum(&s));
}

/* The fraction achieved, rounded half up to 4 decimals. */
PG_FUNCTION_INFO_V1(indicator_attainment_numeric);
Datum
indicator_attainment_numeric(PG_FUNCTION_ARGS)
{
	IndScore	s;
	IndDecimal	w;

	RETURN_NULL_BEFORE_POLICY(fcinfo, 2);
	score_args(fcinfo, false, -1, 2, true, &s, &w);
	if (s.needs_person)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(ind_ratio_to_numeric(s.attainment, 4));
}

PG_FUNCTION_INFO_V1(indicator_attainment_text);
Datum
indicator_attainment_text(PG_FUNCTION_ARGS)
{
	IndScore	s;
	IndDecimal	w;

	RETURN_NULL_BEFORE_POLICY(fcinfo, 2);
	score_args(fcinfo, true, -1, 2, true, &s, &w);
	if (s.needs_person)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(ind_ratio_to_numeric(s.attainment, 4));
}

/* i @> actual: the target is met, by the central policy. */
PG_FUNCTION_INFO_V1(indicator_met_numeric);
Datum
indicator_met_numeric(PG_FUNCTION_ARGS)
{
	IndScore	s;
	IndDecimal	w;

	score_args(fcinfo, false, -1, 2, false, &s, &w);
	if (s.needs_person)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(s.met);
}

PG_FUNCTION_INFO_V1(indicator_met_text);
Datum
indicator_met_text(PG_FUNCTION_ARGS)
{
	IndScore	s;
	IndDecimal	w;

	score_args(fcinfo, true, -1, 2, false, &s, &w);
	if (s.needs_person)
		PG_RETURN_NULL();		/* unknown until a person looks */
	PG_RETURN_BOOL(s.met);
}

/*
 * The whole result as a composite indicator_score.  A row a person must
 * score has no points, attainment or met; needs_person and person_reason
 * (1.4) say why.  Under a 1.3 catalog the type has its first 7 fields.
 */
static Datum
detail_datum(FunctionCallInfo fcinfo, IndScore *s)
{
	TupleDesc	tupdesc;
	Datum		values[9];
	bool		nulls[9] = {false, false, false, false, false, false, false, false, false};
	bool		person = s->needs_person != IND_PERSON_NONE;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("function returning record called in context that cannot accept type record")));
	tupdesc = BlessTupleDesc(tupdesc);
	values[0] = person ? (Datum) 0 : points_datum(s);
	nulls[0] = person;
	values[1] = person ? (Datum) 0 : ind_ratio_to_numeric(s->attainment, 4);
	nulls[1] = person;
	values[2] = BoolGetDatum(s->met);
	nulls[2] = person;
	if (s->has_deviation && !person)
		values[3] = ind_ratio_to_numeric(s->deviation, 4);
	else
		nulls[3] = true;
	values[4] = BoolGetDatum(s->over_completed);
	values[5] = BoolGetDatum(s->reason_required || person);
	values[6] = BoolGetDatum(s->manual_review || person);
	values[7] = BoolGetDatum(person);
	if (person)
		values[8] = PointerGetDatum(UTF8_TEXT(ind_person_reason(s->needs_person)));
	else
		nulls[8] = true;
	return HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls));
}

PG_FUNCTION_INFO_V1(indicator_score_detail_numeric);
Datum
indicator_score_detail_numeric(PG_FUNCTION_ARGS)
{
	IndScore	s;
	IndDecimal	w;

	RETURN_NULL_BEFORE_POLICY(fcinfo, 3);
	score_args(fcinfo, false, 2, 3, false, &s, &w);
	PG_RETURN_DATUM(detail_datum(fcinfo, &s));
}

PG_FUNCTION_INFO_V1(indicator_score_detail_text);
Datum
indicator_score_detail_text(PG_FUNCTION_ARGS)
{
	IndScore	s;
	IndDecimal	w;

	RETURN_NULL_BEFORE_POLICY(fcinfo, 3);
	score_args(fcinfo, true, 2, 3, false, &s, &w);
	PG_RETURN_DATUM(detail_datum(fcinfo, &s));
}

/*
 * budget_execution_score(spent, budget, weight, policy): a NULL weight means
 * the policy's (10; 湖北 20).  NULL spent or budget gives NULL.
 */
static bool
budget_args(FunctionCallInfo fcinfo, int weight_arg, int policy_arg_no,
			IndDecimal *points, IndRatio *rate)
{
	const IndPolicy *p;
	IndDecimal	spent,
				budget,
				w;
	IndError	err;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		return false;
	p = ind_policy_arg(fcinfo, policy_arg_no);
	spent = ind_numeric_to_exact(PG_GETARG_DATUM(0), "spending", true);
	budget = ind_numeric_to_exact(PG_GETARG_DATUM(1), "budget", true);
	w = (weight_arg >= 0 && !PG_ARGISNULL(weight_arg)) ?
		ind_numeric_to_exact(PG_GETARG_DATUM(weight_arg), "weight", true) : p->budget_weight;
	if (ind_budget_score(spent, budget, w, p, points, rate, &err) != IND_OK)
		ind_report_score_error(&err, NULL);
	return true;
}

PG_FUNCTION_INFO_V1(indicator_budget_execution_score);
Datum
indicator_budget_execution_score(PG_FUNCTION_ARGS)
{
	IndDecimal	points;
	IndRatio	rate;

	if (!budget_args(fcinfo, 2, 3, &points, &rate))
		PG_RETURN_NULL();
	PG_RETURN_DATUM(ind_decimal_to_numeric(points, 2));
}

PG_FUNCTION_INFO_V1(indicator_budget_execution_rate);
Datum
indicator_budget_execution_rate(PG_FUNCTION_ARGS)
{
	IndDecimal	points;
	IndRatio	rate;

	if (!budget_args(fcinfo, -1, 2, &points, &rate))
		PG_RETURN_NULL();
	PG_RETURN_DATUM(ind_ratio_to_numeric(rate, 4));
}

PG_FUNCTION_INFO_V1(indicator_grade);
Datum
indicator_grade(PG_FUNCTION_ARGS)
{
	const IndPolicy *p;
	IndDecimal	total;

	RETURN_NULL_BEFORE_POLICY(fcinfo, 1);
	p = ind_policy_arg(fcinfo, 1);
	total = ind_numeric_to_decimal(PG_GETARG_DATUM(0), "total");
	PG_RETURN_TEXT_P(UTF8_TEXT(ind_grade_of_total(total, p)));
}
