/*
 * decimal.c
 *		Parsing, printing and comparing exact decimal targets.
 *
 * Pure code: no fmgr, no memory allocation, no ereport.  The parser reads
 * numbers as goal tables print them: ASCII or full-width digits, an optional
 * sign (ASCII, full-width or the Unicode minus), thousands separators in
 * groups of three ("5,000", "5，000") and a decimal point (ASCII or full-width).
 */
#include "postgres.h"

#include "decimal.h"

/* 10^0 .. 10^18: every power an 18-digit decimal needs. */
const int64 ind_pow10[IND_DEC_MAX_DIGITS + 1] = {
	INT64CONST(1), INT64CONST(10), INT64CONST(100), INT64CONST(1000),
	INT64CONST(10000), INT64CONST(100000), INT64CONST(1000000),
	INT64CONST(10000000), INT64CONST(100000000), INT64CONST(1000000000),
	INT64CONST(10000000000), INT64CONST(100000000000),
	INT64CONST(1000000000000), INT64CONST(10000000000000),
	INT64CONST(100000000000000), INT64CONST(1000000000000000),
	INT64CONST(10000000000000000), INT64CONST(100000000000000000),
	INT64CONST(1000000000000000000)
};

/*
 * Return the value 0-9 of the digit at s (ASCII or full-width U+FF10..FF19)
 * and its byte length in *n, or -1 when s does not start with a digit.
 */
static int
digit_at(const unsigned char *s, int len, int *n)
{
	if (len >= 1 && s[0] >= '0' && s[0] <= '9')
	{
		*n = 1;
		return s[0] - '0';
	}
	/* U+FF10..U+FF19 is EF BC 90..99 */
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBC && s[2] >= 0x90 && s[2] <= 0x99)
	{
		*n = 3;
		return s[2] - 0x90;
	}
	return -1;
}

/* Byte length of a decimal point at s (ASCII '.' or full-width U+FF0E), or 0. */
static int
point_at(const unsigned char *s, int len)
{
	if (len >= 1 && s[0] == '.')
		return 1;
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBC && s[2] == 0x8E)
		return 3;
	return 0;
}

/* Byte length of a thousands separator at s (',' or full-width U+FF0C), or 0. */
static int
comma_at(const unsigned char *s, int len)
{
	if (len >= 1 && s[0] == ',')
		return 1;
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBC && s[2] == 0x8C)
		return 3;
	return 0;
}

/* Byte length of a sign at s, setting *negative; 0 when there is none. */
static int
sign_at(const unsigned char *s, int len, bool *negative)
{
	*negative = false;
	if (len >= 1 && (s[0] == '+' || s[0] == '-'))
	{
		*negative = (s[0] == '-');
		return 1;
	}
	/* full-width plus U+FF0B, full-width minus U+FF0D */
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBC && (s[2] == 0x8B || s[2] == 0x8D))
	{
		*negative = (s[2] == 0x8D);
		return 3;
	}
	/* Unicode minus sign U+2212 */
	if (len >= 3 && s[0] == 0xE2 && s[1] == 0x88 && s[2] == 0x92)
	{
		*negative = true;
		return 3;
	}
	return 0;
}

/*
 * Does the text after a number start an exponent ("e5", "E+03")?  Tables
 * never use one, but numbers pasted from a spreadsheet can: rather than read
 * "1e5" as 1 with the unit "e5", the readers refuse it.
 */
bool
ind_decimal_exponent_follows(const char *s, int len)
{
	int			i = 1;

	if (len < 2 || (s[0] != 'e' && s[0] != 'E'))
		return false;
	if (s[1] == '+' || s[1] == '-')
		i++;
	return i < len && s[i] >= '0' && s[i] <= '9';
}

/*
 * Parse the number at the start of s.  On success *consumed is the number
 * of bytes read and *result the normalised value.  On failure *consumed
 * still covers the bytes that looked numeric, for the error message.
 */
