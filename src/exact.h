/*
 * exact.h
 *		Exact rational arithmetic for scoring: ratios of 128-bit integers,
 *		checked against overflow, and the one rounding step that turns
 *		"weight times ratio" into points with two decimals.
 *
 * Scores are exact: a/t is never turned into a float or a rounded decimal
 * before it meets the weight.  The final product can need up to ~190 bits,
 * which ind_muldiv_round() handles with a 256-bit intermediate.
 */
#ifndef INDICATOR_EXACT_H
#define INDICATOR_EXACT_H

#include "postgres.h"

#include "decimal.h"

typedef struct IndRatio
{
	int128		num;
	int128		den;			/* always > 0 */
} IndRatio;

extern IndRatio ind_ratio_from_decimal(IndDecimal d);
extern IndRatio ind_ratio_int(int64 v);
extern bool ind_ratio_div(IndRatio a, IndRatio b, IndRatio *r);
extern bool ind_ratio_mul(IndRatio a, IndRatio b, IndRatio *r);
extern bool ind_ratio_add(IndRatio a, IndRatio b, IndRatio *r);
extern bool ind_ratio_sub(IndRatio a, IndRatio b, IndRatio *r);
extern int	ind_ratio_cmp(IndRatio a, IndRatio b);
extern int	ind_ratio_sign(IndRatio a);
extern bool ind_ratio_round(IndRatio r, int scale, IndDecimal *d);
extern bool ind_ratio_round128(IndRatio r, int scale, int128 *out);
extern bool ind_muldiv_round(IndDecimal w, IndRatio r, int scale, IndDecimal *d);
extern bool ind_muldiv_points(IndDecimal w, IndRatio r, int scale, bool truncate, IndDecimal *d);

#endif							/* INDICATOR_EXACT_H */
