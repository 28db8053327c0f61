/*
 * indicator_ops.c
 *		Comparison and hashing: the support of the default btree and hash
 *		operator classes, and min/max by the same order.
 *
 * Thin fmgr wrappers: each unpacks its arguments and hands the specs to
 * the pure code in indicator_cmp.c, where the order and the hash are
 * defined (and fuzzed).
 */
#include "compat.h"

#include "fmgr.h"

#include "indicator.h"
#include "indicator_cmp.h"

/*
 * The three-way comparison of arguments 0 and 1, shared by the comparison
 * function and the operators so that they can never disagree.
 */
static int
indicator_cmp_args(FunctionCallInfo fcinfo)
{
	Indicator  *a = PG_GETARG_INDICATOR_P(0);
	Indicator  *b = PG_GETARG_INDICATOR_P(1);
	IndSpec		sa,
				sb;
	int			r;

	ind_unpack(a, &sa);
	ind_unpack(b, &sb);
	r = ind_spec_cmp(&sa, &sb);
	PG_FREE_IF_COPY(a, 0);
	PG_FREE_IF_COPY(b, 1);
	return r;
}

PG_FUNCTION_INFO_V1(indicator_cmp);
Datum
indicator_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(indicator_cmp_args(fcinfo));
}

PG_FUNCTION_INFO_V1(indicator_eq);
Datum
indicator_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(indicator_cmp_args(fcinfo) == 0);
}

PG_FUNCTION_INFO_V1(indicator_ne);
Datum
indicator_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(indicator_cmp_args(fcinfo) != 0);
}

PG_FUNCTION_INFO_V1(indicator_lt);
Datum
indicator_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(indicator_cmp_args(fcinfo) < 0);
}

PG_FUNCTION_INFO_V1(indicator_le);
Datum
indicator_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(indicator_cmp_args(fcinfo) <= 0);
}

PG_FUNCTION_INFO_V1(indicator_gt);
Datum
indicator_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(indicator_cmp_args(fcinfo) > 0);
}

PG_FUNCTION_INFO_V1(indicator_ge);
Datum
indicator_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(indicator_cmp_args(fcinfo) >= 0);
}

/*
 * min() and max() by the btree order, so that BI tools can aggregate an
 * indicator column.  The original argument is returned, never a copy that
 * indicator_cmp_args() freed.
 */
PG_FUNCTION_INFO_V1(indicator_smaller);
Datum
indicator_smaller(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(indicator_cmp_args(fcinfo) <= 0 ? PG_GETARG_DATUM(0) : PG_GETARG_DATUM(1));
}

PG_FUNCTION_INFO_V1(indicator_larger);
Datum
indicator_larger(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(indicator_cmp_args(fcinfo) >= 0 ? PG_GETARG_DATUM(0) : PG_GETARG_DATUM(1));
}

/*
 * The 32-bit hash is the low half of the seed-0 extended hash, as the hash
 * opclass expects the two support functions to agree.
 */
PG_FUNCTION_INFO_V1(indicator_hash);
Datum
indicator_hash(PG_FUNCTION_ARGS)
{
	Indicator  *v = PG_GETARG_INDICATOR_P(0);
	IndSpec		s;
	uint32		h;

	ind_unpack(v, &s);
	h = (uint32) ind_spec_hash(&s, 0);
	PG_FREE_IF_COPY(v, 0);
	PG_RETURN_UINT32(h);
}

PG_FUNCTION_INFO_V1(indicator_hash_extended);
Datum
indicator_hash_extended(PG_FUNCTION_ARGS)
{
	Indicator  *v = PG_GETARG_INDICATOR_P(0);
	uint64		seed = PG_GETARG_INT64(1);
	IndSpec		s;
	uint64		h;

	ind_unpack(v, &s);
	h = ind_spec_hash(&s, seed);
	PG_FREE_IF_COPY(v, 0);
	PG_RETURN_UINT64(h);
}
