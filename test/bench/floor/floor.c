/*
 * floor.c
 *		The floor of the scorecard's cost: an aggregate that takes the same
 *		three arguments (indicator, numeric, numeric), detoasts them as any
 *		aggregate must, and only counts the rows.  What the scorecard costs
 *		above it is decoding, scoring and accumulating.
 *
 * Built by test/bench/bench.sh into its own throwaway directory and loaded
 * there by path; never installed.
 */
#include "postgres.h"

#include "fmgr.h"

PG_MODULE_MAGIC;

PG_FUNCTION_INFO_V1(bench_floor_step);
Datum
bench_floor_step(PG_FUNCTION_ARGS)
{
	int64		n = PG_ARGISNULL(0) ? 0 : PG_GETARG_INT64(0);
	int			i;

	for (i = 1; i <= 3; i++)
		if (!PG_ARGISNULL(i))
			(void) PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(i));
	PG_RETURN_INT64(n + 1);
}
