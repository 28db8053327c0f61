/*
 * import_sql.c
 *		What the importers' SQL functions share: reading the text or
 *		workbook argument, the materialized result, cells as values.
 */
#include "compat.h"

#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "decimal.h"
#include "encoding.h"
#include "import_sql.h"
#include "indicator.h"
#include "infer.h"
#include "numeric_io.h"

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
				 errmsg("unknown import format \"%s\"", ind_quote(text_to_cstring(t))),
				 errhint("Use auto, tsv, csv, pipe, lines, spaces, aligned or runon.")));
	return f;
}

/*
 * Read the first argument (text in the server encoding, converted to UTF-8;
 * or a workbook's bytes) and the format, and set up the materialized
 * result.  in->isnull: no input, and the result is empty.
 */
void
import_begin(FunctionCallInfo fcinfo, bool workbook, ImportInput *in, ImportEmit *e)
{
	memset(in, 0, sizeof(*in));
	in->workbook = workbook;
	InitMaterializedSRF(fcinfo, 0);
	e->rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	e->natts = e->rsinfo->setDesc->natts;
	e->textbuf = NULL;
	e->tmp = NULL;
	e->extra = NULL;
	if (PG_ARGISNULL(0))
	{
		in->isnull = true;
		return;
	}
	if (workbook)
	{
		bytea	   *b = PG_GETARG_BYTEA_PP(0);

		in->bytes = (const unsigned char *) VARDATA_ANY(b);
		in->nbytes = VARSIZE_ANY_EXHDR(b);
		in->format = GT_FORMAT_XLSX;
	}
	else
	{
		in->text = ind_text_to_utf8(PG_GETARG_TEXT_PP(0), &in->len);
		in->format = format_arg(fcinfo, 1);
	}
	e->tmp = AllocSetContextCreate(CurrentMemoryContext, "import",
								   ALLOCSET_DEFAULT_SIZES);
}

/* After the read: the limit's error, if it was reached; then clean up. */
void
import_end(ImportEmit *e, const GtResult *result, const char *what)
{
	if (result->too_big)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s too large to import", what),
				 errdetail_internal("%s", ind_from_utf8(result->too_big_detail,
														(int) strlen(result->too_big_detail)))));
	if (e->tmp)
		MemoryContextDelete(e->tmp);
	if (e->textbuf)
		pfree(e->textbuf);
}

void
import_tick(void *arg pg_attribute_unused())
{
	CHECK_FOR_INTERRUPTS();
}

void
import_put_row(ImportEmit *e, Datum *values, bool *nulls)
{
	tuplestore_putvalues(e->rsinfo->setResult, e->rsinfo->setDesc, values, nulls);
	MemoryContextReset(e->tmp);
}

Datum
import_slice_text(GtSlice s, bool *isnull)
{
	if (s.s == NULL)
	{
		*isnull = true;
		return (Datum) 0;
	}
	*isnull = false;
	return PointerGetDatum(ind_text_from_utf8(s.s, s.len));
}

static Datum
div_10000(Datum v)
{
	return DirectFunctionCall1(numeric_trim_scale,
							   DirectFunctionCall2(numeric_div, v,
												   DirectFunctionCall1(int4_numeric, Int32GetDatum(10000))));
}

/*
 * An amount cell as numeric (万元, as the forms print them): "60.00",
 * "10000万元", "854万(高标准农田建设400万元,…)"; "元" converts, and so does
 * every amount when yuan says the block is in 元.  NULL when absent or not
 * an amount.
 */
Datum
import_slice_numeric(GtSlice s, bool yuan, bool *isnull)
{
	IndDecimal	d;
	int			unit;
	Datum		v;

	*isnull = true;
	if (!gt_slice_amount(s, &d, &unit))
		return (Datum) 0;
	v = ind_decimal_to_numeric(d, 0);
	/* the cell's own unit wins over the block's */
	if (unit != GT_AMOUNT_NONE)
		yuan = unit == GT_AMOUNT_YUAN;
	*isnull = false;
	return yuan ? div_10000(v) : v;
}

/* Points as numeric: 8, 20% (of the 100 points), 10分.  NULL when not a number. */
Datum
import_weight_numeric(GtSlice s, bool *isnull)
{
	IndDecimal	d;
	int			used;

	*isnull = s.s == NULL || ind_decimal_parse(s.s, s.len, true, &used, &d) != IND_DEC_OK;
	return *isnull ? (Datum) 0 : ind_decimal_to_numeric(d, 0);
}

/* A problem's row: (line, content, reason). */
Datum
import_problem_row(ImportEmit *e, const GtProblem *p)
{
	MemoryContext old = MemoryContextSwitchTo(e->tmp);
	Datum		values[3];
	bool		nulls[3] = {false, false, false};

	values[0] = Int32GetDatum(p->line);
	values[1] = PointerGetDatum(ind_text_from_utf8(p->text.s, p->text.len));
	values[2] = PointerGetDatum(UTF8_TEXT(p->reason));
	MemoryContextSwitchTo(old);
	import_put_row(e, values, nulls);
	return (Datum) 0;
}

/* One more note of what the reader did, after "; " when there are others. */
void
import_note_add(StringInfo b, const char *fmt,...)
{
	if (b->len > 0)
		appendStringInfoString(b, "; ");
	for (;;)
	{
		va_list		args;
		int			needed;

		va_start(args, fmt);
		needed = appendStringInfoVA(b, fmt, args);
		va_end(args);
		if (needed == 0)
			break;
		enlargeStringInfo(b, needed);
	}
}

/* How an indicator's missing comparator was chosen (infer.c), for import_note. */
void
import_note_inferred(StringInfo b, const IndSpec *spec, int inferred, const IndLevel *level2)
{
	if (inferred & IND_INFER_LEVEL2)
		import_note_add(b, "comparator %s inferred from the level 2 %s", ind_comparator_symbol(spec->op),
						level2 ? level2->name : "");
	if (inferred & IND_INFER_UNIT)
		import_note_add(b, "comparator %s inferred from the unit", ind_comparator_symbol(spec->op));
	if (inferred & IND_INFER_DEFAULT)
		import_note_add(b, "comparator >= assumed: neither a level 2 nor the unit says otherwise");
	if (inferred & IND_INFER_SUFFIX)
		import_note_add(b, "comparator %s read from the words after the value", ind_comparator_symbol(spec->op));
	if (inferred & IND_INFER_DATE)
		import_note_add(b, "a date or period: read as a qualitative deadline");
}
