/*
 * compat.h
 *		What differs between the PostgreSQL versions the extension supports,
 *		15 to 18: every file that uses such a macro includes this header.
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

#if PG_VERSION_NUM < 150000
#error "indicator supports PostgreSQL 15 and later"
#endif

#ifndef HAVE_INT128
#error "indicator needs a compiler with a 128-bit integer type"
#endif

#endif							/* INDICATOR_COMPAT_H */
