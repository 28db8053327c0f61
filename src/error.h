/*
 * error.h
 *		How the pure core reports a failure: a status, which the fmgr layer
 *		maps to an SQLSTATE, and a detail text for errdetail.
 *
 * The core never throws (it runs in fuzzers and in soft-error contexts
 * alike); every reader returns an IndStatus and fills an IndError.
 */
#ifndef INDICATOR_ERROR_H
#define INDICATOR_ERROR_H

#include "postgres.h"

typedef enum IndStatus
{
	IND_OK = 0,
	IND_ERR_SYNTAX,				/* 22P02 */
	IND_ERR_RANGE,				/* 22003 */
	IND_ERR_TOO_LONG,			/* 54000 */
	IND_ERR_ARG,				/* 22023: a valid value that cannot be used so */
	IND_ERR_DATA,				/* 22000: values that do not fit together */
	IND_ERR_BINARY				/* 22P03: bad bytes in binary input */
} IndStatus;

#define IND_ERR_DETAIL_LEN 256

typedef struct IndError
{
	IndStatus	status;
	char		detail[IND_ERR_DETAIL_LEN];
} IndError;

/* A failure with a detail written by a printf format (checked by the compiler). */
extern IndStatus ind_failf(IndError *err, IndStatus status, const char *fmt,...) pg_attribute_printf(3, 4);

/*
 * A failure about a piece of the input: fmt has one %s, which receives the
 * piece clipped to a readable length, up to its first blank
 * (ind_fail_token) or blanks and all (ind_fail_cell, for a table cell).
 */
extern IndStatus ind_fail_token(IndError *err, IndStatus status, const char *fmt,
								const char *tok, int toklen);
extern IndStatus ind_fail_cell(IndError *err, IndStatus status, const char *fmt,
							   const char *cell, int len);

#endif							/* INDICATOR_ERROR_H */
