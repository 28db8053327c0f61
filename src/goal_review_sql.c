/*
 * goal_review_sql.c
 *		goal_review(projects, rows, policy, history) and review_grade(): the
 *		SQL face of goal_review.c.
 *
 * The arrays are deformed once and grouped here, so one call can review
 * one project (a LATERAL per project) or a whole year's tables (the
 * importer's output) in time proportional to the rows: rows and history are
 * sorted by project code (and history by project name) and found by binary
 * search, not scanned per project.  A project's rows are read into a
 * context that is emptied once its findings are out, so memory stays that
 * of the arrays themselves.
 */
#include "compat.h"

#include <limits.h>

#include "access/htup_details.h"
#include "access/transam.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/typcache.h"

#include "encoding.h"
#include "goal_review.h"
#include "import_sql.h"
#include "indicator.h"
#include "numeric_io.h"
#include "policy_sql.h"

/* The attributes of the three input types, in their declared order. */
enum
{
	P_CODE, P_NAME, P_YEAR, P_DEPARTMENT, P_TOTAL, P_FISCAL, P_NON_FISCAL,
	P_BUDGET_WEIGHT, P_ANNUAL_GOAL, P_ATTRIBUTE, P_PERIOD_START, P_PERIOD_END, P_NATTS
};
enum
{
	R_CODE, R_LEVEL1, R_LEVEL2, R_NAME, R_SPEC, R_WEIGHT, R_SOURCE_LINE, R_TARGET_CELL, R_NATTS
};
enum
{
	H_CODE, H_PROJECT_NAME, H_YEAR, H_NAME, H_SPEC, H_ACTUAL, H_SOURCE_LINE, H_NATTS
};

/* The elements of a composite array, deformed: values[i * natts + k]. */
typedef struct Deformed
{
	int			n;
	int			natts;
	Datum	   *values;
	bool	   *nulls;
} Deformed;

/* What each attribute must be: a builtin type, or InvalidOid for the extension's indicator. */
static const Oid project_types[] = {TEXTOID, TEXTOID, INT4OID, TEXTOID, NUMERICOID, NUMERICOID, NUMERICOID,
NUMERICOID, TEXTOID, TEXTOID, DATEOID, DATEOID};
static const Oid row_types[] = {TEXTOID, TEXTOID, TEXTOID, TEXTOID, InvalidOid, NUMERICOID, INT4OID, TEXTOID};
static const Oid history_types[] = {TEXTOID, TEXTOID, INT4OID, TEXTOID, InvalidOid, TEXTOID, INT4OID};

static void
deform_array(ArrayType *arr, int natts, const Oid *types, const char *typname, Deformed *out)
{
	Oid			elemtype = ARR_ELEMTYPE(arr);
	int16		typlen;
	bool		typbyval;
	char		typalign;
	Datum	   *elems;
	bool	   *enulls;
	TupleDesc	desc;
	int			i;

	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("goal_review needs one-dimensional arrays")));
	get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
	deconstruct_array(arr, elemtype, typlen, typbyval, typalign, &elems, &enulls, &out->n);
	desc = lookup_rowtype_tupdesc(elemtype, -1);
	if (desc->natts != natts)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("goal_review needs an array of %s", typname),
				 errdetail("The array's rows have %d columns, not %d.", desc->natts, natts)));
	for (i = 0; i < natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		bool		ok = types[i] != InvalidOid ? att->atttypid == types[i] :
			(att->atttypid >= FirstNormalObjectId && att->attlen == -1);

		if (att->attisdropped || !ok)
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("goal_review needs an array of %s", typname),
					 errdetail("Column %d (%s) of the array's rows is of type %s.", i + 1,
							   NameStr(att->attname), format_type_be(att->atttypid)),
					 errhint("The type %s has been altered: recreate it as the extension defines it.", typname)));
	}
	out->natts = natts;
	out->values = palloc(sizeof(Datum) * Max(out->n, 1) * natts);
	out->nulls = palloc(sizeof(bool) * Max(out->n, 1) * natts);
	for (i = 0; i < out->n; i++)
	{
		HeapTupleHeader th;
		HeapTupleData tuple;

		if (enulls[i])
		{
			memset(out->nulls + i * natts, true, natts);
			continue;
		}
		th = DatumGetHeapTupleHeader(elems[i]);
		tuple.t_len = HeapTupleHeaderGetDatumLength(th);
		ItemPointerSetInvalid(&(tuple.t_self));
		tuple.t_tableOid = InvalidOid;
		tuple.t_data = th;
		heap_deform_tuple(&tuple, desc, out->values + i * natts, out->nulls + i * natts);
	}
	ReleaseTupleDesc(desc);
}

