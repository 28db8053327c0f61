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

#include "encoding.h"
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
	int128		q;
	char		buf[64];
	char	   *p = buf + sizeof(buf) - 1;
	uint128		u;
	int			digits = 0;

	if (ind_ratio_round(r, scale, &d))
		return ind_decimal_to_numeric(d, scale);

	/* beyond 18 digits: write the 128-bit quotient out as text */
	if (!ind_ratio_round128(r, scale, &q))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("value out of range")));
	u = (q < 0) ? (uint128) (-(q + 1)) + 1 : (uint128) q;
	*p = '\0';
	do
	{
		*--p = (char) ('0' + (int) (u % 10));
		u /= 10;
		if (++digits == scale && scale > 0)
			*--p = '.';
	} while (u > 0 || digits < scale);
	if (scale > 0 && *p == '.')
		*--p = '0';
	if (q < 0)
		*--p = '-';
	return DirectFunctionCall3(numeric_in, CStringGetDatum(p),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

/*
 * Read a numeric's stored form directly: sign, display scale, weight and
 * base-10000 digits (the on-disk format of numeric, fixed since 9.1).
 * Returns false for NaN, infinities and values that do not fit 18
 * significant digits, which take the slow path below.  This keeps the
 * per-row cost of scoring a column of actuals to a few dozen instructions,
 * without copying short-header values.
 */
static pg_attribute_always_inline bool
decode_numeric(const struct varlena *v, IndDecimal *d)
{
	const unsigned char *p = (const unsigned char *) VARDATA_ANY(v);
	int			len = VARSIZE_ANY_EXHDR(v);
	uint16		header;
	int			hdrsize;
	int			weight;
	int			dscale;
	bool		negative;
	int			ndigits;

	if (len < 2)
		return false;
	memcpy(&header, p, 2);
	if ((header & 0xC000) == 0xC000)
		return false;			/* NaN or an infinity */
	if (header & 0x8000)
	{
		/* short form: sign, dscale and weight packed in the header */
		hdrsize = 2;
		negative = (header & 0x2000) != 0;
		dscale = (header & 0x1F80) >> 7;
		/* a 7-bit two's complement weight */
		weight = (header & 0x0040) ? (int) (header | ~0x003F) : (header & 0x003F);
	}
	else
	{
		int16		w;

		if (len < 4)
			return false;
		hdrsize = 4;
		negative = (header & 0x4000) != 0;
		dscale = header & 0x3FFF;
		memcpy(&w, p + 2, 2);
		weight = w;
	}
	ndigits = (len - hdrsize) / 2;
	if (dscale > IND_DEC_MAX_SCALE || ndigits > 4)
		return false;			/* more than 16 digits: the slow path */
	{
		uint64		acc = 0;
		int			scale;
		int			i;

		for (i = 0; i < ndigits; i++)
		{
			int16		digit;

			memcpy(&digit, p + hdrsize + 2 * i, 2);
			acc = acc * 10000 + (uint64) digit;
		}
		/* acc counts units of 10000^(weight - ndigits + 1) */
		scale = (ndigits == 0) ? 0 : 4 * (ndigits - 1 - weight);
		if (scale < 0)
		{
			/* an integer with trailing zero groups: 12000000 */
			if (-scale > 18 || acc > UINT64CONST(999999999999999999) / (uint64) ind_pow10[-scale])
				return false;
			acc *= (uint64) ind_pow10[-scale];
			scale = 0;
		}
		else if (scale > dscale)
		{
			/*
			 * Digits below the display scale are zero in a stored numeric.
			 * Constant divisors let the compiler multiply instead of divide.
			 */
			switch (scale - dscale)
			{
				case 1:
					acc /= 10;
					break;
				case 2:
					acc /= 100;
					break;
				case 3:
					acc /= 1000;
					break;
				default:
					acc /= (uint64) ind_pow10[scale - dscale];
					break;
			}
			scale = dscale;
		}
		if (scale > IND_DEC_MAX_SCALE || acc > UINT64CONST(999999999999999999))
			return false;
		d->mant = negative ? -(int64) acc : (int64) acc;
		d->scale = scale;
		*d = ind_decimal_normalize(*d);
		return true;
	}
}

static void
negative_error(const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s must not be negative", what)));
}

/*
 * The slow paths' start: the value as text, NaN and infinities refused.
 * (The fast path, decode_numeric(), is inlined into each caller: it runs
 * for every row of an aggregate.)
 */
static char *
finite_numeric_text(Datum n, const char *what)
{
	Numeric		num = DatumGetNumeric(n);

	if (numeric_is_nan(num) || numeric_is_inf(num))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a finite number", what)));
	return DatumGetCString(DirectFunctionCall1(numeric_out, n));
}

/*
 * numeric -> IndDecimal.  NaN and infinities are errors, as are values with
 * more than 18 digits before the decimal point.  Longer values are rounded
 * to 18 significant digits: this is for actual values, which may be
 * computed (2/3); weights and money go through ind_numeric_to_exact().
 */
IndDecimal
ind_numeric_to_decimal(Datum n, const char *what)
{
	char	   *s;
	int			len;
	int			used;
	IndDecimal	d;
	IndDecStatus st;

	if (decode_numeric(PG_DETOAST_DATUM_PACKED(n), &d))
		return d;
	s = finite_numeric_text(n, what);
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

			char	   *rounded = DatumGetCString(DirectFunctionCall1(numeric_out, r));

			/* the message quotes the input, not its rounding */
			len = (int) strlen(rounded);
			st = ind_decimal_parse(rounded, len, false, &used, &d);
		}
	}
	if (st != IND_DEC_OK || used != len)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s %s is out of range", what, ind_quote(s)),
				 errhint("Values have at most 18 digits before the decimal point.")));
	return d;
}

