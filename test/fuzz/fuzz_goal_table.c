/*
 * fuzz_goal_table.c
 *		libFuzzer target: the importer.  Every row's indicator must read,
 *		projects and rows must come in the order of their lines, problems
 *		must name lines of the text, and the counts must agree with what
 *		was handed over.
 */
#include "postgres.h"

#include <stdlib.h>

#include "goal_table.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct Seen
{
	char	   *textbuf;
	int			last_line;		/* of the last project or row handed over */
	int			nprojects;
	int64		nrows;
	int64		nproblems;
	int			max_problem_line;
} Seen;

static void
on_project(void *arg, const GtProject *project, const GtRow *rows, int nrows)
{
	Seen	   *seen = (Seen *) arg;
	int			i;

	/* a project is handed over when it ends, after the previous one */
	if (project->line <= seen->last_line || nrows < 0 || nrows > GT_MAX_PROJECT_ROWS)
		abort();
	seen->last_line = project->line;
	for (i = 0; i < nrows; i++)
	{
		IndSpec		spec;
		IndError	err;

		if (gt_row_spec(&rows[i], seen->textbuf, &spec, &err) != IND_OK)
			abort();
		if (rows[i].line <= seen->last_line || rows[i].pending)
			abort();
		seen->last_line = rows[i].line;
	}
	seen->nprojects++;
	seen->nrows += nrows;
}

static void
on_problem(void *arg, const GtProblem *problem)
{
	Seen	   *seen = (Seen *) arg;

	if (problem->line < 1 || problem->text.len < 0 ||
		memchr(problem->reason, '\0', sizeof(problem->reason)) == NULL)
		abort();
	seen->max_problem_line = Max(seen->max_problem_line, problem->line);
	seen->nproblems++;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	GtResult	r;
	GtSink		sink = {on_project, on_problem, NULL, NULL};
	Seen		seen = {0};

	seen.textbuf = malloc(IND_TEXTBUF_SIZE);
	sink.arg = &seen;
	gt_read((const char *) data, (int) Min(size, 1 << 22), &sink, &r);
	/* a project too big to keep is never handed over; the ones before it are */
	if (seen.nprojects != r.nprojects - (r.too_big ? 1 : 0) || seen.nrows != r.nrows ||
		seen.nproblems != r.nproblems || seen.max_problem_line > r.nlines)
		abort();
	free(seen.textbuf);
	return 0;
}