#define VAL(d, i, k)	((d)->values[(i) * (d)->natts + (k)])
#define ISNULL(d, i, k) ((d)->nulls[(i) * (d)->natts + (k)])

/* A text attribute as NUL-terminated UTF-8, or NULL. */
static const char *
utf8_attr(const Deformed *d, int i, int k)
{
	char	   *s;
	int			len;

	if (ISNULL(d, i, k))
		return NULL;
	s = ind_text_to_utf8(DatumGetTextPP(VAL(d, i, k)), &len);
	return pnstrdup(s, len);
}

static GrAmount
amount_attr(const Deformed *d, int i, int k, const char *what)
{
	GrAmount	a = {false, {0, 0}};

	if (!ISNULL(d, i, k))
	{
		a.known = true;
		a.v = ind_numeric_to_exact(VAL(d, i, k), what, false);
	}
	return a;
}

static bool
spec_attr(const Deformed *d, int i, int k, IndSpec *spec)
{
	if (ISNULL(d, i, k))
		return false;
	ind_unpack(DatumGetIndicatorP(VAL(d, i, k)), spec);
	return true;
}

static int
int_attr(const Deformed *d, int i, int k)
{
	return ISNULL(d, i, k) ? 0 : DatumGetInt32(VAL(d, i, k));
}

/* A finite date attribute as days since 2000-01-01; false when NULL or infinite. */
static bool
date_attr(const Deformed *d, int i, int k, int32 *day)
{
	if (ISNULL(d, i, k) || DATE_NOT_FINITE(DatumGetDateADT(VAL(d, i, k))))
		return false;
	*day = (int32) DatumGetDateADT(VAL(d, i, k));
	return true;
}

static void
read_project(const Deformed *d, int i, GrProject *p)
{
	memset(p, 0, sizeof(*p));
	p->code = utf8_attr(d, i, P_CODE);
	p->name = utf8_attr(d, i, P_NAME);
	p->year = int_attr(d, i, P_YEAR);
	p->annual_goal = utf8_attr(d, i, P_ANNUAL_GOAL);
	p->total = amount_attr(d, i, P_TOTAL, "total_funds");
	p->fiscal = amount_attr(d, i, P_FISCAL, "fiscal_funds");
	p->non_fiscal = amount_attr(d, i, P_NON_FISCAL, "non_fiscal_funds");
	p->budget_weight = amount_attr(d, i, P_BUDGET_WEIGHT, "budget_execution_weight");
	p->attribute = utf8_attr(d, i, P_ATTRIBUTE);
	p->has_start = date_attr(d, i, P_PERIOD_START, &p->period_start);
	p->has_end = date_attr(d, i, P_PERIOD_END, &p->period_end);
}

static void
read_row(const Deformed *d, int i, GrRow *r)
{
	memset(r, 0, sizeof(*r));
	r->level1 = utf8_attr(d, i, R_LEVEL1);
	r->level2 = utf8_attr(d, i, R_LEVEL2);
	r->name = utf8_attr(d, i, R_NAME);
	r->has_spec = spec_attr(d, i, R_SPEC, &r->spec);
	r->weight = amount_attr(d, i, R_WEIGHT, "weight");
	r->source_line = int_attr(d, i, R_SOURCE_LINE);
	r->target_cell = utf8_attr(d, i, R_TARGET_CELL);
}

