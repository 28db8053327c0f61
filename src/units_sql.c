/*
 * units_sql.c
 *		SQL functions over the unit catalogue: conversion of numbers and of
 *		indicators, a unit's dimension and canonical spelling, and the
 *		catalogue itself as a set-returning function.
 */
#include "compat.h"

#include "fmgr.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

#include "encoding.h"
#include "indicator.h"
#include "scan.h"

/* Trimmed UTF-8 text of a unit argument. */
static const char *
unit_arg(text *t, int *len)
{
	int			n;
	const char *s = ind_text_to_utf8(t, &n);
	int			start = ind_skip_spaces(s, n, 0);

	*len = ind_trim_end(s, start, n) - start;
	return s + start;
}

static Datum
int128_numeric(int128 v)
{
	char		buf[48];
	char	   *p = buf + sizeof(buf) - 1;
	bool		neg = v < 0;
	uint128		u = neg ? (uint128) (-(v + 1)) + 1 : (uint128) v;

	*p = '\0';
	do
	{
		*--p = (char) ('0' + (int) (u % 10));
		u /= 10;
	} while (u > 0);
	if (neg)
		*--p = '-';
	return DirectFunctionCall3(numeric_in, CStringGetDatum(p),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

static const char *const mismatch_hint =
"Units convert only within one dimension; 工作日 and calendar months never convert to 天.";

/* The factor from one unit to another, or a clear error. */
static void
conversion_factor(const char *from, int fromlen, const char *to, int tolen,
				  int128 *num, int128 *den)
{
	switch (ind_unit_factor(from, fromlen, to, tolen, num, den))
	{
		case IND_CONV_OK:
			return;
		case IND_CONV_UNKNOWN_FROM:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unit \"%s\" is not in the unit catalogue",
							ind_quote(ind_from_utf8(from, fromlen))),
					 errdetail("Units outside the catalogue are kept verbatim but cannot be converted."),
					 errhint("SELECT * FROM indicator_units() lists the units that convert.")));
			break;
		case IND_CONV_UNKNOWN_TO:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unit \"%s\" is not in the unit catalogue",
							ind_quote(ind_from_utf8(to, tolen))),
					 errhint("SELECT * FROM indicator_units() lists the units that convert.")));
			break;
		case IND_CONV_MISMATCH:
			{
				IndUnitRef	f,
							t;
				char		fd[64],
							td[64];

				ind_unit_resolve(from, fromlen, &f);
				ind_unit_resolve(to, tolen, &t);
				ind_unit_dimension(&f, fd);
				ind_unit_dimension(&t, td);
				ereport(ERROR,
						(errcode(ERRCODE_DATA_EXCEPTION),
						 errmsg("cannot convert \"%s\" to \"%s\"",
								ind_from_utf8(from, fromlen), ind_from_utf8(to, tolen)),
						 errdetail("\"%s\" measures %s and \"%s\" measures %s.",
								   ind_from_utf8(from, fromlen),
								   ind_from_utf8(fd, (int) strlen(fd)),
								   ind_from_utf8(to, tolen),
								   ind_from_utf8(td, (int) strlen(td))),
						 errhint("%s", ind_from_utf8(mismatch_hint, (int) strlen(mismatch_hint)))));
			}
			break;
	}
}

/*
 * value * num / den: exact when the quotient terminates, else rounded to
 * numeric division's precision; trailing zeros are dropped.
 */
static Datum
apply_factor(Datum value, int128 num, int128 den)
{
	Datum		r = DirectFunctionCall2(numeric_mul, value, int128_numeric(num));

	if (den != 1)
		r = DirectFunctionCall2(numeric_div, r, int128_numeric(den));
	return DirectFunctionCall1(numeric_trim_scale, r);
}

PG_FUNCTION_INFO_V1(indicator_unit_convert);
Datum
indicator_unit_convert(PG_FUNCTION_ARGS)
{
	Datum		value = PG_GETARG_DATUM(0);
	int			fl,
				tl;
	const char *from = unit_arg(PG_GETARG_TEXT_PP(1), &fl);
	const char *to = unit_arg(PG_GETARG_TEXT_PP(2), &tl);
	int128		num,
				den;

	conversion_factor(from, fl, to, tl, &num, &den);
	PG_RETURN_DATUM(apply_factor(value, num, den));
}

PG_FUNCTION_INFO_V1(indicator_unit_dimension);
Datum
indicator_unit_dimension(PG_FUNCTION_ARGS)
{
	int			len;
	const char *u = unit_arg(PG_GETARG_TEXT_PP(0), &len);
	IndUnitRef	ref;
	char		buf[64];
	int			n;

	if (!ind_unit_resolve(u, len, &ref))
		PG_RETURN_NULL();
	n = ind_unit_dimension(&ref, buf);
	PG_RETURN_TEXT_P(ind_text_from_utf8(buf, n));
}

PG_FUNCTION_INFO_V1(indicator_unit_canonical);
Datum
indicator_unit_canonical(PG_FUNCTION_ARGS)
{
	int			len;
	const char *u = unit_arg(PG_GETARG_TEXT_PP(0), &len);
	char		buf[IND_MAX_UNIT_BYTES + 1];
	bool		known;
	int			n;

	if (len == 0)
		PG_RETURN_NULL();
	if (len > IND_MAX_UNIT_BYTES)
		PG_RETURN_TEXT_P(ind_text_from_utf8(u, len));
	n = ind_unit_canonical(u, len, buf, &known);
	PG_RETURN_TEXT_P(ind_text_from_utf8(buf, n));
}

