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
 * Read a numeric's stored form directly: sign, display scale, weight and
 * base-10000 digits (the on-disk format of numeric, fixed since 9.1).
 * Returns false for NaN, infinities and values that do not fit 18
 * significant digits, which take the slow path below.  This keeps the
 * per-row cost of scoring a column of actuals to a few dozen instructions,
 * without copying short-header values.
 */
static bool
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
	int			scale;
	int128		acc = 0;
	int			i;

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
	if (dscale > IND_DEC_MAX_SCALE || ndigits > 9)
		return false;
	for (i = 0; i < ndigits; i++)
	{
		int16		digit;

		memcpy(&digit, p + hdrsize + 2 * i, 2);
		acc = acc * 10000 + digit;
	}
	/* acc now counts units of 10000^(weight - ndigits + 1) */
	scale = 4 * (ndigits - 1 - weight);
	if (ndigits == 0)
		scale = 0;
	while (scale < 0)
	{
		if (acc > (int128) PG_INT64_MAX)
			return false;
		acc *= 10;
		scale++;
	}
	while (scale > dscale)
	{
		/* digits below the display scale are zero in a stored numeric */
		acc /= 10;
		scale--;
	}
	while (scale < dscale)
	{
		if (acc > (int128) PG_INT64_MAX)
			return false;
		acc *= 10;
		scale++;
	}
	if (acc >= (int128) INT64CONST(1000000000000000000) * 10)
	{
		/* trailing zeros may still bring it within 18 digits */
		while (scale > 0 && acc % 10 == 0)
		{
			acc /= 10;
			scale--;
		}
	}
	if (acc > (int128) PG_INT64_MAX)
		return false;
	d->mant = negative ? -(int64) acc : (int64) acc;
	d->scale = scale;
	*d = ind_decimal_normalize(*d);
	return ind_decimal_valid(*d);
}

/*
 * numeric -> IndDecimal.  NaN and infinities are errors, as are values with
 * more than 18 digits before the decimal point.
 */
IndDecimal
ind_numeric_to_decimal(Datum n, const char *what)
{
	struct varlena *packed = PG_DETOAST_DATUM_PACKED(n);
	Numeric		num;
	char	   *s;
	int			len;
	int			used;
	IndDecimal	d;
	IndDecStatus st;

	if (decode_numeric(packed, &d))
		return d;
	num = DatumGetNumeric(n);
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
