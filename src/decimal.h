/*
 * decimal.h
 *		Exact fixed-point decimals for indicator targets.
 *
 * A target such as 359.8 is kept as mantissa 3598 and scale 1, never as a
 * binary float, so what a table says is what the database stores.  Values
 * are always normalised (no trailing fractional zeros), which makes equal
 * numbers bitwise equal and keeps the on-disk form canonical.
 */
#ifndef INDICATOR_DECIMAL_H
#define INDICATOR_DECIMAL_H

#include "postgres.h"

/* 18 significant digits: every real table needs far fewer. */
#define IND_DEC_MAX_DIGITS	18
#define IND_DEC_MAX_SCALE	18
/* Longest text ind_decimal_format() writes, with its terminator. */
#define IND_DEC_BUFLEN		(IND_DEC_MAX_DIGITS + IND_DEC_MAX_SCALE + 4)

typedef struct IndDecimal
{
	int64		mant;			/* |mant| < 10^18 */
	int			scale;			/* 0 .. IND_DEC_MAX_SCALE */
} IndDecimal;

typedef enum IndDecStatus
{
	IND_DEC_OK = 0,
	IND_DEC_NOT_A_NUMBER,		/* no digit where a number was expected */
	IND_DEC_BAD_GROUPING,		/* a thousands separator in the wrong place */
	IND_DEC_OUT_OF_RANGE		/* more digits than IND_DEC_MAX_DIGITS */
} IndDecStatus;

extern const int64 ind_pow10[IND_DEC_MAX_DIGITS + 1];

extern IndDecStatus ind_decimal_parse(const char *s, int len, bool allow_grouping,
									  int *consumed, IndDecimal *result);
extern bool ind_decimal_exponent_follows(const char *s, int len);
extern int	ind_decimal_format(IndDecimal d, char *buf);
extern int	ind_decimal_cmp(IndDecimal a, IndDecimal b);
extern IndDecimal ind_decimal_normalize(IndDecimal d);
extern bool ind_decimal_valid(IndDecimal d);
extern bool ind_decimal_rescale(IndDecimal d, int scale, int64 *mant);

#endif							/* INDICATOR_DECIMAL_H */