/* numeric -> IndDecimal, which must hold it exactly. */
static IndDecimal
numeric_to_decimal(Datum n, const char *what)
{
	char	   *s = DatumGetCString(DirectFunctionCall1(numeric_out, n));
	IndDecimal	d;
	int			used;

	if (ind_decimal_parse(s, (int) strlen(s), false, &used, &d) != IND_DEC_OK ||
		used != (int) strlen(s))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("converted %s %s does not fit in an indicator", what, ind_quote(s)),
				 errhint("Targets have at most 18 significant digits.")));
	return d;
}

/* One bound through the factor, insisting on an exact result. */
static IndDecimal
convert_bound(IndDecimal d, int128 num, int128 den, const char *what)
{
	char		buf[IND_DEC_BUFLEN];
	Datum		v;
	Datum		r;
	Datum		back;

	ind_decimal_format(d, buf);
	v = DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
							ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
	r = apply_factor(v, num, den);
	/* exact only if multiplying back gives the original value */
	back = DirectFunctionCall2(numeric_mul, r, int128_numeric(den));
	if (DatumGetBool(DirectFunctionCall2(numeric_ne, back,
										 DirectFunctionCall2(numeric_mul, v, int128_numeric(num)))))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s %s has no exact decimal value in the new unit", what, buf),
				 errhint("Use unit_convert() on the numeric target to get a rounded value.")));
	return numeric_to_decimal(r, what);
}

/* to_unit(i, unit): the same indicator with its target in another unit. */
PG_FUNCTION_INFO_V1(indicator_to_unit);
Datum
indicator_to_unit(PG_FUNCTION_ARGS)
{
	Indicator  *v = PG_GETARG_INDICATOR_P(0);
	int			tl;
	const char *to = unit_arg(PG_GETARG_TEXT_PP(1), &tl);
	IndSpec		spec;
	IndError	err;
	int128		num,
				den;
	bool		known;

	ind_unpack(v, &spec);
	if (spec.op == IND_OP_NONE)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("cannot convert a qualitative target"),
				 errhint("Only quantitative targets carry a unit.")));
	if (spec.unit_len == 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("cannot convert an indicator that has no unit"),
				 errhint("Give the indicator a unit, e.g. indicator(nature, comparator, target, unit).")));
	if (tl == 0 || tl > IND_MAX_UNIT_BYTES)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unit \"%s\" is not in the unit catalogue",
						ind_quote(ind_from_utf8(to, tl)))));
	conversion_factor(spec.unit, spec.unit_len, to, tl, &num, &den);
	spec.lo = convert_bound(spec.lo, num, den, "target");
	if (spec.op == IND_OP_RANGE)
		spec.hi = convert_bound(spec.hi, num, den, "upper bound");
	spec.unit_len = ind_unit_canonical(to, tl, spec.unit_buf, &known);
	spec.unit = spec.unit_buf;
	if (ind_check_spec(&spec, &err) != IND_OK)
		ereport(ERROR,
				(errcode(err.status == IND_ERR_RANGE ? ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE
						 : ERRCODE_DATA_EXCEPTION),
				 errmsg("converted indicator is out of range"),
				 errdetail_internal("%s", ind_from_utf8(err.detail, (int) strlen(err.detail)))));
	PG_RETURN_INDICATOR_P(ind_make(&spec));
}

/* to_unit()'s C name in versions 1.0 and 1.1, which catalogs made by them call. */
PG_FUNCTION_INFO_V1(indicator_convert);
Datum
indicator_convert(PG_FUNCTION_ARGS)
{
	return indicator_to_unit(fcinfo);
}

/* The catalogue: unit, dimension, factor to the base unit, aliases. */
PG_FUNCTION_INFO_V1(indicator_units);
Datum
indicator_units(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int			i;

	InitMaterializedSRF(fcinfo, 0);
	for (i = 0; i < ind_nunits; i++)
	{
		const IndUnit *u = &ind_units[i];
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};
		Datum	   *aliases = palloc(sizeof(Datum) * ind_nunit_aliases);
		int			na = 0;
		int			j;

		for (j = 0; j < ind_nunit_aliases; j++)
			if (strcmp(ind_unit_aliases[j].name, u->name) == 0)
			{
				const char *a = ind_unit_aliases[j].alias;

				aliases[na++] = PointerGetDatum(UTF8_TEXT(a));
			}
		values[0] = PointerGetDatum(UTF8_TEXT(u->name));
		values[1] = PointerGetDatum(UTF8_TEXT(u->dimension));
		values[2] = (u->den == 1) ? int128_numeric(u->num) :
			DirectFunctionCall1(numeric_trim_scale,
								DirectFunctionCall2(numeric_div, int128_numeric(u->num),
													int128_numeric(u->den)));
		values[3] = PointerGetDatum(construct_array(aliases, na, TEXTOID, -1, false, TYPALIGN_INT));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
