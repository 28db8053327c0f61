/*
 * fuzz_goal_table.c
 *		libFuzzer target: the importer, in every format (the first byte picks
 *		it).  Rows and projects must come in the order of their lines (a
 *		run-together line holds several), every row must have its levels
 *		settled, an indicator that reads must check, problems must name
 *		lines of the text with reasons that are whole UTF-8, and the counts
 *		must agree with what was handed over.  Each project is then reviewed
 *		(goal_review.c) as imported: every finding must name a known rule at
 *		a severity, rows of the project, and a message of whole UTF-8.
 */
#include "postgres.h"

#include <stdlib.h>

#include "goal_review.h"
#include "goal_table.h"
#include "scan.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct Seen
{
	char	   *specbuf;
	int			last_line;		/* of the last project or row handed over */
	int			nprojects;
	int64		nrows;
	int64		nproblems;
	int			max_problem_line;
} Seen;

static int	review_nrows;

static void
on_finding(void *arg, const GrFinding *f)
{
	int			i,
				len;

	if (f->rule < 0 || f->rule >= gr_rule_count() || f->severity == IND_REVIEW_OFF ||
		f->nrows < 0 || f->nrows > GR_MAX_FINDING_ROWS || f->message == NULL)
		abort();
	for (i = 0; i < f->nrows; i++)
		if (f->rows[i] < 0 || f->rows[i] >= review_nrows)
			abort();
	len = (int) strlen(f->message);
	if (len == 0 || ind_utf8_whole(f->message, len) != len)
		abort();
}

/* The project as goal_table_review() gets it (goal_review_import.c), reviewed. */
static void
review(Seen *seen, const GtProject *project, const GtRow *rows, int nrows)
{
	GrProject	p;
	GrRow	   *gr = palloc(sizeof(GrRow) * Max(nrows, 1));
	IndPolicy	policy;
	int			n = gr_from_import(project, rows, nrows, &p, gr);

	if (n < 0 || n > nrows)
		abort();
	ind_policy_preset(IND_PRESET_CENTRAL, &policy);
	review_nrows = n;
	gr_review(&p, gr, n, NULL, 0, &policy, on_finding, seen);
	gr_import_free(&p, gr, n);
	pfree(gr);
}

static void
on_project(void *arg, const GtProject *project, const GtRow *rows, int nrows)
{
	Seen	   *seen = (Seen *) arg;
	int			i;

	/* a project is handed over when it ends, after the previous one */
	if (project->line < seen->last_line || nrows < 0 || nrows > GT_MAX_PROJECT_ROWS)
		abort();
	seen->last_line = project->line;
	for (i = 0; i < nrows; i++)
	{
		IndSpec		spec;
		IndError	err;
		int			inferred;

		if (rows[i].line < seen->last_line || rows[i].pending)
			abort();
		seen->last_line = rows[i].line;
		if (rows[i].labels_only)
			continue;
		if (rows[i].name.s == NULL || rows[i].name.len <= 0)
			abort();
		if (rows[i].target.s != NULL &&
			gt_row_spec(&rows[i], seen->specbuf, &spec, &err, &inferred) == IND_OK &&
			ind_check_spec(&spec, &err) != IND_OK)
			abort();
		seen->nrows++;
	}
	seen->nprojects++;
	review(seen, project, rows, nrows);
}

static void
on_problem(void *arg, const GtProblem *problem)
{
	Seen	   *seen = (Seen *) arg;
	int			rl;

	if (problem->line < 1 || problem->text.len < 0 ||
		memchr(problem->reason, '\0', sizeof(problem->reason)) == NULL)
		abort();
	rl = (int) strlen(problem->reason);
	if (ind_utf8_whole(problem->reason, rl) != rl)
		abort();
	seen->max_problem_line = Max(seen->max_problem_line, problem->line);
	seen->nproblems++;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	GtResult	r;
	GtSink		sink = {on_project, on_problem, NULL, NULL};
	GtOptions	options = {GT_FORMAT_AUTO, NULL};
	Seen		seen = {0};

	if (size < 1)
		return 0;
	/* a first byte of '0'..'7' forces a format; any other is part of the text */
	if (data[0] >= '0' && data[0] <= '7')
	{
		options.format = (GtFormat) (data[0] - '0');
		data++;
		size--;
	}
	seen.specbuf = malloc(GT_SPECBUF_SIZE);
	sink.arg = &seen;
	gt_read((const char *) data, (int) Min(size, 1 << 22), &options, &sink, &r);
	/* a project too big to keep is never handed over; the ones before it are */
	if (seen.nprojects != r.nprojects - (r.too_big ? 1 : 0) || seen.nrows != r.nrows ||
		seen.nproblems != r.nproblems || seen.max_problem_line > r.nlines)
		abort();
	free(seen.specbuf);
	return 0;
}
