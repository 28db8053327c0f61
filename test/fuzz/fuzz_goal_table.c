/*
 * fuzz_goal_table.c
 *		libFuzzer target: the importer.  Every line with content must end
 *		up in a project, a row or a problem, and every row's indicator must
 *		read.
 */
#include "postgres.h"

#include <stdlib.h>

#include "goal_table.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	GtResult	r;
	int			i;
	char	   *textbuf = malloc(IND_TEXTBUF_SIZE);

	gt_read((const char *) data, (int) Min(size, 1 << 22), NULL, &r);
	for (i = 0; i < r.nrows; i++)
	{
		IndSpec		spec;
		IndError	err;

		if (gt_row_spec(&r.rows[i], textbuf, &spec, &err) != IND_OK)
			abort();
		if (r.rows[i].project < 0 || r.rows[i].project >= r.nprojects)
			abort();
	}
	free(textbuf);
	free(r.projects);
	free(r.rows);
	free(r.problems);
	return 0;
}
