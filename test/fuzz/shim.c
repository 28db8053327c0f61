/*
 * shim.c
 *		What the pure core needs from the server, for fuzzing it outside:
 *		memory allocation.  (snprintf and friends come from libpgport.)
 */
#include "postgres.h"

#include <stdlib.h>

/*
 * Bytes handed out so far (a repalloc counts its new size): the unit tests
 * read it to check that an input costs memory in proportion to its length.
 */
Size		shim_allocated = 0;

void *
palloc(Size size)
{
	void	   *p = malloc(size ? size : 1);

	shim_allocated += size;

	if (p == NULL)
		abort();
	return p;
}

void *
palloc0(Size size)
{
	void	   *p = calloc(1, size ? size : 1);

	shim_allocated += size;

	if (p == NULL)
		abort();
	return p;
}

void *
repalloc(void *pointer, Size size)
{
	void	   *p = realloc(pointer, size ? size : 1);

	shim_allocated += size;

	if (p == NULL)
		abort();
	return p;
}

void
pfree(void *pointer)
{
	free(pointer);
}

/* The core never raises errors; these exist only to satisfy the linker. */
bool
errstart(int elevel, const char *domain)
{
	abort();
}

bool
errstart_cold(int elevel, const char *domain)
{
	abort();
}

void
errfinish(const char *filename, int lineno, const char *funcname)
{
	abort();
}
