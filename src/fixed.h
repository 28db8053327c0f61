/*
 * fixed.h
 *		Fixed-point int128 sums as aggregate states keep them: two halves in
 *		a struct that needs only 8-byte alignment, and a lossless text form.
 */
#ifndef INDICATOR_FIXED_H
#define INDICATOR_FIXED_H

#include "postgres.h"

#include "decimal.h"

static inline int128
ind_int128_join(int64 hi, uint64 lo)
{
	return (int128) (((uint128) (uint64) hi << 64) | lo);
}

static inline void
ind_int128_split(int128 v, int64 *hi, uint64 *lo)
{
	*hi = (int64) (v >> 64);
	*lo = (uint64) v;
}

/* d as a count of units of 10^-scale; false when d has more decimals. */
static inline bool
ind_fixed_of(IndDecimal d, int scale, int128 *out)
{
	if (d.scale > scale)
		return false;
	*out = (int128) d.mant * ind_pow10[scale - d.scale];
	return true;
}

extern int	ind_fixed_format(int128 v, int scale, char *buf);
extern bool ind_fixed_read(const char *s, int len, int *pos, int decimals_allowed, int128 *out);
extern bool ind_expect_key(const char *s, int len, int *pos, const char *name);

#endif							/* INDICATOR_FIXED_H */
