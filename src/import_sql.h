/*
 * import_sql.h
 *		What the importers' SQL functions share (goal_table_sql.c,
 *		selfeval_sql.c): the materialized result, the text or workbook
 *		argument, cells as text and numeric.
 */
#ifndef INDICATOR_IMPORT_SQL_H
#define INDICATOR_IMPORT_SQL_H

#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"

#include "goal_table.h"

/*
 * One import's result.  Each result row is built in tmp, which is reset
 * once the row is in the tuplestore: the tuplestore copies it, and spills
 * to disk beyond work_mem, so a read of any size keeps to work_mem plus
 * the current project or sheet.
 */
typedef struct ImportEmit
{
	ReturnSetInfo *rsinfo;
	MemoryContext tmp;
	int			natts;			/* the result's columns: the 1.0 functions have fewer */
	char	   *textbuf;		/* scratch for indicators, allocated on first use */
	const void *extra;			/* what the caller's callbacks need besides */
} ImportEmit;

/* The raw input, read from the call's arguments. */
typedef struct ImportInput
{
	bool		isnull;			/* no input: an empty result */
	bool		workbook;
	const char *text;			/* UTF-8 text */
	int			len;
	const unsigned char *bytes; /* a workbook */
	int64		nbytes;
	GtFormat	format;
} ImportInput;

extern void goal_table_import(FunctionCallInfo fcinfo, GtSink *sink, bool workbook, const void *extra);
extern void import_begin(FunctionCallInfo fcinfo, bool workbook, ImportInput *in, ImportEmit *e);
extern void import_end(ImportEmit *e, const GtResult *result, const char *what);
extern void import_tick(void *arg);
extern void import_put_row(ImportEmit *e, Datum *values, bool *nulls);
extern Datum import_slice_text(GtSlice s, bool *isnull);
extern Datum import_slice_numeric(GtSlice s, bool yuan, bool *isnull);
extern Datum import_weight_numeric(GtSlice s, bool *isnull);
extern Datum import_problem_row(ImportEmit *e, const GtProblem *p);
extern void import_note_add(StringInfo b, const char *fmt,...) pg_attribute_printf(2, 3);
extern void import_note_inferred(StringInfo b, const IndSpec *spec, int inferred,
								 const IndLevel *level2);

#endif							/* INDICATOR_IMPORT_SQL_H */