static void
read_history(const Deformed *d, int i, GrHistory *h)
{
	memset(h, 0, sizeof(*h));
	h->project_code = utf8_attr(d, i, H_CODE);
	h->project_name = utf8_attr(d, i, H_PROJECT_NAME);
	h->year = int_attr(d, i, H_YEAR);
	h->name = utf8_attr(d, i, H_NAME);
	h->has_spec = spec_attr(d, i, H_SPEC, &h->spec);
	h->actual = utf8_attr(d, i, H_ACTUAL);
	h->source_line = int_attr(d, i, H_SOURCE_LINE);
}

/*
 * A text attribute as it is stored (server encoding, not copied), for
 * sorting and matching rows to projects: the codes and names only need to
 * be equal, and copying 1.2 million of them would cost more than the
 * review.  NULL sorts first and matches NULL.
 */
typedef struct Keyed
{
	const char *s;				/* NULL: SQL NULL */
	int			len;
	int			index;
} Keyed;

static Keyed
key_attr(const Deformed *d, int i, int k)
{
	Keyed		key = {NULL, 0, i};

	if (!ISNULL(d, i, k))
	{
		text	   *t = DatumGetTextPP(VAL(d, i, k));

		key.s = VARDATA_ANY(t);
		key.len = VARSIZE_ANY_EXHDR(t);
	}
	return key;
}

static int
key_cmp(const Keyed *x, const Keyed *y)
{
	int			c;

	if (x->s == NULL || y->s == NULL)
		return (x->s != NULL) - (y->s != NULL);
	c = memcmp(x->s, y->s, Min(x->len, y->len));
	return c != 0 ? c : (x->len > y->len) - (x->len < y->len);
}

static int
keyed_cmp(const void *a, const void *b)
{
	const Keyed *x = (const Keyed *) a;
	const Keyed *y = (const Keyed *) b;
	int			c = key_cmp(x, y);

	return c != 0 ? c : (x->index > y->index) - (x->index < y->index);
}

/* The first entry of sorted k[0..n) whose key is key, and how many there are. */
static int
keyed_range(const Keyed *k, int n, const Keyed *key, int *count)
{
	int			lo = 0,
				hi = n;
	int			end;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (key_cmp(&k[mid], key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < n && key_cmp(&k[end], key) == 0; end++)
		;
	*count = end - lo;
	return lo;
}

/* Rows by source line; rows without one after, in the order given. */
typedef struct LineKey
{
	int			line;
	int			index;
} LineKey;

/* A line's place: unknown (0) after every known line. */
static unsigned int
line_rank(int line)
{
	return line > 0 ? (unsigned int) line : UINT_MAX;
}

static int
line_cmp(const void *a, const void *b)
{
	const LineKey *x = (const LineKey *) a;
	const LineKey *y = (const LineKey *) b;
	unsigned int xl = line_rank(x->line);
	unsigned int yl = line_rank(y->line);

	if (xl != yl)
		return xl < yl ? -1 : 1;
	return (x->index > y->index) - (x->index < y->index);
}

static void
sort_rows(GrRow *rows, int n)
{
	LineKey    *keys;
	GrRow	   *copy;
	int			i;

	for (i = 1; i < n; i++)
		if (line_rank(rows[i - 1].source_line) > line_rank(rows[i].source_line))
			break;
	if (i >= n)
		return;					/* already in order: the usual case */
	keys = palloc(sizeof(LineKey) * n);
	copy = palloc(sizeof(GrRow) * n);
	for (i = 0; i < n; i++)
	{
		keys[i].line = rows[i].source_line;
		keys[i].index = i;
	}
	qsort(keys, n, sizeof(LineKey), line_cmp);
	memcpy(copy, rows, sizeof(GrRow) * n);
	for (i = 0; i < n; i++)
	{
		rows[i] = copy[keys[i].index];
		/* a unit the spec rewrote lives in the spec itself */
		if (copy[keys[i].index].spec.unit == copy[keys[i].index].spec.unit_buf)
			rows[i].spec.unit = rows[i].spec.unit_buf;
	}
}

/* R5, R15 and R16 compare rows pairwise: a project beyond any goal table is refused. */
static void
check_rows(const GrProject *p, int count)
{
	if (count > GR_MAX_PROJECT_ROWS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("goal_review reviews at most %d rows a project", GR_MAX_PROJECT_ROWS),
				 p->code ? errdetail("Project \"%s\" has %d rows.", ind_from_utf8(p->code, (int) strlen(p->code)), count) :
				 errdetail("A project has %d rows.", count),
				 errhint("Check that the rows' project_code names their project: no goal table has that many indicators.")));
}

