/*
 * agg_rowkey.c
 *		Keys of the aggregates' row cache under grouping sets.
 *
 * GROUP BY ROLLUP and GROUPING SETS feed each row to one state per
 * grouping set in a row, with the same arguments, so a transition function
 * can score or monitor the row once and count it many times.  The key is
 * the arguments' bytes, never pointers, so it cannot confuse two rows.
 */
#include "compat.h"

#include "fmgr.h"
#include "nodes/execnodes.h"
#include "nodes/plannodes.h"

#include "agg_rowkey.h"

/*
 * Only grouping sets feed a row several times in a row, so only they pay
 * for the key.  The plan says so, not AggState.maxsets, which counts only
 * sorted sets (a MixedAggregate's sorted phase may hold just the empty set).
 */
bool
ind_under_grouping_sets(FunctionCallInfo fcinfo)
{
	return fcinfo->context != NULL && IsA(fcinfo->context, AggState) &&
		((Agg *) ((AggState *) fcinfo->context)->ss.ps.plan)->groupingSets != NIL;
}

/* Append a varlena's bytes; false if it does not fit. */
bool
ind_rowkey_add_varlena(IndRowKey *key, Datum d)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(d);
	int			n;

	if (VARATT_IS_EXTENDED(v) && !VARATT_IS_SHORT(v))
		return false;			/* compressed or external: not worth it */
	n = VARSIZE_ANY_EXHDR(v);
	if (key->len + n + 1 > IND_ROWKEY_MAX)
		return false;
	key->bytes[key->len++] = (char) n;
	memcpy(key->bytes + key->len, VARDATA_ANY(v), n);
	key->len += n;
	return true;
}

bool
ind_rowkey_add_int32(IndRowKey *key, int32 v)
{
	if (key->len + 1 + (int) sizeof(int32) > IND_ROWKEY_MAX)
		return false;
	key->bytes[key->len++] = (char) sizeof(int32);
	memcpy(key->bytes + key->len, &v, sizeof(int32));
	key->len += sizeof(int32);
	return true;
}

/*
 * Argument n (a varlena, or a 4-byte value): absent and NULL write a mark
 * no length can be (a key is per call site, so the number of arguments
 * never differs between the rows compared).
 */
bool
ind_rowkey_add_arg(IndRowKey *key, FunctionCallInfo fcinfo, int n, bool by_value)
{
	if (PG_NARGS() <= n || PG_ARGISNULL(n))
	{
		if (key->len + 1 > IND_ROWKEY_MAX)
			return false;
		key->bytes[key->len++] = (char) 0xFF;
		return true;
	}
	return by_value ? ind_rowkey_add_int32(key, PG_GETARG_INT32(n))
		: ind_rowkey_add_varlena(key, PG_GETARG_DATUM(n));
}
