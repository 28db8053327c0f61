/*
 * goal_table_sql.c
 *		The importer's SQL face: goal_table_projects(), goal_table_rows() and
 *		goal_table_problems(), each reading the raw text of exported tables
 *		or a workbook's bytes.
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
#include "import_sql.h"
#include "indicator.h"
#include "infer.h"
#include "numeric_io.h"
#include "policy_sql.h"

/*
 * Read the input argument, handing what is found to sink, whose callbacks
 * fill the function's materialized result (goal_table_review() too:
 * goal_review_sql.c).
 */
void
goal_table_import(FunctionCallInfo fcinfo, GtSink *sink, bool workbook, const void *extra)
{
	ImportInput in;
	ImportEmit	emit;
	GtResult	result;
	GtOptions	options;

	import_begin(fcinfo, workbook, &in, &emit);
	emit.extra = extra;
	if (in.isnull)
		return;					/* no text: nothing to read */
	options.format = in.format;
	/* (workbook bytea [, policy text]) or (raw text [, format text [, policy text]]) */
	if (workbook)
		options.policy = (PG_NARGS() > 1) ? ind_policy_arg(fcinfo, 1) : NULL;
	else
		options.policy = (PG_NARGS() > 2) ? ind_policy_arg(fcinfo, 2) : NULL;
	sink->tick = import_tick;
	sink->arg = &emit;
	if (workbook)
		gt_read_xlsx(in.bytes, in.nbytes, &options, sink, &result);
	else
		gt_read(in.text, in.len, &options, sink, &result);
	import_end(&emit, &result, "goal table project");
}

static void
emit_project(void *arg, const GtProject *p,
			 const GtRow *rows pg_attribute_unused(), int nrows pg_attribute_unused())
{
	ImportEmit *e = (ImportEmit *) arg;
	MemoryContext old = MemoryContextSwitchTo(e->tmp);
	Datum		values[GT_NFIELDS + 1];
	bool		nulls[GT_NFIELDS + 1];
	GtSlice		name = gt_project_name(p);	/* or the title, without a 项目名称 line */
	values[0] = import_slice_text(p->field[GT_CODE], &nulls[0]);
	values[1] = import_slice_text(name, &nulls[1]);
	if (p->field[GT_YEAR].s != NULL)
	{
		values[2] = Int32GetDatum(atoi(pnstrdup(p->field[GT_YEAR].s, p->field[GT_YEAR].len)));
		nulls[2] = false;
	}
	else
		nulls[2] = true;
	values[3] = import_slice_text(p->field[GT_DEPARTMENT], &nulls[3]);
	values[4] = import_slice_text(p->field[GT_IMPLEMENTER], &nulls[4]);
	values[5] = import_slice_numeric(p->field[GT_TOTAL], false, &nulls[5]);
	values[6] = import_slice_numeric(p->field[GT_FISCAL], false, &nulls[6]);
	values[7] = import_slice_numeric(p->field[GT_NONFISCAL], false, &nulls[7]);
	values[8] = import_slice_numeric(p->field[GT_BUDGET_WEIGHT], false, &nulls[8]);
	values[9] = import_slice_text(p->field[GT_GOAL], &nulls[9]);
	values[10] = Int32GetDatum(p->line);
	nulls[10] = false;
	MemoryContextSwitchTo(old);
	import_put_row(e, values, nulls);
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
	if (spec_ok)
		import_note_inferred(&b, spec, inferred, row->level2);
#define NOTE(...) import_note_add(&b, __VA_ARGS__)
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
	ImportEmit *e = (ImportEmit *) arg;
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
		values[0] = import_slice_text(p->field[GT_CODE], &nulls[0]);
		nulls[1] = row->level1 == NULL;
		values[1] = nulls[1] ? (Datum) 0 : PointerGetDatum(UTF8_TEXT(row->level1->name));
		nulls[2] = row->level2 == NULL;
		values[2] = nulls[2] ? (Datum) 0 : PointerGetDatum(UTF8_TEXT(row->level2->name));
		values[3] = import_slice_text(row->name, &nulls[3]);
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
			values[6] = import_slice_text(note, &nulls[6]);
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
		import_put_row(e, values, nulls);
	}
}

static void
emit_problem(void *arg, const GtProblem *p)
{
	import_problem_row((ImportEmit *) arg, p);
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
	goal_table_import(fcinfo, &sink, workbook, NULL);
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