typedef struct Collected
{
	GrFinding	f;
	int			order;
} Collected;

typedef struct Collector
{
	Collected  *items;
	int			n;
	int			cap;
} Collector;

static void
collect(void *arg, const GrFinding *f)
{
	Collector  *c = (Collector *) arg;

	if (c->n == c->cap)
	{
		c->cap = c->cap ? c->cap * 2 : 16;
		c->items = c->items ? repalloc(c->items, sizeof(Collected) * c->cap) : palloc(sizeof(Collected) * c->cap);
	}
	c->items[c->n].f = *f;
	c->items[c->n].f.message = pstrdup(f->message);
	c->items[c->n].order = c->n;
	c->n++;
}

/* Rule order, and the core's order within a rule (row order). */
static int
collected_cmp(const void *a, const void *b)
{
	const Collected *x = (const Collected *) a;
	const Collected *y = (const Collected *) b;

	if (x->f.rule != y->f.rule)
		return x->f.rule - y->f.rule;
	return x->order - y->order;
}

static text *
u8text(const char *s)
{
	return ind_text_from_utf8(s, (int) strlen(s));
}

static void
put_findings(ReturnSetInfo *rsinfo, const GrProject *p, const GrRow *rows, Collector *col)
{
	int			i;

	qsort(col->items, col->n, sizeof(Collected), collected_cmp);
	for (i = 0; i < col->n; i++)
	{
		const GrFinding *f = &col->items[i].f;
		Datum		values[8];
		bool		nulls[8] = {false};
		Datum	   *names = palloc(sizeof(Datum) * Max(f->nrows, 1));
		bool	   *name_nulls = palloc(sizeof(bool) * Max(f->nrows, 1));
		Datum	   *lines = palloc(sizeof(Datum) * Max(f->nrows, 1));
		bool	   *line_nulls = palloc(sizeof(bool) * Max(f->nrows, 1));
		int			dims[1];
		int			lbs[1] = {1};
		int			k;

		for (k = 0; k < f->nrows; k++)
		{
			const GrRow *r = &rows[f->rows[k]];

			name_nulls[k] = r->name == NULL;
			names[k] = r->name ? PointerGetDatum(u8text(r->name)) : (Datum) 0;
			line_nulls[k] = r->source_line == 0;
			lines[k] = Int32GetDatum(r->source_line);
		}
		dims[0] = f->nrows;
		if (p->code)
			values[0] = PointerGetDatum(u8text(p->code));
		else
			nulls[0] = true;
		if (p->name)
			values[1] = PointerGetDatum(u8text(p->name));
		else
			nulls[1] = true;
		values[2] = CStringGetTextDatum(gr_rule_code(f->rule));
		values[3] = PointerGetDatum(u8text(gr_rule_dimension(f->rule)));
		values[4] = CStringGetTextDatum(gr_severity_name(f->severity));
		values[5] = PointerGetDatum(construct_md_array(names, name_nulls, 1, dims, lbs, TEXTOID, -1, false, TYPALIGN_INT));
		values[6] = PointerGetDatum(construct_md_array(lines, line_nulls, 1, dims, lbs, INT4OID, 4, true, TYPALIGN_INT));
		values[7] = PointerGetDatum(u8text(f->message));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
}

/*
 * goal_review(projects goal_review_project[], rows goal_review_row[],
 *			   policy text, history goal_review_history[]): one row per finding.
 */
PG_FUNCTION_INFO_V1(indicator_goal_review);
Datum
indicator_goal_review(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const IndPolicy *policy = ind_policy_arg(fcinfo, 2);
	Deformed	pd,
				rd,
				hd = {0, H_NATTS, NULL, NULL};
	Keyed	   *row_keys;
	Keyed	   *hist_codes = NULL;
	Keyed	   *hist_names = NULL;
	MemoryContext per_project;
	int			i;

	InitMaterializedSRF(fcinfo, 0);
	if (PG_ARGISNULL(0))
		return (Datum) 0;
	deform_array(PG_GETARG_ARRAYTYPE_P(0), P_NATTS, project_types, "goal_review_project", &pd);
	if (PG_ARGISNULL(1))
		rd.n = 0;
	else
		deform_array(PG_GETARG_ARRAYTYPE_P(1), R_NATTS, row_types, "goal_review_row", &rd);
	if (PG_NARGS() > 3 && !PG_ARGISNULL(3))
		deform_array(PG_GETARG_ARRAYTYPE_P(3), H_NATTS, history_types, "goal_review_history", &hd);

	row_keys = palloc(sizeof(Keyed) * Max(rd.n, 1));
	for (i = 0; i < rd.n; i++)
		row_keys[i] = key_attr(&rd, i, R_CODE);
	qsort(row_keys, rd.n, sizeof(Keyed), keyed_cmp);
	if (hd.n > 0)
	{
		hist_codes = palloc(sizeof(Keyed) * hd.n);
		hist_names = palloc(sizeof(Keyed) * hd.n);
		for (i = 0; i < hd.n; i++)
		{
			hist_codes[i] = key_attr(&hd, i, H_CODE);
			hist_names[i] = key_attr(&hd, i, H_PROJECT_NAME);
		}
		qsort(hist_codes, hd.n, sizeof(Keyed), keyed_cmp);
		qsort(hist_names, hd.n, sizeof(Keyed), keyed_cmp);
	}

	/*
	 * Rows go to their project by code, so two projects of one code (or two
	 * without a code) would share their rows: refused rather than merged.
	 */
	{
		Keyed	   *pk = palloc(sizeof(Keyed) * Max(pd.n, 1));
		int			n = 0;

		for (i = 0; i < pd.n; i++)
			if (!(ISNULL(&pd, i, P_CODE) && ISNULL(&pd, i, P_NAME)))
				pk[n++] = key_attr(&pd, i, P_CODE);
		qsort(pk, n, sizeof(Keyed), keyed_cmp);
		for (i = 1; i < n; i++)
			if (key_cmp(&pk[i - 1], &pk[i]) == 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("goal_review needs one project per project_code"),
						 pk[i].s ? errdetail("Two projects have the code \"%.*s\".", pk[i].len, pk[i].s) :
						 errdetail("Two projects have no code."),
						 errhint("Rows belong to a project by its code: give each project its own, or review the tables with goal_table_review(), which keeps each table's rows together.")));
		pfree(pk);
	}

	/* what one project needs lives in a context emptied after its findings are out */
	per_project = AllocSetContextCreate(CurrentMemoryContext, "goal_review project", ALLOCSET_DEFAULT_SIZES);
	for (i = 0; i < pd.n; i++)
	{
		MemoryContext old;
		GrProject	p;
		GrRow	   *prow;
		GrHistory  *phist = NULL;
		Keyed		code = key_attr(&pd, i, P_CODE);
		Keyed		name = key_attr(&pd, i, P_NAME);
		Collector	col = {NULL, 0, 0};
		int			count,
					first,
					nh = 0,
					k;

		if (code.s == NULL && name.s == NULL)
			continue;			/* a NULL element: no project */
		old = MemoryContextSwitchTo(per_project);
		read_project(&pd, i, &p);
		first = keyed_range(row_keys, rd.n, &code, &count);
		check_rows(&p, count);
		prow = palloc(sizeof(GrRow) * Max(count, 1));
		for (k = 0; k < count; k++)
			read_row(&rd, row_keys[first + k].index, &prow[k]);
		/* the table's order, whatever the array's (a parallel scan interleaves) */
		sort_rows(prow, count);
		if (hd.n > 0)
		{
			int			hc = 0,
						nc,
						hf = code.s ? keyed_range(hist_codes, hd.n, &code, &hc) : 0;
			int			nf = name.s ? keyed_range(hist_names, hd.n, &name, &nc) : 0;

			if (name.s == NULL)
				nc = 0;
			phist = palloc(sizeof(GrHistory) * Max(hc + nc, 1));
			for (k = 0; k < hc; k++)
				read_history(&hd, hist_codes[hf + k].index, &phist[nh++]);
			/* the same name under another code (codes carry the year) */
			for (k = 0; k < nc; k++)
			{
				int			h = hist_names[nf + k].index;
				Keyed		hcode = key_attr(&hd, h, H_CODE);

				/* (rows of the same code were taken above) */
				if (code.s == NULL || key_cmp(&hcode, &code) != 0)
					read_history(&hd, h, &phist[nh++]);
			}
		}
		gr_review(&p, prow, count, phist, nh, policy, collect, &col);
		put_findings(rsinfo, &p, prow, &col);
		MemoryContextSwitchTo(old);
		MemoryContextReset(per_project);
		CHECK_FOR_INTERRUPTS();
	}
	MemoryContextDelete(per_project);
	return (Datum) 0;
}

