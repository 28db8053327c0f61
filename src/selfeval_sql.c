/*
 * selfeval_sql.c
 *		The self-evaluation importer's SQL face: selfeval_projects(),
 *		selfeval_rows() and selfeval_problems(), over the raw text of a
 *		sheet or a workbook's bytes.
 */
#include "compat.h"

#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "encoding.h"
#include "gt_xlsx.h"
#include "import_sql.h"
#include "indicator.h"
#include "infer.h"
#include "scan.h"
#include "selfeval.h"

/* A leading year, 2022年 or 2022年度, off the slice. */
static void
strip_year(GtSlice *s)
{
	int			k = 0;

	while (k < s->len && k < 4 && s->s[k] >= '0' && s->s[k] <= '9')
		k++;
	if (k != 4 || s->len - k < 3 || memcmp(s->s + k, "年", 3) != 0)
		return;
	k += 3;
	if (s->len - k >= 3 && memcmp(s->s + k, "度", 3) == 0)
		k += 3;
	s->s += k;
	s->len -= k;
}

/*
 * The name of a sheet: its 项目名称, or its title before the form's words
 * (甲项目支出绩效自评表(2022年度) is 甲), or the title itself.
 */
static GtSlice
sheet_name(const SeSheet *s)
{
	static const char *const words[] = {"项目支出绩效自评表", "项目绩效自评表", "绩效自评表", "项目自评表", "自评表"};
	GtSlice		name = s->field[SE_NAME];
	int			i,
				k;

	if (name.s != NULL || s->title.s == NULL)
		return name;
	name = s->title;
	for (i = 0; i < (int) lengthof(words); i++)
	{
		int			wl = (int) strlen(words[i]);

		for (k = 0; k + wl <= name.len; k++)
			if (memcmp(name.s + k, words[i], wl) == 0)
			{
				GtSlice		before = {name.s, k};

				/* a year before the name is not the name: 2022年度甲项目支出绩效自评表 */
				strip_year(&before);
				if (before.len > 0)
					return before;
				return name;
			}
	}
	return name;
}

static void
emit_sheet(void *arg, const SeSheet *s, const SeRow *rows pg_attribute_unused(),
		   int nrows pg_attribute_unused())
{
	ImportEmit *e = (ImportEmit *) arg;
	MemoryContext old = MemoryContextSwitchTo(e->tmp);
	Datum		values[19];
	bool		nulls[19];

	values[0] = import_slice_text(s->field[SE_CODE], &nulls[0]);
	values[1] = import_slice_text(sheet_name(s), &nulls[1]);
	nulls[2] = s->field[SE_YEAR].s == NULL;
	values[2] = nulls[2] ? (Datum) 0
		: Int32GetDatum(atoi(pnstrdup(s->field[SE_YEAR].s, s->field[SE_YEAR].len)));
	values[3] = import_slice_text(s->field[SE_DEPARTMENT], &nulls[3]);
	values[4] = import_slice_text(s->field[SE_IMPLEMENTER], &nulls[4]);
	values[5] = import_slice_text(s->field[SE_GOAL], &nulls[5]);
	values[6] = import_slice_text(s->field[SE_GOAL_ACTUAL], &nulls[6]);
	values[7] = import_slice_numeric(s->field[SE_BUDGET_INITIAL], s->amounts_yuan, &nulls[7]);
	values[8] = import_slice_numeric(s->field[SE_BUDGET_TOTAL], s->amounts_yuan, &nulls[8]);
	values[9] = import_slice_numeric(s->field[SE_BUDGET_SPENT], s->amounts_yuan, &nulls[9]);
	values[10] = import_weight_numeric(s->field[SE_BUDGET_WEIGHT], &nulls[10]);
	values[11] = import_slice_text(s->field[SE_BUDGET_RATE], &nulls[11]);
	values[12] = import_weight_numeric(s->field[SE_BUDGET_SCORE], &nulls[12]);
	values[13] = import_weight_numeric(s->field[SE_TOTAL_WEIGHT], &nulls[13]);
	values[14] = import_weight_numeric(s->field[SE_TOTAL_SCORE], &nulls[14]);
	values[15] = import_slice_text(s->field[SE_GRADE], &nulls[15]);
	values[16] = import_slice_text(s->title, &nulls[16]);
	values[17] = Int32GetDatum(s->line);
	nulls[17] = false;
	values[18] = Int32GetDatum(s->number);
	nulls[18] = false;
	MemoryContextSwitchTo(old);
	import_put_row(e, values, nulls);
}

