/*
 * compat.h
 *		Shims that let one source tree build against PostgreSQL 13 to 17.
 *
 * Soft input errors (errsave/ereturn, ErrorSaveContext) arrived in 16.  On
 * older servers there is nobody to hand a soft error to, so the shims raise
 * an ordinary ERROR: the caller sees the same SQLSTATE and message either way.
 */
#ifndef INDICATOR_COMPAT_H
#define INDICATOR_COMPAT_H

#include "postgres.h"

#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#include "nodes/miscnodes.h"
#else
#define errsave(context, ...) \
	do { \
		(void) (context); \
		ereport(ERROR, __VA_ARGS__); \
	} while (0)
#define ereturn(context, dummy, ...) \
	do { \
		(void) (context); \
		ereport(ERROR, __VA_ARGS__); \
		return dummy; \
	} while (0)
#define SOFT_ERROR_OCCURRED(escontext) false
#endif

/*
 * InitMaterializedSRF() arrived in 15; before, set-returning functions built
 * their tuplestore by hand, as this does.
 */
#if PG_VERSION_NUM < 150000
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/tuplestore.h"

static inline void
InitMaterializedSRF(FunctionCallInfo fcinfo, bits32 flags)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MemoryContext old;
	TupleDesc	tupdesc;

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) ||
		!(rsinfo->allowedModes & SFRM_Materialize))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("set-valued function called in context that cannot accept a set")));
	old = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = tuplestore_begin_heap(true, false, work_mem);
	rsinfo->setDesc = CreateTupleDescCopy(tupdesc);
	MemoryContextSwitchTo(old);
}
#endif

#ifndef HAVE_INT128
#error "indicator needs a compiler with a 128-bit integer type"
#endif

#endif							/* INDICATOR_COMPAT_H */
