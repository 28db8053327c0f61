/*
 * fuzz_selfeval.c
 *		libFuzzer target: the self-evaluation importer, in every format (the
 *		first byte '0'..'7' picks it).  Sheets and rows must come in the order
 *		of their lines, an indicator that reads must check, the printed
 *		target must fit its buffer, problems must name lines of the text with
 *		reasons that are whole UTF-8, and the counts must agree with what was
 *		handed over.
 */
#include "postgres.h"

#include <stdlib.h>

#include "scan.h"
#include "selfeval.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct Seen
{
	char	   *specbuf;
	int			last_line;
	int			nsheets;
	int64		nrows;
	int64		nproblems;
	int			max_problem_line;
} Seen;

static void
on_sheet(void *arg, const SeSheet *sheet, const SeRow *rows, int nrows)
{
	Seen	   *seen = (Seen *) arg;
	int			i;

	if (sheet->line < seen->last_line || nrows < 0 || nrows > SE_MAX_SHEET_ROWS)
		abort();
	seen->last_line = sheet->line;
	for (i = 0; i < nrows; i++)
	{
		IndSpec		spec;
		IndError	err;
		int			inferred;
		char		cell[IND_TEXTBUF_SIZE];
		int			cl;

		if (rows[i].line < seen->last_line)
			abort();
		seen->last_line = rows[i].line;
		if (rows[i].target.s != NULL &&
			se_row_spec(&rows[i], seen->specbuf, &spec, &err, &inferred) == IND_OK &&
			ind_check_spec(&spec, &err) != IND_OK)
			abort();
		cl = se_row_target_cell(&rows[i], cell, sizeof(cell));
		if (cl < 0 || cl >= (int) sizeof(cell))
			abort();
		seen->nrows++;
	}
	seen->nsheets++;
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
	SeSink		sink = {on_sheet, on_problem, NULL, NULL};
	GtFormat	format = GT_FORMAT_AUTO;
	Seen		seen = {0};

	if (size < 1)
		return 0;
	if (data[0] >= '0' && data[0] <= '7')
	{
		format = (GtFormat) (data[0] - '0');
		data++;
		size--;
	}
	seen.specbuf = malloc(GT_SPECBUF_SIZE);
	sink.arg = &seen;
	se_read((const char *) data, (int) Min(size, 1 << 22), format, &sink, &r);
	if (seen.nsheets != r.nprojects || seen.nrows != r.nrows || seen.nproblems != r.nproblems ||
		seen.max_problem_line > r.nlines)
		abort();
	free(seen.specbuf);
	return 0;
}