IndDecStatus
ind_decimal_parse(const char *str, int len, bool allow_grouping,
				  int *consumed, IndDecimal *result)
{
	const unsigned char *s = (const unsigned char *) str;
	int			pos;
	bool		negative;
	int			n;
	int			d;
	int			ndigits = 0;	/* significant digits kept in mant */
	int			nint = 0;		/* digits before the point */
	bool		anydigit = false;
	int			group = -1;		/* digits since the last separator */
	int			scale = 0;
	bool		overflow = false;
	int64		mant = 0;
	IndDecStatus status = IND_DEC_OK;

	pos = sign_at(s, len, &negative);

	/* integer part, with optional thousands separators */
	for (;;)
	{
		d = digit_at(s + pos, len - pos, &n);
		if (d >= 0)
		{
			pos += n;
			nint++;
			anydigit = true;
			if (group >= 0)
				group++;
			if (group > 3)
				status = IND_DEC_BAD_GROUPING;
			if (mant == 0 && d == 0)
				continue;		/* leading zero */
			if (ndigits < IND_DEC_MAX_DIGITS)
				mant = mant * 10 + d;
			else
				overflow = true;
			ndigits++;
			continue;
		}
		if (allow_grouping && nint > 0 && (n = comma_at(s + pos, len - pos)) > 0 &&
			digit_at(s + pos + n, len - pos - n, &d) >= 0)
		{
			/* the first group may have 1-3 digits, later ones exactly 3 */
			if ((group < 0 && nint > 3) || (group >= 0 && group != 3))
				status = IND_DEC_BAD_GROUPING;
			group = 0;
			pos += n;
			continue;
		}
		break;
	}
	if (group >= 0 && group != 3)
		status = IND_DEC_BAD_GROUPING;

	/* fraction */
	n = point_at(s + pos, len - pos);
	if (n > 0)
	{
		int			p = pos + n;
		int			nfrac = 0;
		int			m;

		while ((d = digit_at(s + p, len - p, &m)) >= 0)
		{
			p += m;
			nfrac++;
			anydigit = true;
			if (ndigits < IND_DEC_MAX_DIGITS && scale < IND_DEC_MAX_SCALE)
			{
				mant = mant * 10 + d;
				scale++;
				if (mant != 0)
					ndigits++;
			}
			else if (d != 0)
				overflow = true;
			else
			{
				/* a zero we cannot hold only matters if a non-zero follows */
				int			q = p;
				int			k;
				int			e;

				while ((e = digit_at(s + q, len - q, &k)) == 0)
					q += k;
				if (e > 0)
					overflow = true;
			}
		}
		/* "5." is 5; a lone point with no digits around it is not a number */
		if (nfrac > 0 || nint > 0)
			pos = p;
	}

	if (!anydigit)
	{
		*consumed = 0;
		return IND_DEC_NOT_A_NUMBER;
	}
	*consumed = pos;
	if (overflow)
		return IND_DEC_OUT_OF_RANGE;
	if (status != IND_DEC_OK)
		return status;

	result->mant = negative ? -mant : mant;
	result->scale = scale;
	*result = ind_decimal_normalize(*result);
	return IND_DEC_OK;
}

/* Drop trailing fractional zeros; zero has scale 0. */
IndDecimal
ind_decimal_normalize(IndDecimal d)
{
	while (d.scale > 0 && d.mant % 10 == 0)
	{
		d.mant /= 10;
		d.scale--;
	}
	if (d.mant == 0)
		d.scale = 0;
	return d;
}

/* True when d is within the limits and normalised. */
bool
ind_decimal_valid(IndDecimal d)
{
	if (d.scale < 0 || d.scale > IND_DEC_MAX_SCALE)
		return false;
	if (d.mant <= -ind_pow10[IND_DEC_MAX_DIGITS] ||
		d.mant >= ind_pow10[IND_DEC_MAX_DIGITS])
		return false;
	if (d.scale > 0 && d.mant % 10 == 0)
		return false;
	return true;
}

/*
 * Express d with the given (larger or equal) scale; false when the mantissa
 * would leave the 18-digit range.
 */
bool
ind_decimal_rescale(IndDecimal d, int scale, int64 *mant)
{
	int128		m;

	Assert(scale >= d.scale && scale <= IND_DEC_MAX_SCALE);
	m = (int128) d.mant * ind_pow10[scale - d.scale];
	if (m <= -(int128) ind_pow10[IND_DEC_MAX_DIGITS] ||
		m >= (int128) ind_pow10[IND_DEC_MAX_DIGITS])
		return false;
	*mant = (int64) m;
	return true;
}

/* Numeric comparison; both sides fit in 128 bits once aligned. */
int
ind_decimal_cmp(IndDecimal a, IndDecimal b)
{
	int128		x = a.mant;
	int128		y = b.mant;

	if (a.scale < b.scale)
		x *= ind_pow10[b.scale - a.scale];
	else if (b.scale < a.scale)
		y *= ind_pow10[a.scale - b.scale];
	return (x < y) ? -1 : (x > y) ? 1 : 0;
}

/* Write the plain decimal text of d ("5000", "0.5", "-359.8"); returns its length. */
int
ind_decimal_format(IndDecimal d, char *buf)
{
	char		digits[IND_DEC_MAX_DIGITS + 2];
	int			nd = 0;
	uint64		u;
	int			len = 0;
	int			i;

	u = (d.mant < 0) ? (uint64) (-(d.mant + 1)) + 1 : (uint64) d.mant;
	do
	{
		digits[nd++] = (char) ('0' + u % 10);
		u /= 10;
	} while (u > 0);
	/* pad so that there is at least one digit before the point */
	while (nd <= d.scale)
		digits[nd++] = '0';

	if (d.mant < 0)
		buf[len++] = '-';
	for (i = nd - 1; i >= 0; i--)
	{
		buf[len++] = digits[i];
		if (i == d.scale && i > 0)
			buf[len++] = '.';
	}
	buf[len] = '\0';
	return len;
}
