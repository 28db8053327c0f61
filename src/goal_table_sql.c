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
#include "lib/stringinfo.h"
#include "utils/memutils.h"

#include "goal_table.h"
#include "gt_xlsx.h"
#include "encoding.h"
#include "indicator.h"
#include "infer.h"
#include "numeric_io.h"
#include "policy_sql.h"

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
	int			natts;			/* the result's columns: the 1.0 functions have fewer */
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
/* The format argument, or auto. */
static GtFormat
format_arg(FunctionCallInfo fcinfo, int n)
{
	text	   *t;
	GtFormat	f;

	if (PG_NARGS() <= n || PG_ARGISNULL(n))
		return GT_FORMAT_AUTO;
	t = PG_GETARG_TEXT_PP(n);
	if (!gt_format_from_name(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &f))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown goal table format \"%s\"", ind_quote(text_to_cstring(t))),
				 errhint("Use auto, tsv, csv, pipe, lines, spaces, aligned or runon.")));
	return f;
}

/*
 * Read the raw text argument (server encoding -> UTF-8), handing what is
 * found to sink, whose callbacks fill the function's materialized result.
 */
static void
run_import(FunctionCallInfo fcinfo, GtSink *sink, bool workbook)
{
	text	   *t;
	int			len;
	const char *s;
	GtEmit		emit;
	GtResult	result;
	GtOptions	options;

	if (PG_ARGISNULL(0))
	{
		InitMaterializedSRF(fcinfo, 0);
		return;					/* no text: nothing to read */
	}
	if (workbook)
	{
		/* (workbook bytea [, policy text]) */
		options.format = GT_FORMAT_XLSX;
		options.policy = (PG_NARGS() > 1) ? ind_policy_arg(fcinfo, 1) : NULL;
		t = NULL;
		s = NULL;
		len = 0;
	}
	else
	{
		t = PG_GETARG_TEXT_PP(0);
		s = ind_text_to_utf8(t, &len);
		options.format = format_arg(fcinfo, 1);
		options.policy = (PG_NARGS() > 2) ? ind_policy_arg(fcinfo, 2) : NULL;
	}
	InitMaterializedSRF(fcinfo, 0);
	emit.rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	emit.natts = emit.rsinfo->setDesc->natts;
	emit.tmp = AllocSetContextCreate(CurrentMemoryContext, "goal table import",
									 ALLOCSET_DEFAULT_SIZES);
	emit.textbuf = NULL;
	sink->tick = tick;
	sink->arg = &emit;

	if (workbook)
	{
		bytea	   *b = PG_GETARG_BYTEA_PP(0);

		gt_read_xlsx((const unsigned char *) VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b), &options,
					 sink, &result);
	}
	else
		gt_read(s, len, &options, sink, &result);
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

/*
 * An amount cell as numeric (万元, as the forms print them): "60.00",
 * "10000万元", "854万(高标准农田建设400万元,…)"; "元" converts.  NULL when
 * absent or not an amount.
 */
