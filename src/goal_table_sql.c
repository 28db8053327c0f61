/*
 * goal_table_sql.c
 *		The importer's SQL face: goal_table_projects(), goal_table_rows() and
 *		goal_table_problems(), each reading the raw text of exported tables.
 */
#include "compat.h"

#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "goal_table.h"
#include "encoding.h"
#include "indicator.h"
#include "numeric_io.h"

/*
 * What the callbacks below need.  Each result row is built in tmp, which is
 * reset once the row is in the tuplestore: the tuplestore copies it, and
 * spills to disk beyond work_mem, so a read of any size keeps to work_mem
 * plus the current project (see gt_read()).
 */
typedef struct GtEmit
{
	ReturnSetInfo *rsinfo;
	MemoryContext tmp;
	char	   *textbuf;		/* for goal_table_rows() */
} GtEmit;

static void
tick(void *arg pg_attribute_unused())
{
	CHECK_FOR_INTERRUPTS();
}

static void
put_row(GtEmit *e, Datum *values, bool *nulls)
{
	tuplestore_putvalues(e->rsinfo->setResult, e->rsinfo->setDesc, values, nulls);
	MemoryContextReset(e->tmp);
}

/*
 * Read the raw text argument (server encoding -> UTF-8), handing what is
 * found to sink, whose callbacks fill the function's materialized result.
 */
static void
run_import(FunctionCallInfo fcinfo, GtSink *sink)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	int			len;
	const char *s = ind_text_to_utf8(t, &len);
	GtEmit		emit;
	GtResult	result;

	InitMaterializedSRF(fcinfo, 0);
	emit.rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	emit.tmp = AllocSetContextCreate(CurrentMemoryContext, "goal table import",
									 ALLOCSET_DEFAULT_SIZES);
	emit.textbuf = NULL;
	sink->tick = tick;
	sink->arg = &emit;

	gt_read(s, len, sink, &result);
	if (result.too_big)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("goal table project too large to import"),
				 errdetail_internal("%s", ind_from_utf8(result.too_big_detail,
														(int) strlen(result.too_big_detail)))));
	MemoryContextDelete(emit.tmp);
	if (emit.textbuf)
		pfree(emit.textbuf);
}

static Datum
slice_text(GtSlice s, bool *isnull)
{
	if (s.s == NULL)
	{
		*isnull = true;
		return (Datum) 0;
	}
	*isnull = false;
	return PointerGetDatum(ind_text_from_utf8(s.s, s.len));
}

/* An amount cell as numeric; NULL when absent or not a plain number. */
static Datum
slice_numeric(GtSlice s, bool *isnull)
{
	IndDecimal	d;
	int			used;

	if (s.s == NULL || ind_decimal_parse(s.s, s.len, true, &used, &d) != IND_DEC_OK || used != s.len)
	{
		*isnull = true;
		return (Datum) 0;
	}
	*isnull = false;
	return ind_decimal_to_numeric(d, 0);
}

static void
emit_project(void *arg, const GtProject *p,
			 const GtRow *rows pg_attribute_unused(), int nrows pg_attribute_unused())
{
	GtEmit	   *e = (GtEmit *) arg;
	MemoryContext old = MemoryContextSwitchTo(e->tmp);
	Datum		values[GT_NFIELDS + 1];
	bool		nulls[GT_NFIELDS + 1];
	GtSlice		name = p->field[GT_NAME];

	/* without a 项目名称 line, the title names the project */
	if (name.s == NULL && p->title.s != NULL)
	{
		static const char suffix[] = "项目绩效目标表";
		int			sl = (int) strlen(suffix);

		name = p->title;
		if (name.len > sl && memcmp(name.s + name.len - sl, suffix, sl) == 0)
			name.len -= sl;
	}
	values[0] = slice_text(p->field[GT_CODE], &nulls[0]);
	values[1] = slice_text(name, &nulls[1]);
	if (p->field[GT_YEAR].s != NULL)
	{
		values[2] = Int32GetDatum(atoi(pnstrdup(p->field[GT_YEAR].s, p->field[GT_YEAR].len)));
		nulls[2] = false;
	}
	else
		nulls[2] = true;
	values[3] = slice_text(p->field[GT_DEPARTMENT], &nulls[3]);
	values[4] = slice_text(p->field[GT_IMPLEMENTER], &nulls[4]);
	values[5] = slice_numeric(p->field[GT_TOTAL], &nulls[5]);
	values[6] = slice_numeric(p->field[GT_FISCAL], &nulls[6]);
	values[7] = slice_numeric(p->field[GT_NONFISCAL], &nulls[7]);
	values[8] = slice_numeric(p->field[GT_BUDGET_WEIGHT], &nulls[8]);
	values[9] = slice_text(p->field[GT_GOAL], &nulls[9]);
	values[10] = Int32GetDatum(p->line);
	nulls[10] = false;
	MemoryContextSwitchTo(old);
	put_row(e, values, nulls);
}

