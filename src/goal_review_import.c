/*
 * goal_review_import.c
 *		A project as the importer hands it over (GtProject, GtRow), made into
 *		what the review reads (GrProject, GrRow).
 *
 * goal_table_review() reviews each project as the reader finishes it, so
 * the rows are the ones the reader gave that project (tables without
 * 项目编码 never mix) and the target cell is still at hand for R3.
 * Amounts and weights read as goal_table_projects() and goal_table_rows()
 * read them.
 */
#include "postgres.h"

#include <stdlib.h>

#include "goal_review.h"
#include "goal_table.h"

static char *
dup_slice(GtSlice s)
{
	char	   *r;

	if (s.s == NULL)
		return NULL;
	r = palloc(s.len + 1);
	memcpy(r, s.s, s.len);
	r[s.len] = '\0';
	return r;
}

/* An amount in 万元; one written in 元 is divided by 10,000 (4 more decimals). */
static GrAmount
amount(GtSlice s)
{
	GrAmount	a = {false, {0, 0}};
	int			unit;

	if (!gt_slice_amount(s, &a.v, &unit))
		return a;
	if (unit == GT_AMOUNT_YUAN)
	{
		if (a.v.scale + 4 > IND_DEC_MAX_SCALE)
			return a;
		a.v.scale += 4;
	}
	a.known = true;
	return a;
}

static GrAmount
weight(GtSlice s)
{
	GrAmount	a = {false, {0, 0}};
	int			used;

	a.known = s.s != NULL && ind_decimal_parse(s.s, s.len, true, &used, &a.v) == IND_DEC_OK;
	return a;
}

/* The spec's text and unit, out of the reader's scratch buffer. */
static void
own_spec(IndSpec *spec)
{
	if (spec->text != NULL && spec->text_len > 0)
	{
		char	   *t = palloc(spec->text_len + 1);

		memcpy(t, spec->text, spec->text_len);
		t[spec->text_len] = '\0';
		spec->text = t;
	}
	if (spec->unit != NULL && spec->unit != spec->unit_buf && spec->unit_len > 0)
	{
		char	   *u = palloc(spec->unit_len + 1);

		memcpy(u, spec->unit, spec->unit_len);
		u[spec->unit_len] = '\0';
		spec->unit = u;
	}
}

/*
 * Fill *p and out[] (room for nrows) from the importer's project; returns
 * the number of rows (lines of labels only are not rows).  Everything is
 * palloc'd: gr_import_free() gives it back, or the caller resets a context.
 */
int
gr_from_import(const GtProject *gp, const GtRow *rows, int nrows, GrProject *p, GrRow *out)
{
	char	   *specbuf = palloc(GT_SPECBUF_SIZE);
	char	   *year;
	int			i,
				n = 0;

	memset(p, 0, sizeof(*p));
	p->code = dup_slice(gp->field[GT_CODE]);
	p->name = dup_slice(gt_project_name(gp));
	year = dup_slice(gp->field[GT_YEAR]);
	p->year = year ? atoi(year) : 0;
	if (year)
		pfree(year);
	p->annual_goal = dup_slice(gp->field[GT_GOAL]);
	p->total = amount(gp->field[GT_TOTAL]);
	p->fiscal = amount(gp->field[GT_FISCAL]);
	p->non_fiscal = amount(gp->field[GT_NONFISCAL]);
	p->budget_weight = weight(gp->field[GT_BUDGET_WEIGHT]);
	for (i = 0; i < nrows; i++)
	{
		const GtRow *row = &rows[i];
		GrRow	   *r = &out[n];
		IndError	err;
		int			inferred;

		if (row->labels_only)
			continue;
		memset(r, 0, sizeof(*r));
		r->level1 = row->level1 ? row->level1->name : NULL;
		r->level2 = row->level2 ? row->level2->name : NULL;
		r->name = dup_slice(row->name);
		r->weight = weight(row->weight);
		r->source_line = row->line;
		r->has_spec = row->target.s != NULL &&
			gt_row_spec(row, specbuf, &r->spec, &err, &inferred) == IND_OK;
		if (r->has_spec)
			own_spec(&r->spec);
		else
			r->target_cell = dup_slice(row->target);
		n++;
	}
	pfree(specbuf);
	return n;
}

/* What gr_from_import() allocated, for callers without a context to reset. */
void
gr_import_free(GrProject *p, GrRow *rows, int n)
{
	int			i;

	for (i = 0; i < n; i++)
	{
		if (rows[i].name)
			pfree(unconstify(char *, rows[i].name));
		if (rows[i].target_cell)
			pfree(unconstify(char *, rows[i].target_cell));
		if (rows[i].has_spec && rows[i].spec.text != NULL && rows[i].spec.text_len > 0)
			pfree(unconstify(char *, rows[i].spec.text));
		if (rows[i].has_spec && rows[i].spec.unit != NULL && rows[i].spec.unit != rows[i].spec.unit_buf &&
			rows[i].spec.unit_len > 0)
			pfree(unconstify(char *, rows[i].spec.unit));
	}
	if (p->code)
		pfree(unconstify(char *, p->code));
	if (p->name)
		pfree(unconstify(char *, p->name));
	if (p->annual_goal)
		pfree(unconstify(char *, p->annual_goal));
}