/*
 * numeric -> IndDecimal, exactly or not at all: weights, spending and
 * budgets.  Rounding a weight could give points above the weight the table
 * gave, and rounding -1e-20 would pass a negative weight as 0.  With
 * nonnegative, any value below zero is refused, however small.
 */
IndDecimal
ind_numeric_to_exact(Datum n, const char *what, bool nonnegative)
{
	char	   *s;
	int			len;
	int			used;
	IndDecimal	d;

	if (decode_numeric(PG_DETOAST_DATUM_PACKED(n), &d))
	{
		if (nonnegative && d.mant < 0)
			negative_error(what);
		return d;
	}
	s = finite_numeric_text(n, what);
	if (nonnegative && s[0] == '-')
		negative_error(what);
	len = (int) strlen(s);
	/* trailing zeros of the display scale are not digits to keep */
	if (strchr(s, '.') != NULL)
		while (s[len - 1] == '0')
			len--;
	if (ind_decimal_parse(s, len, false, &used, &d) != IND_DEC_OK || used != len)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s %s cannot be kept exactly", what, ind_quote(s)),
				 errdetail("It has more than %d significant digits or more than %d decimals.",
						   IND_DEC_MAX_DIGITS, IND_DEC_MAX_SCALE),
				 errhint("Round it first, for example with round(x, 6).")));
	return d;
}

/*
 * v units of 10^-scale (an aggregate's fixed-point sum) as numeric, with
 * min_scale decimals or as many as it needs.
 */
Datum
ind_fixed_to_numeric(int128 v, int scale, int min_scale)
{
	while (scale > min_scale && v % 10 == 0)
	{
		v /= 10;
		scale--;
	}
	if (v > (int128) PG_INT64_MAX || v < (int128) PG_INT64_MIN)
	{
		IndRatio	r = {v, 1};
		int			k;

		for (k = 0; k < scale; k++)
			r.den *= 10;
		return ind_ratio_to_numeric(r, scale);
	}
	{
		IndDecimal	d = {(int64) v, scale};

		return ind_decimal_to_numeric(d, scale);
	}
}