/*
 * goal_table_review(raw, format, policy) and goal_table_review(workbook,
 * policy): each project reviewed as the reader finishes it, in the reader's
 * per-project context.
 */
static void
review_imported(void *arg, const GtProject *gp, const GtRow *rows, int nrows)
{
	ImportEmit *e = (ImportEmit *) arg;
	MemoryContext old = MemoryContextSwitchTo(e->tmp);
	GrProject	p;
	GrRow	   *gr = palloc(sizeof(GrRow) * Max(nrows, 1));
	Collector	col = {NULL, 0, 0};
	int			n = gr_from_import(gp, rows, nrows, &p, gr);

	check_rows(&p, n);
	gr_review(&p, gr, n, NULL, 0, (const IndPolicy *) e->extra, collect, &col);
	put_findings(e->rsinfo, &p, gr, &col);
	MemoryContextSwitchTo(old);
	MemoryContextReset(e->tmp);
}

static Datum
review_import(FunctionCallInfo fcinfo, bool workbook)
{
	GtSink		sink = {0};
	const IndPolicy *policy = ind_policy_arg(fcinfo, workbook ? 1 : 2);

	sink.project = review_imported;
	goal_table_import(fcinfo, &sink, workbook, policy);
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(indicator_goal_table_review);
Datum
indicator_goal_table_review(PG_FUNCTION_ARGS)
{
	return review_import(fcinfo, false);
}

PG_FUNCTION_INFO_V1(indicator_goal_table_review_xlsx);
Datum
indicator_goal_table_review_xlsx(PG_FUNCTION_ARGS)
{
	return review_import(fcinfo, true);
}

/* review_grade(errors, warnings, incomplete, policy): 优/良/中/差. */
PG_FUNCTION_INFO_V1(indicator_review_grade);
Datum
indicator_review_grade(PG_FUNCTION_ARGS)
{
	const IndPolicy *policy = ind_policy_arg(fcinfo, 3);
	int64		errors = PG_ARGISNULL(0) ? 0 : PG_GETARG_INT64(0);
	int64		warnings = PG_ARGISNULL(1) ? 0 : PG_GETARG_INT64(1);
	bool		incomplete = PG_ARGISNULL(2) ? false : PG_GETARG_BOOL(2);

	if (errors < 0 || warnings < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("review_grade needs counts of 0 or more"),
				 errdetail("errors = " INT64_FORMAT ", warnings = " INT64_FORMAT ".", errors, warnings)));
	PG_RETURN_TEXT_P(u8text(gr_grade((int) Min(errors, INT_MAX), (int) Min(warnings, INT_MAX), incomplete, policy)));
}
