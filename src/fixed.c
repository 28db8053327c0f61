/*
 * fixed.c
 *		The text form of fixed-point int128 sums: written with all their
 *		decimals, read back to the same bits.
 *
 * Pure code, shared by the states of the scorecard and monitor aggregates.
 */
#include "postgres.h"

#include "fixed.h"
#include "scan.h"

/* v units of 10^-scale as plain decimal text with scale decimals; buf holds 64 bytes. */
int
ind_fixed_format(int128 v, int scale, char *buf)
{
	char		tmp[64];
	int			n = 0;
	int			len = 0;
	uint128		u = (v < 0) ? (uint128) (-(v + 1)) + 1 : (uint128) v;

	do
	{
		tmp[n++] = (char) ('0' + (int) (u % 10));
		u /= 10;
	} while (u > 0 || n <= scale);
	if (v < 0)
		buf[len++] = '-';
	while (n > 0)
	{
		buf[len++] = tmp[--n];
		if (n == scale && scale > 0)
			buf[len++] = '.';
	}
	buf[len] = '\0';
	return len;
}

/* Read "name=" at s[*pos], after blanks. */
bool
ind_expect_key(const char *s, int len, int *pos, const char *name)
{
	int			n = (int) strlen(name);

	*pos = ind_skip_spaces(s, len, *pos);
	if (len - *pos < n + 1 || memcmp(s + *pos, name, n) != 0 || s[*pos + n] != '=')
		return false;
	*pos += n + 1;
	return true;
}

/*
 * An optionally signed integer with up to decimals_allowed decimals, as a
 * count of units of 10^-decimals_allowed; the overflow checks, not a digit
 * count, bound it, so that every sum the writer prints reads back.
 */
bool
ind_fixed_read(const char *s, int len, int *pos, int decimals_allowed, int128 *out)
{
	bool		neg = false;
	int128		v = 0;
	int			digits = 0;
	int			frac = -1;

	if (*pos < len && (s[*pos] == '-' || s[*pos] == '+'))
		neg = (s[(*pos)++] == '-');
	while (*pos < len && ((s[*pos] >= '0' && s[*pos] <= '9') || s[*pos] == '.'))
	{
		if (s[*pos] == '.')
		{
			if (frac >= 0 || decimals_allowed == 0)
				return false;
			frac = 0;
			(*pos)++;
			continue;
		}
		digits++;
		if ((frac >= 0 && ++frac > decimals_allowed) ||
			__builtin_mul_overflow(v, 10, &v) ||
			__builtin_add_overflow(v, s[(*pos)++] - '0', &v))
			return false;
	}
	if (digits == 0)
		return false;
	for (frac = Max(frac, 0); frac < decimals_allowed; frac++)
		if (__builtin_mul_overflow(v, 10, &v))
			return false;
	*out = neg ? -v : v;
	return true;
}