/* What the reader did to a row, in words a reviewer reads (import_note). */
static Datum
row_note(const SeRow *row, const IndSpec *spec, bool spec_ok, int inferred, bool *isnull)
{
	StringInfoData b;

	initStringInfo(&b);
	if (spec_ok)
		import_note_inferred(&b, spec, inferred, row->level2);
#define NOTE(...) import_note_add(&b, __VA_ARGS__)
	if ((row->notes >> 8) & GT_NOTE_SERIAL_DATE)
		NOTE("Excel serial date %.*s read as a date", row->target.len, row->target.s);
	if (row->notes & SE_NOTE_WEIGHT_PERCENT)
		NOTE("points %.*s read as a share of 100", row->weight.len, row->weight.s);
	if (row->notes & SE_NOTE_TARGET_JOINED)
		NOTE("target joined from the 指标性质, 指标值 and 度量单位 columns");
	if (row->notes & SE_NOTE_LEVEL1_FROM_LEVEL2)
		NOTE("no level 1 printed: the level 2's");
#undef NOTE
	*isnull = (b.len == 0);
	return *isnull ? (Datum) 0 : PointerGetDatum(ind_text_from_utf8(b.data, b.len));
}

static Datum
level_text(const IndLevel *l, bool *isnull)
{
	*isnull = (l == NULL);
	return l == NULL ? (Datum) 0 : PointerGetDatum(UTF8_TEXT(l->name));
}

static void
emit_rows(void *arg, const SeSheet *s, const SeRow *rows, int nrows)
{
	ImportEmit *e = (ImportEmit *) arg;
	GtSlice		name = sheet_name(s);
	int			i;

	if (e->textbuf == NULL)
		e->textbuf = palloc(GT_SPECBUF_SIZE);
	for (i = 0; i < nrows; i++)
	{
		const SeRow *row = &rows[i];
		MemoryContext old;
		Datum		values[18];
		bool		nulls[18];
		IndSpec		spec;
		IndError	err;
		int			inferred = 0;
		bool		spec_ok;
		char		cell[IND_TEXTBUF_SIZE];
		int			cl;

		CHECK_FOR_INTERRUPTS();
		old = MemoryContextSwitchTo(e->tmp);
		spec_ok = row->target.s != NULL &&
			se_row_spec(row, e->textbuf, &spec, &err, &inferred) == IND_OK;
		values[0] = import_slice_text(s->field[SE_CODE], &nulls[0]);
		values[1] = import_slice_text(name, &nulls[1]);
		values[2] = level_text(row->level1, &nulls[2]);
		values[3] = level_text(row->level2, &nulls[3]);
		values[4] = import_slice_text(row->name, &nulls[4]);
		nulls[5] = !spec_ok;
		values[5] = spec_ok ? PointerGetDatum(ind_make(&spec)) : (Datum) 0;
		cl = se_row_target_cell(row, cell, sizeof(cell));
		nulls[6] = row->target.s == NULL;
		values[6] = nulls[6] ? (Datum) 0 : PointerGetDatum(ind_text_from_utf8(cell, cl));
		values[7] = import_slice_text(row->actual, &nulls[7]);
		values[8] = import_weight_numeric(row->weight, &nulls[8]);
		values[9] = import_weight_numeric(row->score, &nulls[9]);
		values[10] = import_slice_text(row->reason, &nulls[10]);
		values[11] = Int32GetDatum(row->line);
		nulls[11] = false;
		values[12] = import_slice_text(row->label1, &nulls[12]);
		values[13] = import_slice_text(row->label2, &nulls[13]);
		values[14] = BoolGetDatum(spec_ok && (inferred & (IND_INFER_LEVEL2 | IND_INFER_UNIT |
														  IND_INFER_DEFAULT | IND_INFER_SUFFIX)));
		nulls[14] = false;
		values[15] = row_note(row, &spec, spec_ok, inferred, &nulls[15]);
		values[16] = import_slice_text(row->score, &nulls[16]);
		values[17] = Int32GetDatum(s->number);
		nulls[17] = false;
		MemoryContextSwitchTo(old);
		import_put_row(e, values, nulls);
	}
}

