/*
 * numeric_io.c
 *		Conversions between numeric and the core's exact decimals.
 *
 * numeric -> IndDecimal keeps every digit that fits in 18 significant
 * digits; longer values (computed actuals such as 2/3) are rounded half up
 * to 18 significant digits, far below anything that can move a score
 * rounded to cents.  Results go back as numerics with a fixed scale.
 */
#include "compat.h"

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

#include "numeric_io.h"

/* d as a numeric showing at least min_scale decimals (8 -> 8.00). */
Datum
ind_decimal_to_numeric(IndDecimal d, int min_scale)
{
	int64		mant = d.mant;
	int			scale = d.scale;

	while (scale < min_scale && mant > PG_INT64_MIN / 10 && mant < PG_INT64_MAX / 10)
	{
		mant *= 10;
		scale++;
	}
#if PG_VERSION_NUM >= 140000
	return NumericGetDatum(int64_div_fast_to_numeric(mant, scale));
#else
	{
		char		buf[IND_DEC_BUFLEN];
		char		out[IND_DEC_BUFLEN + 4];
		IndDecimal	x = {mant, scale};

		ind_decimal_format(x, buf);
		snprintf(out, sizeof(out), "%s", buf);
		return DirectFunctionCall3(numeric_in, CStringGetDatum(out),
								   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
	}
#endif
}

/* r rounded half up to scale decimals, as a numeric of that scale. */
Datum
ind_ratio_to_numeric(IndRatio r, int scale)
{
	IndDecimal	d;

	if (!ind_ratio_round(r, scale, &d))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("value out of range")));
	return ind_decimal_to_numeric(d, scale);
}

/*
 * numeric -> IndDecimal.  NaN and infinities are errors, as are values with
 * more than 18 digits before the decimal point.
 */
IndDecimal
ind_numeric_to_decimal(Datum n, const char *what)
{
	Numeric		num = DatumGetNumeric(n);
	char	   *s;
	int			len;
	int			used;
	IndDecimal	d;
	IndDecStatus st;

	if (numeric_is_nan(num) || numeric_is_inf(num))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a finite number", what)));
	s = DatumGetCString(DirectFunctionCall1(numeric_out, n));
	len = (int) strlen(s);
	st = ind_decimal_parse(s, len, false, &used, &d);
	if (st == IND_DEC_OUT_OF_RANGE)
	{
		/* round to 18 significant digits and try again */
		int			intdigits = 0;
		int			i;

		for (i = (s[0] == '-'); i < len && s[i] != '.'; i++)
			intdigits++;
		if (intdigits == 1 && s[s[0] == '-'] == '0')
		{
			/* 0.000123...: leading zeros after the point are not significant */
			int			zeros = 0;

			for (i = (s[0] == '-') + 2; i < len && s[i] == '0'; i++)
				zeros++;
			intdigits = -zeros;
		}
		if (intdigits <= IND_DEC_MAX_DIGITS)
		{
			int			keep = Min(IND_DEC_MAX_DIGITS - intdigits, IND_DEC_MAX_SCALE);
			Datum		r = DirectFunctionCall2(numeric_round, n, Int32GetDatum(keep));

			s = DatumGetCString(DirectFunctionCall1(numeric_out, r));
			len = (int) strlen(s);
			st = ind_decimal_parse(s, len, false, &used, &d);
		}
	}
	if (st != IND_DEC_OK || used != len)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s %s is out of range", what, s),
				 errhint("Values have at most 18 digits before the decimal point.")));
	return d;
}