static Datum
slice_numeric(GtSlice s, bool *isnull)
{
	IndDecimal	d;
	int			used;
	Datum		v;

	*isnull = true;
	if (s.s == NULL || ind_decimal_parse(s.s, s.len, true, &used, &d) != IND_DEC_OK)
		return (Datum) 0;
	v = ind_decimal_to_numeric(d, 0);
	if (used < s.len)
	{
		const char *rest = s.s + used;
		int			rl = s.len - used;

		if (rl >= 3 && memcmp(rest, "元", 3) == 0)
			v = DirectFunctionCall1(numeric_trim_scale,
									DirectFunctionCall2(numeric_div, v,
														DirectFunctionCall1(int4_numeric, Int32GetDatum(10000))));
		else if (!(rl >= 3 && memcmp(rest, "万", 3) == 0) && rest[0] != '(' &&
				 !(rl >= 3 && memcmp(rest, "（", 3) == 0))
			return (Datum) 0;
	}
	*isnull = false;
	return v;
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

/* A label as printed, or the canonical name where the level was implied. */
static Datum
label_text(const GtRow *rows, int from, bool first, const IndLevel *level, bool *isnull)
{
	*isnull = (level == NULL);
	if (level == NULL)
		return (Datum) 0;
	if (from >= 0)
	{
		const GtLabel *l = first ? &rows[from].label1 : &rows[from].label2;

		if (l->level != NULL)
			return PointerGetDatum(ind_text_from_utf8(l->printed, l->len));
	}
	return PointerGetDatum(UTF8_TEXT(level->name));
}

/* What the reader did to a row, in words a reviewer reads (import_note). */
static Datum
import_note(const GtRow *row, const IndSpec *spec, bool spec_ok, int inferred, bool *isnull)
{
	StringInfoData b;

	initStringInfo(&b);
#define NOTE(...) \
	do { if (b.len > 0) appendStringInfoString(&b, "; "); appendStringInfo(&b, __VA_ARGS__); } while (0)
	if (spec_ok && (inferred & IND_INFER_LEVEL2))
		NOTE("comparator %s inferred from the level 2 %s", ind_comparator_symbol(spec->op),
			 row->level2 ? row->level2->name : "");
	if (spec_ok && (inferred & IND_INFER_UNIT))
		NOTE("comparator %s inferred from the unit", ind_comparator_symbol(spec->op));
	if (spec_ok && (inferred & IND_INFER_DEFAULT))
		NOTE("comparator >= assumed: neither a level 2 nor the unit says otherwise");
	if (spec_ok && (inferred & IND_INFER_SUFFIX))
		NOTE("comparator %s read from the words after the value", ind_comparator_symbol(spec->op));
	if (spec_ok && (inferred & IND_INFER_DATE))
		NOTE("a date or period: read as a qualitative deadline");
	if (row->notes & GT_NOTE_SERIAL_DATE)
		NOTE("Excel serial date %.*s read as a date", row->target.len, row->target.s);
	if (row->notes & GT_NOTE_NAME_FROM_DESC)
		NOTE("no indicator name column: the 指标描述 cell is the name");
	if (row->notes & GT_NOTE_OCR_EQ)
		NOTE("\"二\" before the number read as \"=\" (OCR)");
	if (row->notes & GT_NOTE_ANSWER_SPLIT)
		NOTE("run-together text: the target word split off the name");
	if (row->notes & GT_NOTE_NAME_WRAPPED)
		NOTE("the name goes on on the next line: joined");
	if (row->notes & GT_NOTE_ANNUAL)
		NOTE("this year's value taken, not the long-term or last year's column");
#undef NOTE
	*isnull = (b.len == 0);
	return *isnull ? (Datum) 0 : PointerGetDatum(ind_text_from_utf8(b.data, b.len));
}

static void
emit_rows(void *arg, const GtProject *p, const GtRow *rows, int nrows)
{
	GtEmit	   *e = (GtEmit *) arg;
	int			i;

	if (e->textbuf == NULL)
		e->textbuf = palloc(GT_SPECBUF_SIZE);
	for (i = 0; i < nrows; i++)
	{
		const GtRow *row = &rows[i];
		MemoryContext old;
		Datum		values[12];
		bool		nulls[12];
		IndSpec		spec;
		IndError	err;
		IndDecimal	w;
		int			used;
		int			inferred = 0;
		bool		spec_ok;

		if (row->labels_only)
			continue;
		CHECK_FOR_INTERRUPTS();
		old = MemoryContextSwitchTo(e->tmp);
		spec_ok = row->target.s != NULL &&
			gt_row_spec(row, e->textbuf, &spec, &err, &inferred) == IND_OK;
		values[0] = slice_text(p->field[GT_CODE], &nulls[0]);
		nulls[1] = row->level1 == NULL;
		values[1] = nulls[1] ? (Datum) 0 : PointerGetDatum(UTF8_TEXT(row->level1->name));
		nulls[2] = row->level2 == NULL;
		values[2] = nulls[2] ? (Datum) 0 : PointerGetDatum(UTF8_TEXT(row->level2->name));
		values[3] = slice_text(row->name, &nulls[3]);
		nulls[4] = !spec_ok;
		values[4] = spec_ok ? PointerGetDatum(ind_make(&spec)) : (Datum) 0;
		nulls[5] = row->weight.s == NULL ||
			ind_decimal_parse(row->weight.s, row->weight.len, true, &used, &w) != IND_DEC_OK;
		values[5] = nulls[5] ? (Datum) 0 : ind_decimal_to_numeric(w, 0);
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
		if (e->natts > 8)
		{
			values[8] = label_text(rows, row->from1, true, row->level1, &nulls[8]);
			values[9] = label_text(rows, row->from2, false, row->level2, &nulls[9]);
			values[10] = BoolGetDatum(spec_ok && (inferred & (IND_INFER_LEVEL2 | IND_INFER_UNIT |
															  IND_INFER_DEFAULT | IND_INFER_SUFFIX)));
			nulls[10] = false;
			values[11] = import_note(row, &spec, spec_ok, inferred, &nulls[11]);
		}
		MemoryContextSwitchTo(old);
		put_row(e, values, nulls);
	}
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

/*
 * The SQL functions: each kind of result over text or over a workbook's
 * bytes, through the same reader.
 */
typedef enum ImportKind
{
	IMPORT_PROJECTS,
	IMPORT_ROWS,
	IMPORT_PROBLEMS
} ImportKind;

static Datum
import(FunctionCallInfo fcinfo, ImportKind kind, bool workbook)
{
	GtSink		sink = {0};

	if (kind == IMPORT_PROJECTS)
		sink.project = emit_project;
	else if (kind == IMPORT_ROWS)
		sink.project = emit_rows;
	else
		sink.problem = emit_problem;
	run_import(fcinfo, &sink, workbook);
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(goal_table_projects);
Datum
goal_table_projects(PG_FUNCTION_ARGS)
{
	return import(fcinfo, IMPORT_PROJECTS, false);
}

PG_FUNCTION_INFO_V1(goal_table_rows);
Datum
goal_table_rows(PG_FUNCTION_ARGS)
{
	return import(fcinfo, IMPORT_ROWS, false);
}

PG_FUNCTION_INFO_V1(goal_table_problems);
Datum
goal_table_problems(PG_FUNCTION_ARGS)
{
	return import(fcinfo, IMPORT_PROBLEMS, false);
}

PG_FUNCTION_INFO_V1(goal_table_projects_xlsx);
Datum
goal_table_projects_xlsx(PG_FUNCTION_ARGS)
{
	return import(fcinfo, IMPORT_PROJECTS, true);
}

PG_FUNCTION_INFO_V1(goal_table_rows_xlsx);
Datum
goal_table_rows_xlsx(PG_FUNCTION_ARGS)
{
	return import(fcinfo, IMPORT_ROWS, true);
}

PG_FUNCTION_INFO_V1(goal_table_problems_xlsx);
Datum
goal_table_problems_xlsx(PG_FUNCTION_ARGS)
{
	return import(fcinfo, IMPORT_PROBLEMS, true);
}
