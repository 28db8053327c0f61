/*
 * agg_rowkey.h
 *		The row cache of the aggregates' transition functions under grouping
 *		sets: a row's arguments as bytes, to recognise the same row fed again.
 */
#ifndef INDICATOR_AGG_ROWKEY_H
#define INDICATOR_AGG_ROWKEY_H

#include "compat.h"

#include "fmgr.h"

#define IND_ROWKEY_MAX 96

typedef struct IndRowKey
{
	int			len;			/* 0: no key (too long, or not keyed) */
	char		bytes[IND_ROWKEY_MAX];
} IndRowKey;

extern bool ind_under_grouping_sets(FunctionCallInfo fcinfo);
extern bool ind_rowkey_add_varlena(IndRowKey *key, Datum d);
extern bool ind_rowkey_add_int32(IndRowKey *key, int32 v);
extern bool ind_rowkey_add_arg(IndRowKey *key, FunctionCallInfo fcinfo, int n, bool by_value);

static inline bool
ind_rowkey_equal(const IndRowKey *a, const IndRowKey *b)
{
	return a->len > 0 && a->len == b->len && memcmp(a->bytes, b->bytes, a->len) == 0;
}

#endif							/* INDICATOR_AGG_ROWKEY_H */