/*
 * A sheet's rows whose target does not read are reported here, where the
 * indicator is made: with the reason the literal reader gives.
 */
static void
check_rows(void *arg, const SeSheet *s pg_attribute_unused(), const SeRow *rows, int nrows)
{
	ImportEmit *e = (ImportEmit *) arg;
	int			i;

	if (e->textbuf == NULL)
		e->textbuf = palloc(GT_SPECBUF_SIZE);
	for (i = 0; i < nrows; i++)
	{
		const SeRow *row = &rows[i];
		IndSpec		spec;
		IndError	err;
		int			inferred;
		GtProblem	p;
		char		reason[IND_ERR_DETAIL_LEN + 64];

		if (row->target.s == NULL || se_row_spec(row, e->textbuf, &spec, &err, &inferred) == IND_OK)
			continue;
		snprintf(reason, sizeof(reason), "the target does not read as an indicator: %s", err.detail);
		gt_problem_set(&p, row->line, row->target.s, row->target.len, reason);
		import_problem_row(e, &p);
	}
}

static void
emit_problem(void *arg, const GtProblem *p)
{
	import_problem_row((ImportEmit *) arg, p);
}

typedef struct SeXlsxRead
{
	const SeSink *sink;
	GtResult   *result;
} SeXlsxRead;

static void
read_sheets(const GtSource *src, void *arg)
{
	SeXlsxRead *r = (SeXlsxRead *) arg;

	se_read_source(src, GT_FORMAT_XLSX, r->sink, r->result);
}

typedef enum SeKind
{
	SE_PROJECTS,
	SE_ROWS,
	SE_PROBLEMS
} SeKind;

static Datum
import(FunctionCallInfo fcinfo, SeKind kind, bool workbook)
{
	SeSink		sink = {0};
	ImportInput in;
	ImportEmit	emit;
	GtResult	result;

	if (kind == SE_PROJECTS)
		sink.sheet = emit_sheet;
	else if (kind == SE_ROWS)
		sink.sheet = emit_rows;
	else
	{
		sink.problem = emit_problem;
		sink.sheet = check_rows;
	}
	import_begin(fcinfo, workbook, &in, &emit);
	if (in.isnull)
		return (Datum) 0;
	sink.tick = import_tick;
	sink.arg = &emit;
	if (workbook)
	{
		SeXlsxRead r = {&sink, &result};

		gt_xlsx_read(in.bytes, in.nbytes, read_sheets, &r);
	}
	else
		se_read(in.text, in.len, in.format, &sink, &result);
	import_end(&emit, &result, "self-evaluation sheet");
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(selfeval_projects);
Datum
selfeval_projects(PG_FUNCTION_ARGS)
{
	return import(fcinfo, SE_PROJECTS, false);
}

PG_FUNCTION_INFO_V1(selfeval_rows);
Datum
selfeval_rows(PG_FUNCTION_ARGS)
{
	return import(fcinfo, SE_ROWS, false);
}

PG_FUNCTION_INFO_V1(selfeval_problems);
Datum
selfeval_problems(PG_FUNCTION_ARGS)
{
	return import(fcinfo, SE_PROBLEMS, false);
}

PG_FUNCTION_INFO_V1(selfeval_projects_xlsx);
Datum
selfeval_projects_xlsx(PG_FUNCTION_ARGS)
{
	return import(fcinfo, SE_PROJECTS, true);
}

PG_FUNCTION_INFO_V1(selfeval_rows_xlsx);
Datum
selfeval_rows_xlsx(PG_FUNCTION_ARGS)
{
	return import(fcinfo, SE_ROWS, true);
}

PG_FUNCTION_INFO_V1(selfeval_problems_xlsx);
Datum
selfeval_problems_xlsx(PG_FUNCTION_ARGS)
{
	return import(fcinfo, SE_PROBLEMS, true);
}