PG_FUNCTION_INFO_V1(goal_table_projects);
Datum
goal_table_projects(PG_FUNCTION_ARGS)
{
	GtSink		sink = {0};

	sink.project = emit_project;
	run_import(fcinfo, &sink);
	return (Datum) 0;
}

static void
emit_rows(void *arg, const GtProject *p, const GtRow *rows, int nrows)
{
	GtEmit	   *e = (GtEmit *) arg;
	int			i;

	if (e->textbuf == NULL)
		e->textbuf = palloc(IND_TEXTBUF_SIZE);
	for (i = 0; i < nrows; i++)
	{
		const GtRow *row = &rows[i];
		MemoryContext old;
		Datum		values[8];
		bool		nulls[8];
		IndSpec		spec;
		IndError	err;
		IndDecimal	w;
		int			used;

		CHECK_FOR_INTERRUPTS();
		/* gt_read() kept only rows whose indicator reads */
		if (gt_row_spec(row, e->textbuf, &spec, &err) != IND_OK)
			elog(ERROR, "goal table row at line %d no longer reads", row->line);
		old = MemoryContextSwitchTo(e->tmp);
		values[0] = slice_text(p->field[GT_CODE], &nulls[0]);
		nulls[1] = row->level1 == NULL;
		values[1] = nulls[1] ? (Datum) 0 : PointerGetDatum(UTF8_TEXT(row->level1->name));
		nulls[2] = row->level2 == NULL;
		values[2] = nulls[2] ? (Datum) 0 : PointerGetDatum(UTF8_TEXT(row->level2->name));
		values[3] = slice_text(row->name, &nulls[3]);
		values[4] = PointerGetDatum(ind_make(&spec));
		nulls[4] = false;
		if (ind_decimal_parse(row->weight.s, row->weight.len, true, &used, &w) != IND_DEC_OK)
			elog(ERROR, "goal table row at line %d has no weight", row->line);
		values[5] = ind_decimal_to_numeric(w, 0);
		nulls[5] = false;
		if (row->note_first.s != NULL)
		{
			GtSlice		note;

			note.s = row->note_first.s;
			note.len = (int) (row->note_last.s + row->note_last.len - row->note_first.s);
			values[6] = slice_text(note, &nulls[6]);
		}
		else
			nulls[6] = true;
		values[7] = Int32GetDatum(row->line);
		nulls[7] = false;
		MemoryContextSwitchTo(old);
		put_row(e, values, nulls);
	}
}

PG_FUNCTION_INFO_V1(goal_table_rows);
Datum
goal_table_rows(PG_FUNCTION_ARGS)
{
	GtSink		sink = {0};

	sink.project = emit_rows;
	run_import(fcinfo, &sink);
	return (Datum) 0;
}

static void
emit_problem(void *arg, const GtProblem *p)
{
	GtEmit	   *e = (GtEmit *) arg;
	MemoryContext old = MemoryContextSwitchTo(e->tmp);
	Datum		values[3];
	bool		nulls[3] = {false, false, false};

	values[0] = Int32GetDatum(p->line);
	values[1] = PointerGetDatum(ind_text_from_utf8(p->text.s, p->text.len));
	values[2] = PointerGetDatum(UTF8_TEXT(p->reason));
	MemoryContextSwitchTo(old);
	put_row(e, values, nulls);
}

PG_FUNCTION_INFO_V1(goal_table_problems);
Datum
goal_table_problems(PG_FUNCTION_ARGS)
{
	GtSink		sink = {0};

	sink.problem = emit_problem;
	run_import(fcinfo, &sink);
	return (Datum) 0;
}
